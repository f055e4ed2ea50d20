/**
 * Regenerates the screenshots in docs/explorer.md: starts the server as `start` does on a fresh
 * quick-start database, opens each view in Debian's chromium, and writes docs/explorer/<view>.png.
 * Never with the source documents (`SOURCES_DIR`): the repository holds no document text, pictures
 * of passages included.
 * Run: npx -y pnpm@10 --filter @bilateral/api docs:screenshots
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../src/testing/browser.ts';
import { yearEventWithCompetingYear } from '../src/testing/explorer-data.ts';
import { startServer } from '../src/testing/server-process.ts';

const docsDir = join(import.meta.dirname, '../../../docs/explorer');

/**
 * Each view: its file name, its URL's query, what must be on screen before the picture is taken, and
 * where to scroll to first when the part worth showing is further down.
 */
const shots = (disputed: string): { name: string; query: string; ready: string; scrollTo?: string }[] => [
  { name: 'search', query: '?view=search&q=embargo', ready: '.results li mark' },
  { name: 'timeline', query: '?view=timeline&sectors=DEFENCE', ready: '.timeline svg a[data-slug]' },
  { name: 'network', query: '?view=network&from=2014&pair=pakistan~russia', ready: 'svg.network [role="button"]' },
  { name: 'event', query: `?view=event&slug=${disputed}`, ready: '.citations li' },
  {
    name: 'event-evidence',
    query: `?view=event&slug=${disputed}`,
    ready: '.citations li',
    scrollTo: '#conflicts-heading',
  },
  { name: 'actor', query: '?view=actor&slug=pakistan', ready: '.timeline svg a[data-slug]', scrollTo: '.timeline' },
  { name: 'source', query: '?view=source&slug=policyeast-2024-cold-war-rivals', ready: '.coverage tbody tr' },
];

const dir = mkdtempSync(join(tmpdir(), 'bilateral-screenshots-'));
const server = startServer({ DATABASE_PATH: join(dir, 'screenshots.db') });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const graphqlUrl = await server.listening;
  const explorer = new URL('/explore', graphqlUrl).href;
  const disputed = (await yearEventWithCompetingYear(graphqlUrl)).slug;
  mkdirSync(docsDir, { recursive: true });
  // A small window keeps each picture under about 100 kB.
  const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  for (const shot of shots(disputed)) {
    await page.goto(explorer + shot.query);
    await page.locator(shot.ready).first().waitFor({ timeout: 30_000 });
    if (shot.scrollTo) {
      await page.locator(shot.scrollTo).first().waitFor();
      await page.evaluate(`document.querySelector(${JSON.stringify(shot.scrollTo)}).scrollIntoView()`);
    }
    const path = join(docsDir, `${shot.name}.png`);
    await page.screenshot({ path, animations: 'disabled' });
    console.log(`${path}: ${statSync(path).size} bytes`);
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}

// The explorer's first results on screen (issue #24: ≤ 1 s on the quick-start database, headless
// chromium): from the start of navigation to /explore to the first frame that shows a view's results,
// in a fresh browser context each run (nothing cached: the page, its script and the first request
// all count). Baseline in the same run: navigating to the server's /health (one small JSON answer),
// which is what the browser and the server cost before the explorer does anything.
// With EXPLORER_BENCH_EVENTS=100000 (or 1000000) it runs against that cached synthetic database,
// read-only, to show the views stay responsive at scale (they ask for pages, never all events).
// Prints medians and ratios; nothing is asserted.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:explorer
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../src/testing/browser.ts';
import { startServer } from '../src/testing/server-process.ts';

const RUNS = Number(process.env.EXPLORER_BENCH_RUNS ?? 7);
const EVENTS = Number(process.env.EXPLORER_BENCH_EVENTS ?? 0);

/** Each view's URL and the element that means its first results are on screen. */
const VIEWS: { name: string; query: string; results: string }[] = [
  { name: 'landing (events list)', query: '', results: '.results li' },
  { name: 'search "pakistan"', query: '?view=search&q=pakistan', results: '.results li mark' },
  { name: 'timeline', query: '?view=timeline', results: '.timeline svg a[data-slug]' },
  { name: 'network', query: '?view=network', results: 'svg.network [role="button"]' },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds from navigation start to the first animation frame in which `selector` matches. */
async function timeToShow(browser: Browser, url: string, selector: string): Promise<number> {
  // The page's CSP forbids eval, which waitForFunction's polling uses; bypassing it changes no timing.
  const context = await browser.newContext({ bypassCSP: true });
  const page: Page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      `document.querySelector(${JSON.stringify(selector)}) && performance.now()`,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    return (await shown.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'bilateral-explorer-bench-'));
const database: Record<string, string> = EVENTS
  ? { DATABASE_PATH: syntheticDatabase({ events: EVENTS }).path, READ_ONLY: 'true' }
  : { DATABASE_PATH: join(dir, 'quick-start.db') };
const server = startServer(database);
const graphqlUrl = await server.listening;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const origin = new URL(graphqlUrl).origin;
  // One unmeasured load, so the server's first-request work (its code cache, SQLite's page cache) is done.
  await timeToShow(browser, `${origin}/explore`, VIEWS[0]!.results);
  const baseline: number[] = [];
  const times = new Map<string, number[]>(VIEWS.map((view) => [view.name, []]));
  for (let run = 0; run < RUNS; run++) {
    baseline.push(await timeToShow(browser, `${origin}/health`, 'body'));
    for (const view of VIEWS)
      times.get(view.name)!.push(await timeToShow(browser, `${origin}/explore${view.query}`, view.results));
  }
  console.log(
    `database: ${EVENTS ? `synthetic, ${EVENTS} events (read-only)` : 'quick start (seeds/)'}; ${RUNS} runs, fresh context each; load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const base = median(baseline);
  console.log(`${'baseline: /health'.padEnd(28)} ${base.toFixed(0).padStart(6)} ms`);
  for (const [name, values] of times) {
    const value = median(values);
    console.log(
      `${name.padEnd(28)} ${value.toFixed(0).padStart(6)} ms  (${(value / base).toFixed(1)}× baseline; min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})  ${value <= 1000 ? 'within' : 'OVER'} 1 s`,
    );
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}

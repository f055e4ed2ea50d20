// The explorer at /explore in a real browser (Debian's chromium, headless), served by the server as
// `start` runs it, with TRUSTED_DOCUMENTS_ONLY=true (so every request must be an SDK document ID) and the
// network closed to everything but the server: each view renders the seed data, a view's URL restores
// it, the timeline draws a year as the whole year, a passage's word finds its event, the console stays
// clean and axe-core finds no accessibility violation on any view.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type EventFilter } from '@bilateral/sdk';
import { defaultSourcesDir } from '@bilateral/store';
import { itRequiresSourceDocumentsInCI, sourceDocumentsPresent } from '@bilateral/store/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleErrors, type GuardedBrowser, launchGuardedBrowser, skipWithoutChromium } from './testing/browser.ts';
import { yearEventWithCompetingYear } from './testing/explorer-data.ts';
import { useFixtureApi } from './testing/fixture-api.ts';
import { type ServerProcess, startServer } from './testing/server-process.ts';

describe('the explorer over HTTP', () => {
  const api = useFixtureApi();
  const get = (path: string, init: RequestInit = {}) => api.yoga.fetch(`http://bilateral.test${path}`, init);

  it('serves its page at /explore, loading only its own files', async () => {
    for (const path of ['/explore', '/explore/']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect([...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1])).toEqual([
        'data:,',
        '/explore/assets/explorer.css',
        '/explore/assets/explorer.js',
      ]);
      expect(page).toContain(`content="default-src 'self'`);
    }
  });

  it('serves the built script gzipped and revalidated by ETag', async () => {
    const response = await get('/explore/assets/explorer.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const etag = response.headers.get('etag')!;
    expect((await get('/explore/assets/explorer.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('answers 404 for anything but a built script or stylesheet', async () => {
    for (const path of [
      '/explore/assets/missing.js',
      '/explore/assets/explorer.js.inputs.json',
      '/explore/assets/..%2Fpackage.json',
      '/explore/assets/%2e%2e/src/built-files.ts',
      '/explore/assets/.hidden.js',
    ])
      expect((await get(path)).status, path).toBe(404);
    expect((await get('/explore/assets/explorer.js', { method: 'POST' })).status).toBe(404);
  });
});

const missing = skipWithoutChromium('explorer-route.test.ts');

const documentsPresent = sourceDocumentsPresent('the explorer tests of passages (explorer-route.test.ts)');
itRequiresSourceDocumentsInCI(documentsPresent);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface ViewCheck {
  name: string;
  query: string;
  /** A selector that matches once the view shows its data, and how many matches at least. */
  shows: string;
  atLeast: number;
}

const VIEWS: ViewCheck[] = [
  { name: 'search', query: '?view=search&q=embargo', shows: '.results li mark', atLeast: 3 },
  { name: 'filtered events', query: '?view=search&sectors=DEFENCE&from=2014', shows: '.results li', atLeast: 10 },
  { name: 'timeline', query: '?view=timeline&sectors=DEFENCE', shows: '.timeline svg a[data-slug]', atLeast: 10 },
  { name: 'network', query: '?view=network&pair=pakistan~russia', shows: 'svg.network [role="button"]', atLeast: 20 },
  {
    name: 'event',
    query: '?view=event&slug=2014-06-russia-lifts-arms-embargo-on-pakistan',
    shows: '.citations li',
    atLeast: 1,
  },
  { name: 'actor', query: '?view=actor&slug=pakistan', shows: '.timeline svg a[data-slug]', atLeast: 10 },
  { name: 'sources', query: '?view=sources', shows: '.results li', atLeast: 5 },
  {
    name: 'source',
    query: '?view=source&slug=policyeast-2024-cold-war-rivals',
    shows: '.coverage tbody tr',
    atLeast: 10,
  },
];

const SOURCE = 'butt-2019-budding-pak-russia-strategic-relationship';
const EVENT = '2014-06-russia-lifts-arms-embargo-on-pakistan';

interface ExportCheck {
  name: string;
  query: string;
  /** The filter of the events the view shows, as the Events operation takes it. */
  filter: EventFilter;
  /** Where the view's export links are (its first `.view-links` unless said). */
  links?: string;
  /** What the links say they download. */
  says?: string;
}

/** Every view that shows events, with the events it shows. */
const EXPORTING_VIEWS: ExportCheck[] = [
  {
    name: 'search by words',
    query: '?view=search&q=embargo',
    filter: { text: 'embargo' },
    says: 'the events these words find',
  },
  {
    name: 'filtered events',
    query: '?view=search&sectors=DEFENCE&from=2014',
    filter: { sectors: ['DEFENCE'], from: '2014' },
  },
  { name: 'timeline', query: '?view=timeline&q=pipeline&to=2020', filter: { text: 'pipeline', to: '2020' } },
  { name: 'network', query: '?view=network&sectors=ENERGY', filter: { sectors: ['ENERGY'] } },
  {
    name: "network's shared events",
    query: '?view=network&from=2014&pair=pakistan~russia',
    filter: { from: '2014', actors: ['pakistan', 'russia'], actorsMatch: 'ALL' },
    links: 'section[aria-labelledby="shared-heading"] .view-links',
  },
  { name: 'event', query: `?view=event&slug=${EVENT}`, filter: { slugs: [EVENT] }, says: 'this event' },
  { name: 'actor', query: '?view=actor&slug=mikhail-mishustin', filter: { actors: ['mikhail-mishustin'] } },
  {
    name: 'source',
    query: `?view=source&slug=${SOURCE}`,
    filter: { sources: [SOURCE] },
    says: 'the events citing this source',
  },
];

/**
 * An event and a word of its cited passages that its own title, summary and place never use, matched
 * by few enough records to show on the first page of a search: what a reader who has just read the
 * source would type, and what only the indexed passages can answer.
 */
async function passageOnlyWord(bilateral: ReturnType<typeof createClient>): Promise<{ slug: string; word: string }> {
  const tried: string[] = [];
  for await (const { slug } of bilateral.allEvents({ pageSize: 50 })) {
    const event = (await bilateral.event({ slug }))!;
    const ownText = [event.title, event.summary, event.place ?? ''].join(' ').toLowerCase();
    const passages = event.citations
      .map((citation) => citation.passage ?? '')
      .join(' ')
      .toLowerCase();
    const words = [...new Set(passages.match(/\p{L}{8,}/gu))].filter((word) => !ownText.includes(word));
    for (const word of words) {
      const { totalCount } = await bilateral.search({ query: word, first: 1 });
      if (totalCount > 0 && totalCount <= 20) return { slug, word };
    }
    tried.push(slug);
    if (tried.length >= 40) break;
  }
  throw new Error(`no passage-only word on one page of results among ${tried.join(', ')}`);
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations on the page as it stands (evaluated through DevTools, so the page's CSP allows it). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>('axe.run(document).then((result) => result.violations)');
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
}

describe.skipIf(missing)('the explorer in a real browser', () => {
  let server: ServerProcess;
  let explorerUrl: string;
  let graphqlUrl: string;
  let browser: GuardedBrowser;
  /** An event dated to a year, and the other year a source gives for it. */
  let yearEvent: { slug: string; year: number; competing: number };
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-explorer-'));

  beforeAll(async () => {
    server = startServer({
      DATABASE_PATH: join(dir, 'explorer.db'),
      TRUSTED_DOCUMENTS_ONLY: 'true',
      ...(documentsPresent ? { SOURCES_DIR: defaultSourcesDir() } : {}),
    });
    const [listening, launched] = await Promise.all([server.listening, launchGuardedBrowser()]);
    graphqlUrl = listening;
    browser = launched;
    explorerUrl = new URL('/explore', graphqlUrl).href;
    yearEvent = await yearEventWithCompetingYear(graphqlUrl);
    browser.allowedOrigins.add(new URL(graphqlUrl).origin);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(query: string) {
    const page = await browser.context.newPage();
    const errors = consoleErrors(page);
    await page.goto(explorerUrl + query);
    return { page, errors };
  }

  for (const view of VIEWS)
    it(`${view.name}: renders seed data from its URL, without console errors or accessibility violations`, async () => {
      const { page, errors } = await open(view.query);
      await expect
        .poll(() => page.locator(view.shows).count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(view.atLeast);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(browser.blockedRequests).toEqual([]);
      await page.close();
    }, 60_000);

  it('restores a view from its URL: the filters a user applied come back on reload', async () => {
    const { page, errors } = await open('?view=search');
    await page.getByLabel('Words').fill('defence');
    await page.getByLabel('From').fill('2014');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('defence');
    const results = page.locator('.results li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const shown = await results.allTextContents();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2014');

    await page.reload();
    await expect.poll(() => results.allTextContents(), { timeout: 15_000 }).toEqual(shown);
    expect(await page.getByLabel('Words').inputValue()).toBe('defence');
    expect(await page.getByLabel('From').inputValue()).toBe('2014');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows how many events each list holds: the filtered list, a pair of actors and the timeline', async () => {
    const bilateral = createClient({ url: graphqlUrl });
    const countOf = async (filter: EventFilter) => (await bilateral.events({ filter, first: 1 })).totalCount;
    const lists: [string, string, RegExp, EventFilter][] = [
      [
        '?view=search&sectors=DEFENCE&from=2014',
        '.pager span',
        /^\d+ shown of (\d+)$/,
        { sectors: ['DEFENCE'], from: '2014' },
      ],
      [
        '?view=network&pair=pakistan~russia',
        'section .pager span',
        /^\d+ shown of (\d+)$/,
        { actors: ['pakistan', 'russia'], actorsMatch: 'ALL' },
      ],
      ['?view=timeline', 'main p', /^\d+ of (\d+) events shown\.$/, {}],
    ];
    for (const [query, selector, says, filter] of lists) {
      const { page, errors } = await open(query);
      const count = page.locator(selector).filter({ hasText: says });
      await expect.poll(() => count.count(), { timeout: 15_000 }).toBe(1);
      expect(Number(says.exec((await count.textContent())!.trim())![1]), query).toBe(await countOf(filter));
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 90_000);

  it("draws a year-precision event's bar over its whole year, and the year another source gives beside it", async () => {
    const { year } = yearEvent;
    const { page } = await open(`?view=timeline&from=${year - 2}&to=${year + 2}`);
    const bars = page.locator(`a[data-slug="${yearEvent.slug}"] rect`);
    await expect.poll(() => bars.count(), { timeout: 15_000 }).toBe(2);
    const svg = page.locator('.timeline svg[data-domain]');
    const [domainStart, domainEnd] = (await svg.getAttribute('data-domain'))!.split('/').map((day) => Date.parse(day));
    const [rangeStart, rangeEnd] = (await svg.getAttribute('data-range'))!.split(',').map(Number);
    const x = (day: string) =>
      rangeStart! + ((Date.parse(day) - domainStart!) / (domainEnd! - domainStart!)) * (rangeEnd! - rangeStart!);
    const span = async (selector: string) => {
      const rect = page.locator(`a[data-slug="${yearEvent.slug}"] ${selector}`);
      const left = Number(await rect.getAttribute('x'));
      return [left, left + Number(await rect.getAttribute('width'))];
    };
    const [left, right] = await span('rect.bar');
    const startOf = (year: number) => x(`${year}-01-01T00:00:00Z`);
    expect(left).toBeCloseTo(startOf(year), 1);
    expect(right).toBeCloseTo(startOf(year + 1), 1);
    const [competingLeft, competingRight] = await span('rect.competing');
    const { competing } = yearEvent;
    expect(competingLeft).toBeCloseTo(startOf(competing), 1);
    expect(competingRight).toBeCloseTo(startOf(competing + 1), 1);
    await page.close();
  }, 60_000);

  it('opens an event from the timeline and a pair from the network by keyboard, with a visible focus', async () => {
    const { year } = yearEvent;
    const { page, errors } = await open(`?view=timeline&from=${year - 2}&to=${year + 2}`);
    const bar = page.locator(`a[data-slug="${yearEvent.slug}"]`);
    await bar.focus();
    expect(await page.evaluate('getComputedStyle(document.activeElement.querySelector("rect")).strokeWidth')).toBe(
      '3px',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('slug')).toBe(yearEvent.slug);
    await expect.poll(() => page.locator('.event .summary').count(), { timeout: 15_000 }).toBe(1);

    await page.goto(`${explorerUrl}?view=network`);
    const edge = page.locator('svg.network [data-pair="pakistan~russia"]');
    await edge.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('pair')).toBe('pakistan~russia');
    await expect
      .poll(() => page.locator('#shared-heading + * + .results li, section .results li').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('links each view to its export with the same filter and to GraphiQL with its document and variables', async () => {
    const { page } = await open('?view=search&sectors=DEFENCE&from=2014');
    const csv = page.getByRole('link', { name: 'CSV' });
    await expect.poll(() => csv.count(), { timeout: 15_000 }).toBe(1);
    const exportHref = new URL((await csv.getAttribute('href'))!, explorerUrl);
    expect(exportHref.pathname).toBe('/export/events.csv');
    expect(Object.fromEntries(exportHref.searchParams)).toEqual({ sectors: 'DEFENCE', from: '2014' });
    const listed = await page.locator('.pager span').textContent();
    const rows = (await (await page.request.get(exportHref.href)).text()).trim().split('\n').length - 1;
    expect(listed).toMatch(new RegExp(`of ${rows}$`));

    const graphiql = page.getByRole('link', { name: 'This view as a GraphQL query' });
    await expect.poll(() => graphiql.count(), { timeout: 15_000 }).toBe(1);
    const graphiqlHref = new URL((await graphiql.getAttribute('href'))!, explorerUrl);
    expect(graphiqlHref.pathname).toBe('/graphql');
    expect(graphiqlHref.searchParams.get('query')).toMatch(/\bquery EventList\(/);
    expect(JSON.parse(graphiqlHref.searchParams.get('variables')!)).toEqual({
      filter: { sectors: ['DEFENCE'], from: '2014' },
      first: 20,
    });
    // What GraphiQL sends for that link runs on this server, which runs only the SDK's documents.
    const fromGraphiql = await page.request.post(new URL('/graphql', explorerUrl).href, {
      data: {
        query: graphiqlHref.searchParams.get('query'),
        variables: JSON.parse(graphiqlHref.searchParams.get('variables')!),
      },
    });
    const answer = (await fromGraphiql.json()) as {
      data?: { events: { boundedCount: { count: number } } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(`of ${answer.data!.events.boundedCount.count}`).toBe(listed!.match(/of \d+$/)![0]);
    await page.close();
  }, 60_000);

  for (const view of EXPORTING_VIEWS)
    it(`${view.name}: its CSV and JSON Lines links answer 200 with exactly the events it shows`, async () => {
      const { page, errors } = await open(view.query);
      const links = page.locator(view.links ?? '.view-links').first();
      const csv = links.getByRole('link', { name: 'CSV' });
      await expect.poll(() => csv.count(), { timeout: 15_000 }).toBe(1);
      if (view.says) expect(await links.textContent()).toContain(view.says);
      const expected: string[] = [];
      for await (const event of createClient({ url: graphqlUrl }).allEvents({ filter: view.filter }))
        expected.push(event.slug);
      expect(expected.length, 'the view shows some events').toBeGreaterThan(0);

      const download = async (name: string) => {
        const href = new URL((await links.getByRole('link', { name }).getAttribute('href'))!, explorerUrl);
        const response = await page.request.get(href.href);
        expect(response.status(), href.href).toBe(200);
        return { path: href.pathname, lines: (await response.text()).trim().split(/\r?\n/) };
      };
      const asCsv = await download('CSV');
      expect(asCsv.path).toBe('/export/events.csv');
      // The event_id column comes first; a slug needs no CSV quoting.
      expect(
        asCsv.lines
          .slice(1)
          .map((line) => line.slice(0, line.indexOf(',')))
          .sort(),
      ).toEqual(expected.sort());
      const asJsonLines = await download('JSON Lines');
      expect(asJsonLines.path).toBe('/export/events.jsonl');
      expect(asJsonLines.lines.map((line) => JSON.parse(line).event_id).sort()).toEqual(expected);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

  it.skipIf(!documentsPresent)(
    "shows a citation's passage, and a search for a word only the passage holds finds the event",
    async () => {
      const { slug, word } = await passageOnlyWord(createClient({ url: graphqlUrl }));
      const { page, errors } = await open(`?view=event&slug=${slug}`);
      const passages = page.locator('.citations .passage');
      await expect.poll(() => passages.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect((await passages.allTextContents()).join(' ').toLowerCase()).toContain(word);

      await page.goto(`${explorerUrl}?view=search&q=${encodeURIComponent(word)}`);
      const hit = page.locator(`.results li:has(a[href*="slug=${slug}"])`);
      await expect.poll(() => hit.count(), { timeout: 15_000 }).toBe(1);
      expect((await hit.locator('mark').allTextContents()).map((mark) => mark.toLowerCase())).toContain(word);
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});

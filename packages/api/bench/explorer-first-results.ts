// The explorer's first results on screen (issue #24: ≤ 1 s on the quick-start database, headless
// chromium): from the start of navigation to /explore to the first frame that shows a view's results,
// in a fresh browser context each run (nothing cached: the page, its script and the first request
// all count). Baseline in the same run: navigating to the server's /health (one small JSON answer),
// which is what the browser and the server cost before the explorer does anything.
// Every view is timed: search, filtered events, timeline, network (with a pair's shared events), an
// event, the busiest actor, the sources and the most cited source; the records are asked of the server
// first, so the same views run on any database.
// With EXPLORER_BENCH_EVENTS=100000 (or 1000000) it runs against that cached synthetic database,
// read-only, to show the views stay responsive at scale (they ask for pages, never all events).
// Prints medians and ratios; nothing is asserted.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:explorer
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@bilateral/sdk';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../src/testing/browser.ts';
import { startServer } from '../src/testing/server-process.ts';

const RUNS = Number(process.env.EXPLORER_BENCH_RUNS ?? 7);
const EVENTS = Number(process.env.EXPLORER_BENCH_EVENTS ?? 0);

interface View {
  name: string;
  query: string;
  /** The element that means the view's first results are on screen. */
  results: string;
}

/**
 * Each view's URL, with records of the served data: the newest event, the busiest actor and its
 * busiest partner (the heaviest pages of the actor and network views), and the most cited source.
 */
async function views(graphqlUrl: string): Promise<View[]> {
  const bilateral = createClient({ url: graphqlUrl });
  const [events, network, sources] = await Promise.all([
    bilateral.events({ first: 1 }),
    bilateral.actorNetwork({ nodes: 2, edges: 1, minWeight: 1 }),
    bilateral.sources({ first: 40 }),
  ]);
  const event = events.edges[0]!.node.slug;
  const [busiest, partner] = network.edges[0]
    ? [network.edges[0].source, network.edges[0].target].map(
        (id) => network.nodes.find((node) => node.id === id)!.actor.slug,
      )
    : [network.nodes[0]!.actor.slug, network.nodes[0]!.actor.slug];
  const source = [...sources.edges].sort((a, b) => b.node.citations.totalCount - a.node.citations.totalCount)[0]!.node
    .slug;
  return [
    { name: 'landing (events list)', query: '', results: '.results li' },
    { name: 'search "pakistan"', query: '?view=search&q=pakistan', results: '.results li mark' },
    { name: 'filtered events', query: '?view=search&sectors=DEFENCE&from=2000', results: '.results li' },
    { name: 'timeline', query: '?view=timeline', results: '.timeline svg a[data-slug]' },
    { name: 'network', query: '?view=network', results: 'svg.network [role="button"]' },
    {
      name: 'network, a pair selected',
      query: `?view=network&pair=${[busiest, partner].sort().join('~')}`,
      results: 'section .results li',
    },
    { name: 'event', query: `?view=event&slug=${event}`, results: '.citations li' },
    { name: 'actor (the busiest)', query: `?view=actor&slug=${busiest}`, results: '.timeline svg a[data-slug]' },
    { name: 'sources', query: '?view=sources', results: '.results li' },
    { name: 'source (most cited)', query: `?view=source&slug=${source}`, results: '.coverage tbody tr' },
  ];
}

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
      { polling: 'raf', timeout: 120_000 },
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
  const VIEWS = await views(graphqlUrl);
  // One unmeasured load of each view, so the server's first-request work (its code cache, SQLite's page
  // cache) is done.
  for (const view of VIEWS) await timeToShow(browser, `${origin}/explore${view.query}`, view.results);
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
  console.log(`${'baseline: /health'.padEnd(30)} ${base.toFixed(0).padStart(6)} ms`);
  for (const [name, values] of times) {
    const value = median(values);
    console.log(
      `${name.padEnd(30)} ${value.toFixed(0).padStart(6)} ms  (${(value / base).toFixed(1)}× baseline; min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})  ${value <= 1000 ? 'within' : 'OVER'} 1 s`,
    );
  }
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
}

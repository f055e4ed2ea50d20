// Filtered statistics and search at scale (issue 26): each analytics query of a dashboard, one at a time
// (p50) and from 10 clients at once (p50 and p99 of the answers, BUSY refusals counted), against the real
// server on one synthetic database. Two servers in turn: the default admission of costly requests (one
// runs, four wait, the rest are refused BUSY and wait out Retry-After, as the SDK's callers are told to),
// and every request admitted (COSTLY_REQUESTS_WAITING=16), where the p99 is the queue a dashboard of ten
// panels really meets. Then the page of 20 under 100 connections against the single-statement floor.
// The server is pinned to core 0, this process and wrk to core 1. Timings are printed, never asserted.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:analytics
// Settings: BENCH_EVENTS (1000000), BENCH_DURATION (seconds per measurement, 8), BENCH_PORT (4320, two ports),
// BENCH_SEED (1).
// Targets (issue 26), at 1M events: each eventStats and cooperationIndex filter p50 ≤ 100 ms one at a time
// and p99 ≤ 300 ms under 10 connections; search for a very common word p99 ≤ 300 ms under 10 connections;
// the page under 100 connections keeps its ratio to the floor, with p99 ≤ 5× p50.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMON_WORD, syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { runOneAtATime, runWrk } from './load.ts';
import { benchQueries, HUB_FILTER } from './queries.ts';
import { prepareBundledServers, type RunningServer, startServer, stopServer } from './servers.ts';
import { LOAD_CPU, measuredCommit, SERVER_CPU } from './timing.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_DURATION ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 4320);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const CLIENTS = 10;

const FILTERS: Record<string, string> = {
  'from 2000': '{ from: "2000" }',
  'kind ARMS_DEAL': '{ kinds: [ARMS_DEAL] }',
  'sector DEFENCE': '{ sectors: [DEFENCE] }',
  [`actor ${HUB_FILTER.actors[0]} (hub)`]: `{ actors: ${JSON.stringify(HUB_FILTER.actors)} }`,
};
const ANALYTICS: { name: string; body: string }[] = [
  ...Object.entries(FILTERS).map(([name, filter]) => ({
    name: `eventStats YEAR, ${name}`,
    body: `{ eventStats(filter: ${filter}, groupBy: [YEAR]) { totalCount buckets { count } } }`,
  })),
  ...Object.entries(FILTERS).map(([name, filter]) => ({
    name: `cooperationIndex, ${name}`,
    body: `{ cooperationIndex(filter: ${filter}) { years { year meanGoldstein } } }`,
  })),
  {
    name: `search "${COMMON_WORD}"`,
    body: `{ search(query: "${COMMON_WORD}", first: 20) { totalCount edges { node { id } } } }`,
  },
].map(({ name, body }) => ({ name, body: JSON.stringify({ query: body }) }));

const ADMISSIONS: { name: string; env: Record<string, string> }[] = [
  { name: 'default admission', env: {} },
  { name: 'all admitted', env: { COSTLY_REQUESTS_WAITING: '16' } },
];

const percentile = (values: number[], p: number) =>
  values.length
    ? values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
    : Number.NaN;

/** Ten clients sending one query back to back; a BUSY client waits out Retry-After, as the SDK's callers do. */
async function concurrently(url: string, body: string) {
  const answered: number[] = [];
  let busy = 0;
  let failed = 0;
  const until = performance.now() + SECONDS * 1_000;
  const client = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      if (response.status === 503) {
        busy++;
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1_000));
      } else if (!response.ok || text.includes('"errors"')) failed++;
      else answered.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { answered: answered.length, busy, failed, p50: percentile(answered, 50), p99: percentile(answered, 99) };
}

const fixed = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(value < 10 ? 1 : 0));
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');

if (LOAD_CPU !== null) execFileSync('taskset', ['-a', '-p', '-c', String(LOAD_CPU), String(process.pid)]);
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-analytics-'));
const database = syntheticDatabase({ events: EVENTS, seed: SEED });
const store = openStore(database.path);
const page = benchQueries(store.$client, { depths: [0.5] }).find((query) => query.name === 'page20 @50%')!;
closeStore(store);
const probe = JSON.stringify(page.request);
const loadBefore = loadavg()[0]!;
console.log(
  `analytics at ${measuredCommit()}, ${EVENTS.toLocaleString('en-US')} events, load average ${loadBefore.toFixed(2)}`,
);
await prepareBundledServers({
  databasePath: database.path,
  port: PORT,
  probe,
  logFile: join(scratchDir, 'prepare.log'),
  names: ['ours', 'floor'],
});

const rows: string[] = [];
const oneAtATime = new Map<string, number>();
for (const [index, admission] of ADMISSIONS.entries()) {
  const server = await startServer({
    name: 'ours',
    databasePath: database.path,
    port: PORT,
    cpu: SERVER_CPU,
    logFile: join(scratchDir, `ours-${index}.log`),
    probe,
    env: admission.env,
  });
  try {
    for (const query of ANALYTICS) {
      if (index === 0) {
        const alone = await runOneAtATime(
          { url: server.url, body: query.body, seconds: SECONDS, connections: 1, cpu: null, scratchDir },
          5,
        );
        if (alone.errors) throw new Error(`${query.name} answered ${alone.errors} errors one at a time`);
        oneAtATime.set(query.name, alone.p50Ms);
      }
      const many = await concurrently(server.url, query.body);
      if (many.failed) console.error(`${query.name}: ${many.failed} answers neither data nor BUSY`);
      const alone = oneAtATime.get(query.name)!;
      // Progress on stderr: stdout holds each table once, ready to paste into docs/performance.md.
      console.error(`${query.name}, ${admission.name}: p99 ${fixed(many.p99)} ms from ${CLIENTS} clients`);
      rows.push(
        `| ${query.name} | ${admission.name} | ${fixed(alone)} | ${fixed(many.p50)} | ${fixed(many.p99)} | ` +
          `${many.answered} / ${many.busy} | ${mark(alone <= 100 && many.p99 <= 300)} |`,
      );
    }
  } finally {
    await stopServer(server);
  }
}

async function pageUnder100(name: 'ours' | 'floor', port: number) {
  const server: RunningServer = await startServer({
    name,
    databasePath: database.path,
    port,
    cpu: SERVER_CPU,
    logFile: join(scratchDir, `${name}-page.log`),
    probe,
  });
  try {
    const run = (connections: number) =>
      runWrk({ url: server.url, body: probe, seconds: SECONDS, connections, cpu: LOAD_CPU, scratchDir });
    await run(10);
    return { ten: await run(10), hundred: await run(100) };
  } finally {
    await stopServer(server);
  }
}
const ours = await pageUnder100('ours', PORT);
const floor = await pageUnder100('floor', PORT + 1);

console.log(`\nload average before / after: ${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`);
console.log(
  '| query | admission | p50 ms one at a time | p50 ms, 10 clients | p99 ms, 10 clients | answered / BUSY | target met |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('\n| page20 @50% | conns | req/s ours / floor | ours ÷ floor | p50 ms ours | p99 ms ours | p99 ÷ p50 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [connections, key] of [
  [10, 'ten'],
  [100, 'hundred'],
] as const) {
  const o = ours[key];
  const f = floor[key];
  console.log(
    `| page20 @50% | ${connections} | ${o.requestsPerSecond.toFixed(0)} / ${f.requestsPerSecond.toFixed(0)} | ` +
      `${(o.requestsPerSecond / f.requestsPerSecond).toFixed(2)}× | ${fixed(o.p50Ms)} | ${fixed(o.p99Ms)} | ` +
      `${(o.p99Ms / o.p50Ms).toFixed(1)}× |`,
  );
}

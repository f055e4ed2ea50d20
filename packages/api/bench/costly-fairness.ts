// How long a page of 20 waits while other clients send whole-dataset requests back to back (a filtered
// year histogram with a cooperation index, and a search for a very common word), with the default
// admission of costly requests (limits/costly-admission.ts) and with admission lifted, in one run.
// A costly client refused BUSY waits out Retry-After before it sends again, as a client should.
// The real server (the bundle `start` runs) is pinned to core 0, this process, which sends every
// request, to core 1. Run: npx -y pnpm@10 --filter @bilateral/api bench:costly
// Settings: BENCH_EVENTS (default 1000000), BENCH_COSTLY (costly clients, default 0,1,4,16),
// BENCH_DURATION (seconds per measurement, default 10), BENCH_PORT (default 4300), BENCH_WORKERS (unset).
// Target (issue #26): with the default settings, the page's p99 ≤ 100 ms whatever the number of costly clients.
import { execFileSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMON_WORD, syntheticDatabase } from '@bilateral/store/synthetic';
import { HUB_FILTER } from './queries.ts';
import { prepareBundledServers, startServer, stopServer } from './servers.ts';
import { LOAD_CPU, measuredCommit, SERVER_CPU } from './timing.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CLIENTS = (process.env.BENCH_COSTLY ?? '0,1,4,16').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4300);
const WORKERS = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : undefined;

const PAGE = JSON.stringify({
  query:
    '{ events(first: 20, filter: { from: "1990" }) { edges { node { id title date { display } participants { role actor { slug } } } } } }',
});
const COSTLY = [
  JSON.stringify({
    query: `{ eventStats(filter: { from: "2000" }, groupBy: [YEAR]) { totalCount buckets { count } } cooperationIndex(filter: { from: "2000" }) { years { year meanGoldstein } } }`,
  }),
  JSON.stringify({
    query: `{ eventStats(filter: { actors: ${JSON.stringify(HUB_FILTER.actors)} }, groupBy: [YEAR]) { totalCount buckets { count } } }`,
  }),
  JSON.stringify({ query: `{ search(query: "${COMMON_WORD}", first: 20) { totalCount edges { node { id } } } }` }),
];

const CONFIGS: { name: string; env: Record<string, string> }[] = [
  { name: 'default admission', env: {} },
  { name: 'admission lifted', env: { COSTLY_REQUESTS_AT_ONCE: '1000', COSTLY_REQUESTS_WAITING: '0' } },
];

if (LOAD_CPU !== null) execFileSync('taskset', ['-a', '-p', '-c', String(LOAD_CPU), String(process.pid)]);

const percentile = (values: number[], p: number) =>
  values.length
    ? values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!
    : Number.NaN;

async function post(url: string, body: string) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const retryAfter = Number(response.headers.get('retry-after') ?? 0);
  return {
    ms: performance.now() - started,
    status: response.status,
    ok: response.ok && !text.includes('"errors"'),
    retryAfter,
  };
}

async function measure(url: string, clients: number) {
  let until = Number.POSITIVE_INFINITY;
  const costly = { ok: 0, busy: 0, other: 0, ms: [] as number[] };
  const costlyClient = async (index: number) => {
    for (let sent = index; performance.now() < until; sent++) {
      const answer = await post(url, COSTLY[sent % COSTLY.length]!);
      if (answer.ok) {
        costly.ok++;
        costly.ms.push(answer.ms);
      } else if (answer.status === 503) {
        // As the SDK's callers are told to: wait out Retry-After, then send again.
        costly.busy++;
        await new Promise((resolve) => setTimeout(resolve, answer.retryAfter * 1_000));
      } else costly.other++;
    }
  };
  // Costly clients start first, so the page is measured under the load, not while it builds up.
  until = performance.now() + 1_000 + SECONDS * 1_000;
  const running = Array.from({ length: clients }, (_, index) => costlyClient(index));
  await new Promise((resolve) => setTimeout(resolve, clients ? 1_000 : 0));
  const pageMs: number[] = [];
  let pageErrors = 0;
  while (performance.now() < until) {
    const answer = await post(url, PAGE);
    if (answer.ok) pageMs.push(answer.ms);
    else pageErrors++;
  }
  await Promise.all(running);
  return { pageMs, pageErrors, costly };
}

const database = syntheticDatabase({ events: EVENTS });
await prepareBundledServers({
  databasePath: database.path,
  port: PORT,
  logFile: join(tmpdir(), 'bench-costly.log'),
  probe: PAGE,
  names: ['ours'],
});
const loadBefore = loadavg()[0]!;
const rows: string[] = [];
for (const config of CONFIGS) {
  const server = await startServer({
    name: 'ours',
    databasePath: database.path,
    port: PORT,
    cpu: SERVER_CPU,
    logFile: join(tmpdir(), 'bench-costly.log'),
    probe: PAGE,
    workers: WORKERS,
    env: config.env,
  });
  const url = server.url;
  for (let warm = 0; warm < 20; warm++) await post(url, PAGE);
  for (const body of COSTLY) await post(url, body);
  for (const clients of CLIENTS) {
    const { pageMs, pageErrors, costly } = await measure(url, clients);
    rows.push(
      `| ${config.name} | ${clients} | ${pageMs.length} | ${percentile(pageMs, 50).toFixed(1)} | ${percentile(pageMs, 99).toFixed(1)} | ${Math.max(...pageMs).toFixed(1)} | ${pageErrors} | ${costly.ok} | ${costly.busy} | ${costly.other} | ${percentile(costly.ms, 50).toFixed(0)} |`,
    );
    console.log(rows.at(-1));
  }
  await stopServer(server);
}
const loadAfter = loadavg()[0]!;

console.log(
  `\nbench:costly at ${measuredCommit()}, ${new Date().toISOString()}, ${EVENTS.toLocaleString('en')} events, ${SECONDS} s a measurement, WORKERS=${WORKERS ?? 1}`,
);
console.log(
  `server on core ${SERVER_CPU ?? 'any'}, clients on core ${LOAD_CPU ?? 'any'}; load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`,
);
console.log(
  '| server | costly clients | pages | page p50 ms | page p99 ms | page max ms | page errors | costly answered | costly BUSY | costly other | costly p50 ms |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);

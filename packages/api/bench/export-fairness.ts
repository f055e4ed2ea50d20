// Measures how long a plain query waits while another client downloads a full export as fast as
// it can (curl, in its own process), against the same query on an idle server, in one run.
// Exports hand the event loop back between chunks; without that, queries would wait for the
// whole export. Run: npx -y pnpm@10 --filter @bilateral/api bench:export-fairness
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { openSqliteStore } from '@bilateral/store';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { createBilateralServer } from '../src/http/http-server.ts';
import { createBilateralYoga } from '../src/yoga.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const IDLE_QUERIES = 200;
const QUERY = JSON.stringify({ query: '{ actors(first: 5) { edges { node { slug name } } } }' });

const store = openSqliteStore(syntheticDatabase({ events: EVENTS }).path);
const server = createBilateralServer(createBilateralYoga({ store, logging: false }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function timedQuery(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: QUERY,
  });
  if (!(await response.json()).data) throw new Error('the plain query failed');
  return performance.now() - started;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const summary = (values: number[]) =>
  `${values.length}\t${percentile(values, 50).toFixed(1)}\t${percentile(values, 99).toFixed(1)}\t${Math.max(...values).toFixed(1)}`;

for (let warm = 0; warm < 20; warm++) await timedQuery();
const idle: number[] = [];
for (let index = 0; index < IDLE_QUERIES; index++) idle.push(await timedQuery());

const started = performance.now();
const download = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{size_download}', `${url}/export/events.csv`]);
let downloaded = '';
download.stdout.on('data', (chunk) => (downloaded += chunk));
const finished = new Promise<number | null>((resolve) => download.on('exit', resolve));
let running = true;
void finished.then(() => (running = false));
const during: number[] = [];
while (running) during.push(await timedQuery());
const exitCode = await finished;
const exportSeconds = (performance.now() - started) / 1000;

console.log(
  `${EVENTS} events; export ${(Number(downloaded) / 2 ** 20).toFixed(1)} MiB in ${exportSeconds.toFixed(1)} s (curl exit ${exitCode})`,
);
console.log('phase\tqueries\tp50 ms\tp99 ms\tmax ms');
console.log(`idle\t${summary(idle)}`);
console.log(`during export\t${summary(during)}`);
console.log(`p99 ratio (during / idle): ${(percentile(during, 99) / percentile(idle, 99)).toFixed(1)}`);
server.close();
await store.close();

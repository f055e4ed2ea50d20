// What metrics and tracing cost (issue 23: "metrics on and tracing off cost no more than 5% of page
// throughput in the same run"). Run: npx -y pnpm@10 --filter @bilateral/api bench:observability
// Our real server (the bundle, as `start` runs it) on the cached 100,000-event synthetic database, three
// times side by side: METRICS=false (what the server did before metrics), METRICS=true with tracing off
// (the default), and METRICS=true with tracing on (OTEL_TRACES_EXPORTER=otlp, spans sent to a sink in this
// process that discards them). All three are pinned to core 0 and wrk to core 1; rounds take the three in
// turn (in a rotating order), so load from other work on the machine falls on all of them alike. Each
// round prints req/s and the ratio to METRICS=false; the summary gives the medians. Timings are printed,
// never asserted; the last figures are in docs/operating.md.

import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { type LoadResult, runWrk } from './load.ts';
import { cpuMsOf } from './proc.ts';
import { benchQueries } from './queries.ts';
import { prepareBundledServers, type RunningServer, startServer, stopServer } from './servers.ts';
import { benchSettings, LOAD_CPU, measuredCommit, median, SERVER_CPU } from './timing.ts';

const SETTINGS = {
  ...benchSettings({ sizes: '', port: 4260, seconds: 4, warmupSeconds: 3, rounds: 6 }),
  events: Number(process.env.OBSERVABILITY_EVENTS ?? 100_000),
};
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-observability-bench-'));

const database = syntheticDatabase({ events: SETTINGS.events, seed: SETTINGS.seed });
const store = openStore(database.path);
const query = benchQueries(store.$client, { depths: [0.5] }).find((candidate) =>
  candidate.name.startsWith('page20 @'),
)!;
closeStore(store);
const body = JSON.stringify(query.request);

// Where the tracing server sends its spans: accepted and dropped, so only the server's own work is timed.
const sink = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

const CONFIGS = [
  { key: 'off', title: 'METRICS=false (as before metrics)', env: { METRICS: 'false' } },
  { key: 'metrics', title: 'METRICS=true, tracing off (the default)', env: { METRICS: 'true' } },
  {
    key: 'tracing',
    title: 'METRICS=true, tracing on (OTLP to a local sink)',
    env: {
      METRICS: 'true',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
      OTEL_SERVICE_NAME: 'bench',
    },
  },
] as const;
type Key = (typeof CONFIGS)[number]['key'];

console.log(
  `observability bench at ${measuredCommit()}: ${SETTINGS.events.toLocaleString('en-US')} events, ${query.name}, ${SETTINGS.rounds} rounds of ${SETTINGS.seconds} s, ${SETTINGS.connections} connections; load average before ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
const logFile = join(scratchDir, 'servers.log');
await prepareBundledServers({
  databasePath: database.path,
  port: SETTINGS.port,
  probe: body,
  logFile,
  names: ['ours'],
});
const servers = new Map<Key, RunningServer>();
for (const [index, config] of CONFIGS.entries())
  servers.set(
    config.key,
    await startServer({
      name: 'ours',
      databasePath: database.path,
      port: SETTINGS.port + index,
      cpu: SERVER_CPU,
      logFile,
      probe: body,
      env: config.env,
    }),
  );

const load = (key: Key, seconds: number) =>
  runWrk({ url: servers.get(key)!.url, body, seconds, connections: SETTINGS.connections, cpu: LOAD_CPU, scratchDir });

/** A timed run, with the server's CPU time per request (from /proc): less disturbed by other work than req/s. */
async function timedRun(key: Key): Promise<LoadResult & { cpuMsPerRequest: number }> {
  const pid = servers.get(key)!.process.pid!;
  const cpuBefore = cpuMsOf(pid);
  const result = await load(key, SETTINGS.seconds);
  return { ...result, cpuMsPerRequest: (cpuMsOf(pid) - cpuBefore) / result.requests };
}
for (const config of CONFIGS) await load(config.key, SETTINGS.warmupSeconds);

const results = new Map<Key, (LoadResult & { cpuMsPerRequest: number })[]>(CONFIGS.map((config) => [config.key, []]));
for (let round = 0; round < SETTINGS.rounds; round++) {
  const order = CONFIGS.map((_, index) => CONFIGS[(index + round) % CONFIGS.length]!);
  const line: string[] = [];
  for (const config of order) {
    const result = await timedRun(config.key);
    if (result.errors) throw new Error(`${config.key}: ${result.errors} errors`);
    results.get(config.key)!.push(result);
  }
  for (const config of CONFIGS) {
    const result = results.get(config.key)!.at(-1)!;
    line.push(
      `${config.key} ${result.requestsPerSecond.toFixed(0)} req/s ${result.cpuMsPerRequest.toFixed(3)} CPU ms/req`,
    );
  }
  const off = results.get('off')!.at(-1)!.requestsPerSecond;
  console.log(
    `round ${round + 1}: ${line.join(', ')}; metrics/off ${(results.get('metrics')!.at(-1)!.requestsPerSecond / off).toFixed(3)}, tracing/off ${(results.get('tracing')!.at(-1)!.requestsPerSecond / off).toFixed(3)}`,
  );
}
for (const server of servers.values()) await stopServer(server);
sink.close();

console.log(
  '\n| configuration | median req/s | median p50 ms | median p99 ms | req/s ÷ METRICS=false: median (per round) | server CPU ms/request: median | CPU/request ÷ METRICS=false: median (per round) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const config of CONFIGS) {
  const runs = results.get(config.key)!;
  const off = results.get('off')!;
  const ratios = runs.map((run, round) => run.requestsPerSecond / off[round]!.requestsPerSecond);
  const cpuRatios = runs.map((run, round) => run.cpuMsPerRequest / off[round]!.cpuMsPerRequest);
  const list = (values: number[]) =>
    `${median(values).toFixed(3)} (${values.map((value) => value.toFixed(3)).join(', ')})`;
  console.log(
    `| ${config.title} | ${median(runs.map((run) => run.requestsPerSecond)).toFixed(1)} | ${median(runs.map((run) => run.p50Ms)).toFixed(2)} | ${median(runs.map((run) => run.p99Ms)).toFixed(2)} | ${list(ratios)} | ${median(runs.map((run) => run.cpuMsPerRequest)).toFixed(3)} | ${list(cpuRatios)} |`,
  );
}
console.log(
  `load average after ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);

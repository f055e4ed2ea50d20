// The fixed cost of a small request (issue 26): our real server against four baselines on the same
// database, in one run, for the point lookup, `{ __typename }` and a page of 20.
//   json   node:http answering a fixed JSON (our lookup's answer) after reading the body: HTTP alone;
//   cached graphql-js with each document parsed and validated once per text (bench/baselines/cached.ts);
//   naive  graphql-js parsing and validating every request (the API benchmark's baseline);
//   yoga   Yoga with our schema and context and none of our plugins (bench/baselines/bare-yoga.ts).
// Ours runs as `start` runs it, with its defaults (metrics on) and the rate limit configured
// (RATE_LIMIT_POINTS_PER_MINUTE, high enough never to refuse), so every plugin is in the measurement.
// Every server is pinned to core 0 and wrk to core 1; rounds take the servers in a rotating order and the
// ratios are taken within a round, then the median. Besides req/s it prints the server's CPU time per
// request (from /proc, to 10 ms per run), which other work on the machine moves less than throughput.
// `npx -y pnpm@10 bench` runs it after the page tables, at each of BENCH_SIZES (issue 26 asks for these
// baselines in the API benchmark, at every scale); bench/fixed-cost-cli.ts runs it alone
// (`bench:fixed-cost`). Timings are printed, never asserted.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { type LoadResult, runWrk } from './load.ts';
import { cpuMsOf } from './proc.ts';
import { type BenchQuery, benchQueries } from './queries.ts';
import { checkSameData } from './same-data.ts';
import { prepareBundledServers, type RunningServer, startProcess, startServer, stopServer } from './servers.ts';
import { LOAD_CPU, measuredCommit, median, overHttp, SERVER_CPU } from './timing.ts';

const BASELINES = ['json', 'cached', 'naive', 'yoga'] as const;
type Baseline = (typeof BASELINES)[number];
const SERVERS = ['ours', ...BASELINES] as const;
type Server = (typeof SERVERS)[number];
/** The fixed-JSON server answers only the small queries' shape; a page from it would compare nothing. */
const SMALL = new Set(['event(id:)', '{ __typename }']);
const apiDir = join(import.meta.dirname, '..');

export interface FixedCostSettings {
  events: number;
  seed: number;
  /** The first of five consecutive ports. */
  port: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  connections: number;
}

interface Sample extends LoadResult {
  cpuMsPerRequest: number;
}

function smallQueries(databasePath: string): BenchQuery[] {
  const store = openStore(databasePath);
  const all = benchQueries(store.$client, { depths: [0.5] });
  closeStore(store);
  const typename: BenchQuery = {
    name: '{ __typename }',
    request: { query: '{ __typename }', operationName: null, variables: {} },
    oneAtATime: false,
  };
  return [all.find((query) => query.name === 'event(id:)')!, typename, all.find((q) => q.name === 'page20 @50%')!];
}

/** Times ours and the four baselines on one synthetic database and prints the table; returns its lines. */
export async function runFixedCost(settings: FixedCostSettings): Promise<string[]> {
  const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-fixed-cost-'));
  const database = syntheticDatabase({ events: settings.events, seed: settings.seed });
  const queries = smallQueries(database.path);
  const probe = JSON.stringify(queries[0]!.request);
  const log = (name: string) => join(scratchDir, `${name}.log`);
  const started: Partial<Record<Server, RunningServer>> = {};
  const portOf = (name: Server) => settings.port + SERVERS.indexOf(name);

  const startBaseline = (name: Baseline, env: Record<string, string> = {}) =>
    startProcess({
      name,
      command: ['node', 'scripts/run-bundle.mjs', 'baselines', name, database.path, String(portOf(name))],
      cwd: apiDir,
      env,
      port: portOf(name),
      cpu: SERVER_CPU,
      logFile: log(name),
      probe: name === 'json' ? '{}' : probe,
    });

  async function measure(server: RunningServer, query: BenchQuery, seconds: number): Promise<Sample> {
    const cpuBefore = cpuMsOf(server.process.pid!);
    const result = await runWrk({
      url: server.url,
      body: JSON.stringify(query.request),
      seconds,
      connections: settings.connections,
      cpu: LOAD_CPU,
      scratchDir,
    });
    if (result.errors) console.error(`${server.name}: ${result.errors} errors on ${query.name}`);
    return { ...result, cpuMsPerRequest: (cpuMsOf(server.process.pid!) - cpuBefore) / Math.max(1, result.requests) };
  }

  const loadBefore = loadavg()[0]!;
  console.log(
    `\nfixed cost at ${measuredCommit()}, ${settings.events.toLocaleString('en-US')} events, load average ${loadBefore.toFixed(2)}`,
  );
  await prepareBundledServers({
    databasePath: database.path,
    port: settings.port,
    probe,
    logFile: log('prepare'),
    names: ['ours', 'naive'],
  });
  try {
    started.ours = await startServer({
      name: 'ours',
      databasePath: database.path,
      port: portOf('ours'),
      cpu: SERVER_CPU,
      logFile: log('ours'),
      probe,
      env: { RATE_LIMIT_POINTS_PER_MINUTE: String(1e12) },
    });
    const lookupAnswer = await overHttp(started.ours.url)(queries[0]!);
    started.json = await startBaseline('json', { FIXED_ANSWER: lookupAnswer });
    for (const name of ['cached', 'naive', 'yoga'] as const) started[name] = await startBaseline(name);
    const graphqlServers = SERVERS.filter((name) => name !== 'json');
    const { mismatches } = await checkSameData(
      queries,
      Object.fromEntries(graphqlServers.map((name) => [name, overHttp(started[name]!.url)])),
    );
    if (mismatches.length) {
      for (const mismatch of mismatches)
        console.error(`MISMATCH ${mismatch.query} (${mismatch.server}): ${mismatch.detail}`);
      throw new Error('the servers do not return the same data; nothing was timed');
    }
    const serversOf = (query: BenchQuery) => SERVERS.filter((name) => name !== 'json' || SMALL.has(query.name));
    for (const query of queries)
      for (const name of serversOf(query)) await measure(started[name]!, query, settings.warmupSeconds);

    const samples = new Map(queries.map((query) => [query.name, new Map<Server, Sample[]>()]));
    for (let round = 0; round < settings.rounds; round++)
      for (const [index, query] of queries.entries()) {
        const names = serversOf(query);
        const order = names.map((_, offset) => names[(round + index + offset) % names.length]!);
        const row = samples.get(query.name)!;
        for (const name of order) {
          const sample = await measure(started[name]!, query, settings.seconds);
          row.set(name, [...(row.get(name) ?? []), sample]);
        }
        console.log(
          `round ${round + 1} ${query.name} (load ${loadavg()[0]!.toFixed(2)}): ` +
            names.map((name) => `${name} ${row.get(name)!.at(-1)!.requestsPerSecond.toFixed(0)}/s`).join(', '),
        );
      }

    const fixed = (value: number, digits = 2) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
    const lines = [
      `load average before / after: ${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`,
      '| query | server | req/s | CPU ms / request | ours ÷ it, req/s | ours CPU ÷ its | p50 ms | p99 ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const query of queries) {
      const row = samples.get(query.name)!;
      const ours = row.get('ours')!;
      for (const name of serversOf(query)) {
        const runs = row.get(name)!;
        const ratio = median(runs.map((run, index) => ours[index]!.requestsPerSecond / run.requestsPerSecond));
        const cpu = median(runs.map((run, index) => ours[index]!.cpuMsPerRequest / run.cpuMsPerRequest));
        lines.push(
          `| ${query.name} | ${name} | ${fixed(median(runs.map((run) => run.requestsPerSecond)), 0)} | ` +
            `${fixed(median(runs.map((run) => run.cpuMsPerRequest)), 3)} | ${name === 'ours' ? '—' : `${fixed(ratio)}×`} | ` +
            `${name === 'ours' ? '—' : `${fixed(cpu)}×`} | ${fixed(median(runs.map((run) => run.p50Ms)))} | ${fixed(median(runs.map((run) => run.p99Ms)))} |`,
        );
      }
    }
    console.log(`\n${lines.join('\n')}`);
    return lines;
  } finally {
    for (const server of Object.values(started)) await stopServer(server);
  }
}

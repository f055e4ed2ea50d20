// Where a server's CPU goes under load, by stage (issue 26): one server process from its sources
// (tsx, so each profile frame names its file) under `node --cpu-prof`, pinned to core 0, loaded by wrk
// on core 1 with one benchmark query; then the stages of bench/cpu-stages.ts and the CPU time per
// request (from /proc). Proportions hold on a busy machine; the absolute figures do not.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:profile-server
// Settings: PROFILE_SERVER (ours, or a baseline of bench/baselines/serve.ts: yoga, cached, naive; default
// ours), PROFILE_QUERY (default "event(id:)", or "{ __typename }"), PROFILE_EVENTS (100000),
// PROFILE_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_PORT (4275), PROFILE_OUTPUT (the .cpuprofile kept),
// PROFILE_API_DIR (the packages/api directory of another checkout whose server to run, to compare commits),
// and for ours any of its settings in the environment (METRICS=false, RATE_LIMIT_POINTS_PER_MINUTE ...).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { startArguments } from '../src/testing/start-command.ts';
import { type CpuProfile, stageTable } from './cpu-stages.ts';
import { runWrk } from './load.ts';
import { cpuMsOf } from './proc.ts';
import { type BenchQuery, benchQueries } from './queries.ts';
import { startProcess, stopServer } from './servers.ts';
import { LOAD_CPU, measuredCommit, SERVER_CPU } from './timing.ts';

const serverName = process.env.PROFILE_SERVER ?? 'ours';
const queryName = process.env.PROFILE_QUERY ?? 'event(id:)';
const events = Number(process.env.PROFILE_EVENTS ?? 100_000);
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 4275);
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-profile-server-'));
const output = process.env.PROFILE_OUTPUT ?? join(scratchDir, `${serverName}.cpuprofile`);

const TYPENAME: BenchQuery = {
  name: '{ __typename }',
  request: { query: '{ __typename }', operationName: null, variables: {} },
  oneAtATime: false,
};

const database = syntheticDatabase({ events, seed: 1 });
const store = openStore(database.path);
const query = [TYPENAME, ...benchQueries(store.$client, { depths: [0.5] })].find((q) => q.name === queryName);
closeStore(store);
if (!query) throw new Error(`no benchmark query named "${queryName}" (see bench/queries.ts)`);

const profileFlags = ['--cpu-prof', `--cpu-prof-dir=${scratchDir}`, '--import', 'tsx'];
const command =
  serverName === 'ours'
    ? // start's Node flags (its young generation size), without the bundle: frames name their source files.
      ['node', ...startArguments().slice(0, -1), ...profileFlags, 'src/server.ts']
    : ['node', ...profileFlags, 'bench/baselines/serve.ts', serverName, database.path, String(port)];
const server = await startProcess({
  name: serverName,
  command,
  cwd: process.env.PROFILE_API_DIR ?? join(import.meta.dirname, '..'),
  env: { DATABASE_PATH: database.path, LOAD_SEEDS: '0' },
  port,
  cpu: SERVER_CPU,
  logFile: join(scratchDir, 'server.log'),
  probe: JSON.stringify(query.request),
});
const load = { url: server.url, body: JSON.stringify(query.request), connections, cpu: LOAD_CPU, scratchDir };
const loadBefore = loadavg()[0]!;
let result: Awaited<ReturnType<typeof runWrk>>;
let cpuMsPerRequest: number;
let measuredFrom: number;
try {
  await runWrk({ ...load, seconds: Math.max(2, Math.round(seconds / 3)) });
  const cpuBefore = cpuMsOf(server.process.pid!);
  measuredFrom = Number(process.hrtime.bigint() / 1000n);
  result = await runWrk({ ...load, seconds });
  cpuMsPerRequest = (cpuMsOf(server.process.pid!) - cpuBefore) / result.requests;
} finally {
  await stopServer(server);
}
const [file] = readdirSync(scratchDir).filter((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`the server wrote no profile; see ${join(scratchDir, 'server.log')}`);
if (output !== join(scratchDir, file)) copyFileSync(join(scratchDir, file), output);

console.log(
  `${serverName}, ${query.name} at ${events.toLocaleString('en-US')} events, commit ${measuredCommit()}, load average ${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`,
);
console.log(
  `${result.requestsPerSecond.toFixed(0)} req/s, ${connections} connections, ${cpuMsPerRequest.toFixed(3)} ms CPU per request (profiler on); stages of the timed run only`,
);
console.log(stageTable(JSON.parse(readFileSync(output, 'utf8')) as CpuProfile, cpuMsPerRequest, measuredFrom));
console.log(`profile: ${output}`);

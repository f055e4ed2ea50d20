// Bilateral against PostGraphile (issue #12: "faster than PostGraphile on the same data and query").
// The benchmark's synthetic SQLite database is copied into a throwaway PostgreSQL cluster; our server
// serves the SQLite file and PostGraphile 5 the PostgreSQL copy, both pinned to core 0 (PostgreSQL too),
// wrk on core 1. The page queries of the API benchmark are checked to return the same events, in the
// same order, with the same participants, actors, citations and sources, then timed in interleaved rounds.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:postgraphile   (needs PostgreSQL, wrk, taskset)
// PostGraphile is installed with npm into BENCH_POSTGRAPHILE_DIR on first use, never into the workspace.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import type { LoadResult } from '../load.ts';
import { type BenchQuery, benchQueries } from '../queries.ts';
import { ms, round, times } from '../report.ts';
import { type Answer, checkSameData } from '../same-data.ts';
import { type RunningServer, startProcess, startServer, stopServer } from '../servers.ts';
import { benchSettings, LOAD_CPU, measure, median, medianResult, overHttp, pinned, SERVER_CPU } from '../timing.ts';
import { type Cluster, connectionString, drained, loadDatabase, startCluster, stopCluster } from './postgres.ts';
import { ourPage, postgraphilePage, postgraphilePageOf } from './queries.ts';

const SETTINGS = {
  ...benchSettings({ sizes: '100000', port: 4210 }),
  pgPort: Number(process.env.BENCH_PG_PORT ?? 5433),
  pgDir: process.env.BENCH_PG_DIR ?? join(tmpdir(), 'bilateral-postgres'),
  installDir: process.env.BENCH_POSTGRAPHILE_DIR ?? join(tmpdir(), 'bilateral-postgraphile'),
};
/** Exact versions: PostGraphile 5 is the version issue #12 measured; the filter plugin adds the hub filter. */
const PACKAGES = { postgraphile: '5.1.5', 'postgraphile-plugin-connection-filter': '4.0.1' };
const SERVERS = ['ours', 'postgraphile'] as const;
/** A query that takes longer than this alone is timed one request at a time (see compareSize). */
const SLOW_MS = 2000;
type Side = (typeof SERVERS)[number];
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-postgraphile-bench-'));
const measureSettings = (seconds: number) => ({ seconds, connections: SETTINGS.connections, scratchDir });

/** Installs the pinned packages into installDir unless they are there, and puts the server script beside them. */
function installPostgraphile(dir: string): void {
  const versionOf = (name: string) => {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : null;
  };
  const wanted = Object.entries(PACKAGES);
  if (wanted.some(([name, version]) => versionOf(name) !== version)) {
    mkdirSync(dir, { recursive: true });
    console.log(`installing ${wanted.map(([name, version]) => `${name}@${version}`).join(', ')} into ${dir}`);
    // PostGraphile 5 declares Node >= 22; serve.mjs supplies the one Node 22 API it uses.
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', '--engine-strict=false', '--loglevel=error'].concat(
        wanted.map(([name, version]) => `${name}@${version}`),
      ),
      { stdio: 'inherit' },
    );
  }
  copyFileSync(join(import.meta.dirname, 'serve.mjs'), join(dir, 'serve.mjs'));
}

interface SizeComparison {
  events: number;
  queries: Pick<BenchQuery, 'name' | 'oneAtATime'>[];
  load: Map<string, Record<Side, LoadResult>>;
  /** Per query: the median over rounds of ours' req/s divided by PostGraphile's in the same round. */
  ratios: Map<string, number>;
  bytes: Map<string, Record<Side, number>>;
  loadedSeconds: number | null;
}

/** Sends `query` and remembers the response's size, then reduces it to the shape both servers share. */
function answering(
  url: string,
  bytes: Map<string, Record<Side, number>>,
  side: Side,
  reduce: (text: string) => string,
) {
  const send = overHttp(url);
  return (query: BenchQuery) =>
    send(query).then((text) => {
      bytes.set(query.name, { ...bytes.get(query.name)!, [side]: Buffer.byteLength(text) });
      return reduce(text);
    });
}

async function compareSize(cluster: Cluster, events: number): Promise<SizeComparison> {
  console.log(`\n== ${events.toLocaleString('en-US')} events ==`);
  const synthetic = syntheticDatabase({ events, seed: SETTINGS.seed });
  console.log(`database ${synthetic.path}${synthetic.generated ? ' (generated)' : ' (cached)'}`);
  const store = openStore(synthetic.path);
  const queries = benchQueries(store.$client, { depths: SETTINGS.depths }).filter((query) =>
    query.name.startsWith('page'),
  );
  const loadStarted = performance.now();
  const { database, loadedSeconds } = await loadDatabase(cluster, synthetic.path, store.$client);
  closeStore(store);
  console.log(
    `PostgreSQL database ${database}: ${loadedSeconds === null ? 'loaded by an earlier run' : `loaded in ${loadedSeconds.toFixed(1)} s`}` +
      ` (${((performance.now() - loadStarted) / 1000).toFixed(1)} s)`,
  );

  const servers = {} as Record<Side, RunningServer>;
  try {
    servers.ours = await startServer({
      name: 'ours',
      databasePath: synthetic.path,
      port: SETTINGS.port,
      cpu: SERVER_CPU,
      logFile: join(scratchDir, `ours-${events}.log`),
      probe: JSON.stringify(queries[0]!.request),
    });
    servers.postgraphile = await startProcess({
      name: 'postgraphile',
      command: ['node', 'serve.mjs'],
      cwd: SETTINGS.installDir,
      env: { DATABASE_URL: connectionString(cluster, database), NODE_ENV: 'production' },
      port: SETTINGS.port + 1,
      cpu: SERVER_CPU,
      logFile: join(scratchDir, `postgraphile-${events}.log`),
      probe: JSON.stringify({ query: '{ __typename }' }),
    });
    for (const side of SERVERS) console.log(`${side} answered ${servers[side].startupMs.toFixed(0)} ms after spawn`);

    const postgraphileRequest = async (query: string, variables: Record<string, unknown>) =>
      (await fetch(servers.postgraphile.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }).then((response) => response.json())) as unknown;
    const theirs = new Map<string, BenchQuery>();
    for (const query of queries) theirs.set(query.name, await postgraphilePage(query, postgraphileRequest));
    // PostgreSQL plans the slug filter for an actor of average degree (it cannot see the hub's at plan
    // time); a client that knows the hub's row ID lets it use the actor's statistics. Both are compared.
    for (const query of queries.filter((candidate) => candidate.name.includes('hub+'))) {
      const byId = { ...query, name: query.name.replace('hub+', 'hub(ID)+') };
      queries.push(byId);
      theirs.set(byId.name, await postgraphilePage(byId, postgraphileRequest, { byActorId: true }));
    }
    const asked = (side: Side, query: BenchQuery) => (side === 'ours' ? query : theirs.get(query.name)!);

    const bytes = new Map<string, Record<Side, number>>();
    const sendTheirs = answering(servers.postgraphile.url, bytes, 'postgraphile', postgraphilePageOf);
    const checkMs = new Map<string, number>();
    const answers: Record<Side, Answer> = {
      ours: answering(servers.ours.url, bytes, 'ours', ourPage),
      postgraphile: async (query) => {
        const started = performance.now();
        const answer = await sendTheirs(asked('postgraphile', query));
        checkMs.set(query.name, performance.now() - started);
        return answer;
      },
    };
    const { mismatches } = await checkSameData(queries, answers);
    if (mismatches.length) {
      for (const mismatch of mismatches)
        console.error(`MISMATCH ${mismatch.query} (${mismatch.server}): ${mismatch.detail}`);
      throw new Error('PostGraphile and our server do not return the same data; nothing was timed');
    }
    console.log(`same events, participants, actors, citations and sources from both for ${queries.length} queries`);
    // A query either server takes seconds to answer alone would pile up under wrk's 10 connections (every
    // lengthened run leaves 10 more in flight): both servers get it one request at a time, as the API
    // benchmark sends its slow queries.
    for (const query of queries)
      if (checkMs.get(query.name)! > SLOW_MS) {
        query.oneAtATime = true;
        asked('postgraphile', query).oneAtATime = true;
        console.log(
          `${query.name}: PostGraphile took ${round(checkMs.get(query.name)!)} ms alone; timed one request at a time`,
        );
      }

    const timed = async (side: Side, query: BenchQuery, seconds: number) => {
      const result = await measure(servers[side], asked(side, query), measureSettings(seconds));
      await drained(cluster, database);
      return result;
    };
    for (const query of queries) for (const side of SERVERS) await timed(side, query, SETTINGS.warmupSeconds);
    const samples = new Map<string, Record<Side, LoadResult[]>>(
      queries.map((query) => [query.name, { ours: [], postgraphile: [] }]),
    );
    for (let round = 0; round < SETTINGS.rounds; round++)
      for (const [index, query] of queries.entries()) {
        // Alternate which server goes first, so neither always runs right after the other's load.
        const order = (round + index) % 2 ? SERVERS.toReversed() : SERVERS;
        const row = samples.get(query.name)!;
        for (const side of order) row[side].push(await timed(side, query, SETTINGS.seconds));
        console.log(
          `round ${round + 1} ${query.name}: ${SERVERS.map((side) => `${side} ${row[side].at(-1)!.requestsPerSecond.toFixed(1)}/s`).join(', ')}`,
        );
      }
    return {
      events,
      queries: queries.map(({ name, oneAtATime }) => ({ name, oneAtATime })),
      load: new Map(
        [...samples].map(([name, row]) => [
          name,
          { ours: medianResult(row.ours), postgraphile: medianResult(row.postgraphile) },
        ]),
      ),
      ratios: new Map(
        [...samples].map(([name, row]) => [
          name,
          median(
            row.ours.map((result, index) => result.requestsPerSecond / row.postgraphile[index]!.requestsPerSecond),
          ),
        ]),
      ),
      bytes,
      loadedSeconds,
    };
  } finally {
    for (const server of Object.values(servers)) await stopServer(server);
  }
}

function comparisonTable(result: SizeComparison): string {
  const lines = [
    '| query | conns | req/s ours / PostGraphile | ours ÷ PostGraphile | p50 ms ours / PostGraphile | p99 ms ours / PostGraphile | bytes ours / PostGraphile |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { name, oneAtATime } of result.queries) {
    const { ours, postgraphile } = result.load.get(name)!;
    const errors = (load: LoadResult) => (load.errors ? ` (${load.errors} errors)` : '');
    const bytes = result.bytes.get(name)!;
    lines.push(
      `| ${name} | ${oneAtATime ? 1 : SETTINGS.connections} | ${round(ours.requestsPerSecond, 1)}${errors(ours)} / ${round(postgraphile.requestsPerSecond, 1)}${errors(postgraphile)} | ${times(result.ratios.get(name)!)} | ${ms(ours.p50Ms)} / ${ms(postgraphile.p50Ms)} | ${ms(ours.p99Ms)} / ${ms(postgraphile.p99Ms)} | ${round(bytes.ours)} / ${round(bytes.postgraphile)} |`,
    );
  }
  return lines.join('\n');
}

if (pinned) execFileSync('taskset', ['-cp', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
const loadBefore = loadavg()[0]!;
installPostgraphile(SETTINGS.installDir);
const cluster = startCluster({ dir: SETTINGS.pgDir, port: SETTINGS.pgPort, cpu: SERVER_CPU });
let clusterRunning = true;
const stopOnce = () => {
  if (clusterRunning) stopCluster(cluster);
  clusterRunning = false;
};
// However the run ends (servers.ts turns Ctrl-C into an exit), the cluster does not outlive it.
process.once('exit', stopOnce);
const postgraphileVersion = (
  JSON.parse(readFileSync(join(SETTINGS.installDir, 'node_modules/postgraphile/package.json'), 'utf8')) as {
    version: string;
  }
).version;
console.log(
  `Bilateral vs PostGraphile ${postgraphileVersion} on PostgreSQL ${cluster.version}, Node ${process.version}; ` +
    `${pinned ? 'servers and PostgreSQL on core 0, wrk on core 1' : 'one core: nothing pinned'}; load average ${loadBefore.toFixed(2)}`,
);
const results: SizeComparison[] = [];
try {
  for (const events of SETTINGS.sizes) {
    const result = await compareSize(cluster, events);
    results.push(result);
    console.log(`\n${comparisonTable(result)}`);
  }
} finally {
  stopOnce();
}
const worst = results.flatMap((result) =>
  result.queries.map(({ name }) => ({ name, events: result.events, ratio: result.ratios.get(name)! })),
);
const slowest = worst.toSorted((a, b) => a.ratio - b.ratio)[0];
if (slowest)
  console.log(
    `\nFaster than PostGraphile on every page query: ${slowest.ratio > 1 ? 'yes' : 'no'}; lowest ours ÷ PostGraphile ${times(slowest.ratio)} (${slowest.name} at ${slowest.events.toLocaleString('en-US')} events)`,
  );
console.log(`load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`);
console.log(
  `command: BENCH_SIZES=${SETTINGS.sizes.join(',')} BENCH_DURATION=${SETTINGS.seconds} BENCH_ROUNDS=${SETTINGS.rounds} BENCH_WARMUP=${SETTINGS.warmupSeconds} BENCH_CONNECTIONS=${SETTINGS.connections} BENCH_DEPTHS=${SETTINGS.depths.join(',')} BENCH_SEED=${SETTINGS.seed} npx -y pnpm@10 --filter @bilateral/api bench:postgraphile`,
);

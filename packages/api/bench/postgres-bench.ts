/**
 * The benchmark on PostgreSQL (issue #21): our server over PostgreSQL, against PostGraphile over the
 * same PostgreSQL database and against our server over the SQLite file that database was copied
 * from, in one run. The synthetic SQLite database is copied into a throwaway cluster with
 * `bilateral copy-to-postgres` (postgraphile/postgres.ts), so both PostgreSQL servers read the same
 * tables, indexes and statistics. Every page query (first: 100, plain and filtered by the hub actor
 * and a date, at each cursor depth) is checked to return the same data from all three, then timed in
 * interleaved rounds with the CPU each request cost our API process and the PostgreSQL processes,
 * read from /proc. Statements per page request are counted at first: 10, 50 and 100.
 * Run from `bench` (BENCH_BACKEND=postgres or both) or `bench:postgraphile`; nothing is asserted.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBilateralStore, openSqliteStore } from '@bilateral/store';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import type { LoadResult } from './load.ts';
import {
  type Cluster,
  connectionString,
  drained,
  loadDatabase,
  postmasterPid,
  startCluster,
  stopCluster,
} from './postgraphile/postgres.ts';
import { ourPage, postgraphilePage, postgraphilePageOf } from './postgraphile/queries.ts';
import { cpuMsOf, treeCpuMsOf } from './proc.ts';
import { type BenchQuery, HUB_FILTER, pageQueries } from './queries.ts';
import { ms, round, times } from './report.ts';
import { type Answer, checkSameData } from './same-data.ts';
import { type RunningServer, startProcess, startServer, stopServer } from './servers.ts';
import { countOurStatements } from './statements.ts';
import {
  type benchSettings,
  measure,
  measuredCommit,
  median,
  medianResult,
  overHttp,
  pinned,
  SERVER_CPU,
} from './timing.ts';

export type PostgresBenchSettings = ReturnType<typeof benchSettings> & {
  pgPort: number;
  pgDir: string;
  installDir: string;
};

/** The settings of this benchmark beyond the common ones (docs/performance.md lists them). */
export const postgresSettings = () => ({
  pgPort: Number(process.env.BENCH_PG_PORT ?? 5433),
  pgDir: process.env.BENCH_PG_DIR ?? join(tmpdir(), 'bilateral-postgres'),
  installDir: process.env.BENCH_POSTGRAPHILE_DIR ?? join(tmpdir(), 'bilateral-postgraphile'),
});

/** Exact versions: PostGraphile 5 is the version issue #12 measured; the filter plugin adds the hub filter. */
const PACKAGES = { postgraphile: '5.1.5', 'postgraphile-plugin-connection-filter': '4.0.1' };
/** Our server on PostgreSQL, PostGraphile on the same database, our server on the SQLite file. */
const SIDES = ['postgres', 'postgraphile', 'sqlite'] as const;
type Side = (typeof SIDES)[number];
const LABELS: Record<Side, string> = { postgres: 'ours PG', postgraphile: 'PostGraphile', sqlite: 'ours SQLite' };
/** A query that takes longer than this alone is timed one request at a time (see compareSize). */
const SLOW_MS = 2000;
/** The page size the issue sets for the timed pages, and the sizes statements are counted at. */
const PAGE_SIZE = 100;
const STATEMENT_PAGE_SIZES = [10, 50, 100];

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
  copyFileSync(join(import.meta.dirname, 'postgraphile/serve.mjs'), join(dir, 'serve.mjs'));
}

/** One timed run, with the CPU time it cost the server's own process and the PostgreSQL cluster. */
interface Sample extends LoadResult {
  /** CPU ms per completed request of the API process (ours or PostGraphile's Node process). */
  apiCpuMs: number;
  /** CPU ms per completed request of every PostgreSQL process of the cluster (0 for SQLite, in-process). */
  postgresCpuMs: number;
}

interface SizeComparison {
  events: number;
  queries: Pick<BenchQuery, 'name' | 'oneAtATime'>[];
  /** Per query and side: medians over rounds. */
  load: Map<string, Record<Side, Sample>>;
  /** Per query: the median over rounds of ours-on-PostgreSQL's req/s divided by each other side's in the same round. */
  ratios: Map<string, { postgraphile: number; sqlite: number }>;
  bytes: Map<string, Record<string, number>>;
  /** Statements per request of our API, per page shape and size, on each database. */
  statements: Map<string, { postgres: number[]; sqlite: number[] }>;
  loadedSeconds: number | null;
  loadAverage: { before: number; after: number };
}

/** Sends `query`, reducing the answer to the shape PostGraphile's is reduced to. */
const reducing =
  (send: Answer, reduce: (text: string) => string): Answer =>
  async (query) =>
    reduce(await send(query));

async function statementCounts(databaseUrl: string, sqlitePath: string, shapes: Map<string, BenchQuery[]>) {
  const queries = [...shapes.values()].flat();
  const postgres = await countOurStatements((onStatement) => openBilateralStore({ databaseUrl, onStatement }), queries);
  const sqlite = await countOurStatements(
    (onStatement) => openSqliteStore(sqlitePath, { readOnly: true, onStatement }),
    queries,
  );
  return new Map(
    [...shapes].map(([shape, sized]) => [
      shape,
      {
        postgres: sized.map((query) => postgres.get(query.name)!),
        sqlite: sized.map((query) => sqlite.get(query.name)!),
      },
    ]),
  );
}

async function compareSize(
  settings: PostgresBenchSettings,
  cluster: Cluster,
  events: number,
  scratchDir: string,
): Promise<SizeComparison> {
  const loadBefore = loadavg()[0]!;
  console.log(`\n== ${events.toLocaleString('en-US')} events on PostgreSQL ==`);
  const synthetic = syntheticDatabase({ events, seed: settings.seed });
  console.log(`database ${synthetic.path}${synthetic.generated ? ' (generated)' : ' (cached)'}`);
  const store = openStore(synthetic.path);
  const options = { depths: settings.depths };
  const queries = [
    ...pageQueries(store.$client, options, `page${PAGE_SIZE}`, PAGE_SIZE),
    ...pageQueries(store.$client, options, `page${PAGE_SIZE} hub+from`, PAGE_SIZE, HUB_FILTER),
  ];
  const shapes = new Map(
    [
      ['page', undefined],
      ['page hub+from', HUB_FILTER],
    ].map(([shape, filter]) => [
      shape as string,
      STATEMENT_PAGE_SIZES.flatMap((first) =>
        pageQueries(store.$client, { depths: [0] }, `${shape} first ${first}`, first, filter as typeof HUB_FILTER),
      ),
    ]),
  );
  closeStore(store);
  const loadStarted = performance.now();
  const { database, loadedSeconds } = loadDatabase(cluster, synthetic.path);
  const databaseUrl = connectionString(cluster, database);
  console.log(
    `PostgreSQL database ${database}: ${loadedSeconds === null ? 'loaded by an earlier run' : `copied in ${loadedSeconds.toFixed(1)} s`}` +
      ` (${((performance.now() - loadStarted) / 1000).toFixed(1)} s with the vacuum)`,
  );

  const probe = JSON.stringify(queries[0]!.request);
  const servers = {} as Record<Side, RunningServer>;
  try {
    for (const [index, side] of SIDES.entries()) {
      const common = {
        port: settings.port + index,
        cpu: SERVER_CPU,
        logFile: join(scratchDir, `${side}-${events}.log`),
      };
      servers[side] =
        side === 'postgraphile'
          ? await startProcess({
              ...common,
              name: 'postgraphile',
              command: ['node', 'serve.mjs'],
              cwd: settings.installDir,
              env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
              probe: JSON.stringify({ query: '{ __typename }' }),
            })
          : await startServer({
              ...common,
              name: 'ours',
              databasePath: synthetic.path,
              probe,
              env: side === 'postgres' ? { DATABASE_URL: databaseUrl } : {},
            });
      console.log(`${LABELS[side]} answered ${servers[side].startupMs.toFixed(0)} ms after spawn`);
    }

    const postgraphileRequest = async (query: string, variables: Record<string, unknown>) =>
      (await fetch(servers.postgraphile.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }).then((response) => response.json())) as unknown;
    const theirs = new Map<string, BenchQuery>();
    for (const query of queries) theirs.set(query.name, await postgraphilePage(query, postgraphileRequest));
    // PostgreSQL plans PostGraphile's slug filter for an actor of average degree (it cannot see the
    // hub's at plan time); a client that knows the hub's row ID lets it use the actor's statistics.
    // Both are compared with the same query of ours.
    for (const query of queries.filter((candidate) => candidate.name.includes('hub+'))) {
      const byId = { ...query, name: query.name.replace('hub+', 'hub(ID)+') };
      queries.push(byId);
      theirs.set(byId.name, await postgraphilePage(byId, postgraphileRequest, { byActorId: true }));
    }
    const asked = (side: Side, query: BenchQuery) => (side === 'postgraphile' ? theirs.get(query.name)! : query);

    // Ours on both databases must answer exactly alike; PostGraphile's answer is compared once both are
    // reduced to the values they share.
    const ours = await checkSameData(queries, {
      postgres: overHttp(servers.postgres.url),
      sqlite: overHttp(servers.sqlite.url),
    });
    const checkMs = new Map<string, number>();
    const theirBytes = new Map<string, number>();
    const sendTheirs = overHttp(servers.postgraphile.url);
    const withPostgraphile = await checkSameData(queries, {
      postgres: reducing(overHttp(servers.postgres.url), ourPage),
      postgraphile: async (query) => {
        const started = performance.now();
        const text = await sendTheirs(asked('postgraphile', query));
        checkMs.set(query.name, performance.now() - started);
        theirBytes.set(query.name, Buffer.byteLength(text));
        return postgraphilePageOf(text);
      },
    });
    const mismatches = [...ours.mismatches, ...withPostgraphile.mismatches];
    if (mismatches.length) {
      for (const mismatch of mismatches)
        console.error(`MISMATCH ${mismatch.query} (${mismatch.server}): ${mismatch.detail}`);
      throw new Error('the three servers do not return the same data; nothing was timed');
    }
    console.log(
      `same answers from ours on PostgreSQL and on SQLite, and the same events, participants, actors, citations and sources from PostGraphile, for ${queries.length} queries`,
    );
    const bytes = new Map(
      queries.map((query) => [
        query.name,
        { ...ours.bytes.get(query.name)!, postgraphile: theirBytes.get(query.name)! },
      ]),
    );
    // A query a server takes seconds to answer alone would pile up under wrk's connections (every
    // lengthened run leaves that many more in flight): every server gets it one request at a time.
    for (const query of queries)
      if (checkMs.get(query.name)! > SLOW_MS) {
        query.oneAtATime = true;
        asked('postgraphile', query).oneAtATime = true;
        console.log(
          `${query.name}: PostGraphile took ${round(checkMs.get(query.name)!)} ms alone; timed one request at a time`,
        );
      }

    const postgres = postmasterPid(cluster);
    const measureSettings = (seconds: number) => ({ seconds, connections: settings.connections, scratchDir });
    const timed = async (side: Side, query: BenchQuery, seconds: number): Promise<Sample> => {
      const apiPid = servers[side].process.pid!;
      const [apiBefore, postgresBefore] = [cpuMsOf(apiPid), treeCpuMsOf(postgres)];
      const result = await measure(servers[side], asked(side, query), measureSettings(seconds));
      // PostGraphile does not cancel a query whose client hung up: what wrk left in flight is counted
      // to this run, and must not run during the next one.
      await drained(cluster, database);
      const perRequest = (cpuMs: number) => cpuMs / Math.max(1, result.requests);
      return {
        ...result,
        apiCpuMs: perRequest(cpuMsOf(apiPid) - apiBefore),
        postgresCpuMs: perRequest(treeCpuMsOf(postgres) - postgresBefore),
      };
    };
    for (const query of queries) for (const side of SIDES) await timed(side, query, settings.warmupSeconds);
    const samples = new Map(
      queries.map((query) => [query.name, { postgres: [], postgraphile: [], sqlite: [] }]),
    ) as Map<string, Record<Side, Sample[]>>;
    for (let round = 0; round < settings.rounds; round++)
      for (const [index, query] of queries.entries()) {
        // Rotate which server goes first, so none always runs right after another's load.
        const order = SIDES.map((_, offset) => SIDES[(round + index + offset) % SIDES.length]!);
        const row = samples.get(query.name)!;
        for (const side of order) row[side].push(await timed(side, query, settings.seconds));
        console.log(
          `round ${round + 1} ${query.name}: ${SIDES.map((side) => `${LABELS[side]} ${row[side].at(-1)!.requestsPerSecond.toFixed(1)}/s`).join(', ')}`,
        );
      }

    const statements = await statementCounts(databaseUrl, synthetic.path, shapes);
    const sampleMedian = (row: Sample[]): Sample => ({
      ...medianResult(row),
      apiCpuMs: median(row.map((sample) => sample.apiCpuMs)),
      postgresCpuMs: median(row.map((sample) => sample.postgresCpuMs)),
    });
    // Ratios are taken within each round (the runs of a query are seconds apart), then the median.
    const against = (row: Record<Side, Sample[]>, other: Side) =>
      median(row.postgres.map((sample, index) => sample.requestsPerSecond / row[other][index]!.requestsPerSecond));
    return {
      events,
      queries: queries.map(({ name, oneAtATime }) => ({ name, oneAtATime })),
      load: new Map(
        [...samples].map(([name, row]) => [
          name,
          Object.fromEntries(SIDES.map((side) => [side, sampleMedian(row[side])])) as Record<Side, Sample>,
        ]),
      ),
      ratios: new Map(
        [...samples].map(([name, row]) => [
          name,
          { postgraphile: against(row, 'postgraphile'), sqlite: against(row, 'sqlite') },
        ]),
      ),
      bytes,
      statements,
      loadedSeconds,
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
    };
  } finally {
    for (const server of Object.values(servers)) await stopServer(server);
  }
}

const cpu = (value: number) => (value > 0 ? ms(value) : '—');

export function postgresTable(result: SizeComparison, connections: number): string {
  const lines = [
    '| query | conns | req/s ours PG / PostGraphile / ours SQLite | ours PG ÷ PostGraphile | ours PG ÷ ours SQLite | p50 ms ours PG / PostGraphile / ours SQLite | API process CPU ms/request ours PG / PostGraphile / ours SQLite | PostgreSQL CPU ms/request ours / PostGraphile | bytes ours / PostGraphile |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { name, oneAtATime } of result.queries) {
    const load = result.load.get(name)!;
    const ratio = result.ratios.get(name)!;
    const bytes = result.bytes.get(name)!;
    const errors = (sample: Sample) => (sample.errors ? ` (${sample.errors} errors)` : '');
    const each = (figure: (sample: Sample) => string) => SIDES.map((side) => figure(load[side])).join(' / ');
    lines.push(
      `| ${name} | ${oneAtATime ? 1 : connections} | ${each((sample) => `${round(sample.requestsPerSecond, 1)}${errors(sample)}`)} | ${times(ratio.postgraphile)} | ${times(ratio.sqlite)} | ${each((sample) => ms(sample.p50Ms))} | ${each((sample) => cpu(sample.apiCpuMs))} | ${cpu(load.postgres.postgresCpuMs)} / ${cpu(load.postgraphile.postgresCpuMs)} | ${round(bytes.postgres!)} / ${round(bytes.postgraphile!)} |`,
    );
  }
  return lines.join('\n');
}

export function statementsTable(result: SizeComparison): string {
  const lines = [
    `| page query | SQL statements per request on PostgreSQL, first: ${STATEMENT_PAGE_SIZES.join(' / ')} | on SQLite |`,
    '| --- | --- | --- |',
  ];
  for (const [shape, counts] of result.statements)
    lines.push(`| ${shape} | ${counts.postgres.join(' / ')} | ${counts.sqlite.join(' / ')} |`);
  return lines.join('\n');
}

/** The issue's three targets for one size, as printed lines. */
function targetLines(result: SizeComparison): string[] {
  const pages = result.queries.map(({ name }) => ({ name, ...result.ratios.get(name)! }));
  const lowest = (side: 'postgraphile' | 'sqlite') => pages.toSorted((a, b) => a[side] - b[side])[0]!;
  const postgraphile = lowest('postgraphile');
  const sqlite = lowest('sqlite');
  const flat = [...result.statements.values()].every(({ postgres }) =>
    postgres.every((count) => count === postgres[0]),
  );
  const size = result.events.toLocaleString('en-US');
  return [
    `- ${size} events: ours PG ≥ 1.5× PostGraphile on every page query: ${postgraphile.postgraphile >= 1.5 ? 'met' : 'NOT met'}; lowest ${times(postgraphile.postgraphile)} (${postgraphile.name})`,
    `- ${size} events: ours PG ≥ 0.7× ours SQLite on every page query: ${sqlite.sqlite >= 0.7 ? 'met' : 'NOT met'}; lowest ${times(sqlite.sqlite)} (${sqlite.name})`,
    `- ${size} events: statements per page request flat in the page size on PostgreSQL: ${flat ? 'yes' : 'NO'}`,
  ];
}

/** Runs the comparison at every size of `settings` and prints its tables; returns them as Markdown. */
export async function runPostgresBench(settings: PostgresBenchSettings): Promise<string> {
  const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-postgres-bench-'));
  installPostgraphile(settings.installDir);
  const cluster = startCluster({ dir: settings.pgDir, port: settings.pgPort, cpu: SERVER_CPU });
  let clusterRunning = true;
  const stopOnce = () => {
    if (clusterRunning) stopCluster(cluster);
    clusterRunning = false;
  };
  // However the run ends (servers.ts turns Ctrl-C into an exit), the cluster does not outlive it.
  process.once('exit', stopOnce);
  const postgraphileVersion = (
    JSON.parse(readFileSync(join(settings.installDir, 'node_modules/postgraphile/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const heading =
    `at ${measuredCommit()}: ours on PostgreSQL ${cluster.version} against PostGraphile ${postgraphileVersion} on the same database and ours on SQLite, Node ${process.version}; ` +
    `${pinned ? 'servers and PostgreSQL on core 0, wrk on core 1' : 'one core: nothing pinned'}`;
  console.log(`\n${heading}; load average ${loadavg()[0]!.toFixed(2)}`);
  const sections: string[] = [];
  const targets: string[] = [];
  try {
    for (const events of settings.sizes) {
      const result = await compareSize(settings, cluster, events, scratchDir);
      const section = [
        `#### ${events.toLocaleString('en-US')} events`,
        `- ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; load average (1 min) before / after: ${result.loadAverage.before.toFixed(2)} / ${result.loadAverage.after.toFixed(2)}; PostgreSQL copy ${result.loadedSeconds === null ? 'loaded by an earlier run' : `made in ${round(result.loadedSeconds, 1)} s`}`,
        postgresTable(result, settings.connections),
        statementsTable(result),
      ].join('\n\n');
      console.log(`\n${section}`);
      sections.push(section);
      targets.push(...targetLines(result));
    }
  } finally {
    stopOnce();
  }
  console.log(`\n${targets.join('\n')}`);
  const command = `BENCH_BACKEND=postgres BENCH_SIZES=${settings.sizes.join(',')} BENCH_DURATION=${settings.seconds} BENCH_ROUNDS=${settings.rounds} BENCH_WARMUP=${settings.warmupSeconds} BENCH_CONNECTIONS=${settings.connections} BENCH_DEPTHS=${settings.depths.join(',')} BENCH_SEED=${settings.seed} npx -y pnpm@10 bench`;
  console.log(`command: ${command}`);
  return [`- ${heading}`, `- Command: \`${command}\``, ...sections, targets.join('\n')].join('\n\n');
}

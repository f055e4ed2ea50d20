/** Tables of the benchmark's results, printed to the console and written to docs/performance.md. */
import type { LoadResult } from './load.ts';
import type { BenchQuery } from './queries.ts';
import { SERVER_NAMES as SERVERS, type ServerName } from './servers.ts';

export interface SizeResult {
  events: number;
  queries: BenchQuery[];
  /** Per query and server: the median over rounds of each figure. */
  load: Map<string, Record<ServerName, LoadResult>>;
  /** Per query: the median over rounds of ours' req/s divided by each baseline's in the same round. */
  ratios: Map<string, { naive: number; floor: number }>;
  bytes: Map<string, Record<string, number>>;
  statements: Map<string, Record<ServerName, number>>;
  startupMs: Record<ServerName, number>;
  /** Highest resident memory of our server seen while it was under load, and its peak (VmHWM). */
  oursRssMiB: number;
  oursPeakRssMiB: number;
  generationSeconds: number | null;
}

export const round = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : '—';
export const ms = (value: number) => (value >= 100 ? round(value) : value >= 10 ? round(value, 1) : round(value, 2));
export const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

export function sizeTable(result: SizeResult, connections: number): string {
  const header =
    '| query | conns | req/s ours / naive / floor | ours/naive | ours/floor | p50 ms ours / naive / floor | p99 ms ours / naive / floor | bytes | SQL statements ours / naive / floor |';
  const lines = [header, '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const query of result.queries) {
    const load = result.load.get(query.name)!;
    const ratios = result.ratios.get(query.name)!;
    const statements = result.statements.get(query.name);
    lines.push(
      `| ${query.name} | ${query.oneAtATime ? 1 : connections} | ${SERVERS.map((server) => `${round(load[server].requestsPerSecond, 1)}${load[server].errors ? ` (${load[server].errors} errors)` : ''}`).join(' / ')} | ${times(ratios.naive)} | ${times(ratios.floor)} | ${ms(load.ours.p50Ms)} / ${ms(load.naive.p50Ms)} / ${ms(load.floor.p50Ms)} | ${ms(load.ours.p99Ms)} / ${ms(load.naive.p99Ms)} / ${ms(load.floor.p99Ms)} | ${round(result.bytes.get(query.name)?.ours ?? Number.NaN)} | ${statements ? `${statements.ours} / ${statements.naive} / ${statements.floor}` : '—'} |`,
    );
  }
  return lines.join('\n');
}

export function sizeNotes(result: SizeResult): string {
  const startup = result.startupMs;
  return [
    `- Start-up on the already-generated database, spawn to first answer: ours ${round(startup.ours)} ms, naive ${round(startup.naive)} ms, floor ${round(startup.floor)} ms.`,
    `- Our server's resident memory under load: up to ${round(result.oursRssMiB)} MiB (peak RSS ${round(result.oursPeakRssMiB)} MiB).`,
    result.generationSeconds === null
      ? '- Database taken from the cache of generated databases.'
      : `- Database generated in ${round(result.generationSeconds, 1)} s (then cached).`,
  ].join('\n');
}

interface Target {
  text: string;
  check: (results: SizeResult[]) => { met: boolean; figure: string } | null;
}

const PAGE_QUERIES = /^page/;
const loadOf = (result: SizeResult, name: string) => result.load.get(name)!;

/** The targets of issue #12 that this benchmark measures, judged from this run's figures. */
const TARGETS: Target[] = [
  {
    text: 'Nested pages ≥ 1.5× naive at every scale and depth',
    check: (results) => worst(results, PAGE_QUERIES, 'naive', 1.5),
  },
  {
    text: 'Nested pages ≥ 0.5× the floor at every scale and depth',
    check: (results) => worst(results, PAGE_QUERIES, 'floor', 0.5),
  },
  {
    text: 'Point lookup ≥ 0.5× naive',
    check: (results) => worst(results, /^event\(id:\)$/, 'naive', 0.5),
  },
  {
    text: 'Flat with size: p50 at the largest size ≤ 2× p50 at the smallest, lookups and pages',
    check: (results) => {
      if (results.length < 2) return null;
      const small = results[0]!;
      const large = results.at(-1)!;
      let worstRatio = 0;
      let where = '';
      for (const query of large.queries.filter((query) => !query.oneAtATime)) {
        const growth = loadOf(large, query.name).ours.p50Ms / loadOf(small, query.name).ours.p50Ms;
        if (growth > worstRatio) [worstRatio, where] = [growth, query.name];
      }
      return {
        met: worstRatio <= 2,
        figure: `worst ${worstRatio.toFixed(2)}× (${where}, ${small.events.toLocaleString('en-US')} → ${large.events.toLocaleString('en-US')} events)`,
      };
    },
  },
  {
    text: '`search` p50 ≤ 100 ms at the largest size',
    check: (results) => p50Below(results.at(-1)!, /^search/, 100),
  },
  {
    text: '`eventStats` p50 ≤ 100 ms at the largest size',
    check: (results) => p50Below(results.at(-1)!, /^eventStats/, 100),
  },
  {
    text: 'Server RSS ≤ 300 MiB under load at the largest size',
    check: (results) => {
      const rss = results.at(-1)!.oursPeakRssMiB;
      return { met: rss <= 300, figure: `${round(rss)} MiB` };
    },
  },
  {
    text: 'Start-up ≤ 1 s on an already-loaded database (largest size)',
    check: (results) => {
      const startup = results.at(-1)!.startupMs.ours;
      return { met: startup <= 1000, figure: `${round(startup)} ms` };
    },
  },
];

function worst(results: SizeResult[], pattern: RegExp, baseline: 'naive' | 'floor', threshold: number) {
  let lowest = Number.POSITIVE_INFINITY;
  let where = '';
  for (const result of results)
    for (const query of result.queries.filter((query) => pattern.test(query.name))) {
      const value = result.ratios.get(query.name)![baseline];
      if (value < lowest) [lowest, where] = [value, `${query.name} at ${result.events.toLocaleString('en-US')}`];
    }
  return { met: lowest >= threshold, figure: `worst ${lowest.toFixed(2)}× (${where})` };
}

function p50Below(result: SizeResult, pattern: RegExp, limitMs: number) {
  const query = result.queries.find((candidate) => pattern.test(candidate.name))!;
  const p50 = loadOf(result, query.name).ours.p50Ms;
  return { met: p50 <= limitMs, figure: `${ms(p50)} ms at ${result.events.toLocaleString('en-US')} events` };
}

export function targetsTable(results: SizeResult[]): string {
  const lines = ['| target (issue #12) | this run | met |', '| --- | --- | --- |'];
  for (const target of TARGETS) {
    const verdict = target.check(results);
    lines.push(
      `| ${target.text} | ${verdict?.figure ?? 'needs two sizes'} | ${verdict ? (verdict.met ? 'yes' : '**no**') : '—'} |`,
    );
  }
  // Measured by their own scripts, whose figures this run does not have: point to them.
  lines.push(
    '| Faster than PostGraphile on the same data and query | `BENCH_BACKEND=postgres bench`: see [PostgreSQL](#postgresql-against-postgraphile-on-the-same-database) | see there |',
    '| 2 `WORKERS` ≥ 1.7× one worker on the page query | `bench:workers`: see [Operating](operating.md#measured-throughput) | see there |',
  );
  return lines.join('\n');
}

export interface MachineInfo {
  commit: string;
  date: string;
  cores: number;
  cpu: string;
  node: string;
  sqlite: string;
  pinned: boolean;
  loadAverage: number;
}

export interface Settings {
  sizes: number[];
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  connections: number;
  depths: number[];
  seed: number;
}

const METHOD = `Three servers answer the same queries from the same SQLite file, generated by
\`@bilateral/store/synthetic\` (deterministic: long-tailed actor degree with Pakistan in about 80% of events,
2–5 participants and 1–4 citations per event, claims, links, 2% archived, every date precision, and the word
"cooperation" in about 40% of events):

- **ours**: the real server, \`packages/api/src/server.ts\`, started as \`npx -y pnpm@10 start\` starts it
  (\`node --max-semi-space-size=64 scripts/start.mjs\`: a larger young generation, then the esbuild bundle
  \`dist/server.cjs\` with its V8 code cache) but with \`LOAD_SEEDS=0\`, so the file stays as generated;
- **naive**: plain graphql-js and node:http, one SQL statement per parent row, statements prepared once
  (\`packages/api/bench/baselines/naive.ts\`);
- **floor**: node:http answering with JSON built by ONE SQLite statement per request (json_object /
  json_group_array), no GraphQL at all (\`packages/api/bench/baselines/floor.ts\`).

The baselines are bundled and started the same way as ours (\`node scripts/run-bundle.mjs baselines naive|floor ...\`),
so no server compiles TypeScript on load. Before the first size, the bundles are brought up to date and each server
is started once, untimed, so each timed start finds its code cache, as any start after the first does.

Before anything is timed, every query is sent to all three and the answers must be equal as parsed JSON
(floats to 9 digits); the benchmark stops if not. The same check runs in the test suite at 1,000 events
(\`packages/api/bench/same-data.test.ts\`). Each server is a process pinned to core 0 with \`taskset\`; the load
generator, Debian's \`wrk\` (\`-t1\`, keep-alive, POST), is pinned to core 1. Rounds are interleaved: every query is
measured on every server in turn (the order rotates), for every round, after a warm-up run of each. The table
gives the median over rounds; the ratios are ours ÷ baseline within each round, then the median. \`search\` and \`eventStats\` are sent one request at a time from the benchmark
process (wrk drops requests still running when its time is up), for the same duration and at least one each;
a wrk run that completes fewer requests than it has connections is run again for twice as long.
"page20 @50%" is \`events(first: 20, after: <cursor of the event halfway through the list>)\` with
participants→actor and citations→source; "hub+from" adds \`filter: { actors: ["pakistan"], from: "2000" }\`.
Both baselines bound a cursor page with one row-value comparison, \`(date_earliest, date_latest, id) > (?, ?, ?)\`,
which SQLite seeks only up to \`(date_earliest, date_latest)\` before walking the cursor's tie row by row (the row ID
ends the seek); ours reads the rest of the tie and the rows beyond it as two seeks (\`store/src/queries/pagination.ts\`).
At 1M events the @50% cursor sits 2,018 rows into a tie of 2,410 and the @90% one 738 rows into a tie of 20,920;
at 100k, 7 of 29 and 157 of 176. The @0% rows have no cursor, so they compare the servers without that difference.
SQL statements are counted in-process over the same file for one request after a warm one. All three open the
file through the store's \`openStore\`, so connection settings (page cache, WAL) are the same. \`search\` ranks
the newest 10,000 matches (the API's documented bound, \`SEARCH_RANKING_LIMIT\`) in all three; the full-text index
holds live events only, so none of them filters archived events at query time.

The machine is shared with other work, so absolute figures are noisy; the ratios from one interleaved run are
what to compare.`;

const KNOBS = `| variable | default | meaning |
| --- | --- | --- |
| \`BENCH_SIZES\` | \`1000,100000\` | event counts, comma-separated; add \`1000000\` for a million (generation takes a few minutes once, then the file is cached) |
| \`BENCH_DURATION\` | \`2\` | seconds per measurement |
| \`BENCH_ROUNDS\` | \`2\` | interleaved rounds |
| \`BENCH_WARMUP\` | \`1\` | seconds of warm-up per query and server |
| \`BENCH_CONNECTIONS\` | \`10\` | wrk connections |
| \`BENCH_DEPTHS\` | \`0,0.5,0.9\` | where in the list the page queries start, as a fraction (moved back where needed so the page is full) |
| \`BENCH_SEED\` | \`1\` | seed of the synthetic data |
| \`BENCH_BACKEND\` | \`sqlite\` | \`postgres\` runs the [PostgreSQL benchmark](#postgresql-against-postgraphile-on-the-same-database) instead, \`both\` runs this one and then that one |
| \`BENCH_PORT\` | \`4200\` | first of three ports |
| \`BENCH_OUTPUT\` | \`docs/performance.md\` | where to write this page; \`-\` to only print |
| \`BILATERAL_SYNTHETIC_CACHE\` | \`$TMPDIR/bilateral-synthetic\` | where generated databases are cached |`;

/** A section of the page written from another script's run (`## title` up to the next section), kept as it is. */
const keptSection = (page: string, title: string) =>
  new RegExp(`^## ${title}\\n[\\s\\S]*?(?=^## )`, 'm').exec(page)?.[0] ?? '';

export function renderDocument({
  info,
  settings,
  results,
  loadAverageAfter,
  previous = '',
}: {
  info: MachineInfo;
  settings: Settings;
  results: SizeResult[];
  loadAverageAfter: number;
  /** The page as it was: the PostgreSQL comparison and the fixed cost, written from other scripts' runs, are kept. */
  previous?: string;
}): string {
  const env = [
    `BENCH_SIZES=${settings.sizes.join(',')}`,
    `BENCH_DURATION=${settings.seconds}`,
    `BENCH_ROUNDS=${settings.rounds}`,
    `BENCH_WARMUP=${settings.warmupSeconds}`,
    `BENCH_CONNECTIONS=${settings.connections}`,
    `BENCH_DEPTHS=${settings.depths.join(',')}`,
    `BENCH_SEED=${settings.seed}`,
  ].join(' ');
  const sizes = results
    .map(
      (result) =>
        `### ${result.events.toLocaleString('en-US')} events\n\n${sizeTable(result, settings.connections)}\n\n${sizeNotes(result)}`,
    )
    .join('\n\n');
  return `# Performance

This page is written by the API benchmark, \`npx -y pnpm@10 bench\` (\`packages/api/bench/api-bench.ts\`); rerun it
rather than editing the figures. Issue #12 sets the targets.

## Method

${METHOD}

## Running it

\`\`\`sh
npx -y pnpm@10 bench                                          # 1k and 100k events, about 7 minutes
BENCH_SIZES=1000,100000,1000000 npx -y pnpm@10 bench          # adds a million events
BENCH_BACKEND=postgres BENCH_SIZES=100000,1000000 npx -y pnpm@10 bench   # on PostgreSQL (see below)
\`\`\`

It needs \`wrk\` and \`taskset\` (Debian: \`apt-get install wrk util-linux\`).

${KNOBS}

## Start-up

Issue #12 asks for a start ≤ 1 s on an already-loaded database. \`bench:startup\` (\`packages/api/bench/startup.ts\`)
times it alone, spawn to first answer of the first query above, on the cached synthetic databases and on a database
already loaded from \`seeds/\` (where our server runs its default seed check, as a plain \`start\` does; the baselines
serve the same file). It starts each server as this benchmark does (\`servers.ts\`, pinned to core 0), plus ours
under tsx (\`node --import tsx src/server.ts\`, how every start ran before the bundle) for comparison; the starts
are interleaved, and it prints the median, minimum and maximum of each, and the CPU time the process had used by its
first answer (less sensitive to other work on the machine than the wall-clock time).

\`\`\`sh
npx -y pnpm@10 --filter @bilateral/api bench:startup                     # 1k, 100k and 1M events, 5 starts each
BENCH_SIZES=1000 STARTUP_RUNS=9 npx -y pnpm@10 --filter @bilateral/api bench:startup
\`\`\`

It reads \`BENCH_SIZES\` (default \`1000,100000,1000000\`), \`BENCH_SEED\` and \`BENCH_PORT\` (one port) as above, and
\`STARTUP_RUNS\` (default 5). The time of \`npx -y pnpm@10\` itself, before the server is spawned, is in no figure.

## Last run

- Commit measured: \`${info.commit}\`, ${info.date}
- Machine: ${info.cores} cores (${info.cpu}), Node ${info.node}, SQLite ${info.sqlite}; ${info.pinned ? 'servers on core 0, load generator on core 1' : 'one core: nothing pinned'}
- Load average (1 min) before and after: ${info.loadAverage.toFixed(2)} / ${loadAverageAfter.toFixed(2)} (other work on the machine)
- Command: \`${env} npx -y pnpm@10 bench\`

${sizes}

## Targets

${targetsTable(results)}

${keptSection(previous, 'PostgreSQL, against PostGraphile on the same database')}${keptSection(previous, 'Fixed cost of small requests')}## Not measured

- Several workers (\`WORKERS\`): the servers are pinned to one core here. \`bench:workers\` measures two workers
  against one on the page query; its method and figures are in [Operating](operating.md#measured-throughput).
`;
}

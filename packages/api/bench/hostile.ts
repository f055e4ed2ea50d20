// Sends each class of hostile request's worst case to the real server process over a 100,000-event
// synthetic database, and prints per class the answer time, the answer, and the server's RSS growth;
// then a plain query's latency (p50/p99) while a full export streams.
// Run: npx -y pnpm@10 bench:hostile   (BENCH_EVENTS=… to change the size; BENCH_PORT=… the port)
// BENCH_BACKEND=sqlite (default), postgres or both: on PostgreSQL the same database is copied into a
// throwaway cluster (postgraphile/postgres.ts; BENCH_PG_PORT, BENCH_PG_DIR as for bench:postgraphile)
// and the server started with DATABASE_URL; with both, the verdicts of the two runs are compared.
// Targets: refusals < 50 ms; anything accepted < 1 s; RSS growth < 200 MiB; p99 during export < 200 ms.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySyntheticDatabase, syntheticDatabase } from '@bilateral/store/synthetic';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { startArguments } from '../src/testing/start-command.ts';
import { connectionString, loadDatabase, psql, startCluster, stopCluster } from './postgraphile/postgres.ts';
import { postgresSettings } from './postgres-bench.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BACKENDS = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[
  process.env.BENCH_BACKEND ?? 'sqlite'
] as ('sqlite' | 'postgres')[] | undefined;
if (!BACKENDS) throw new Error('BENCH_BACKEND must be sqlite, postgres or both');
const PORT = Number(process.env.BENCH_PORT ?? 4100);
const BASE = `http://127.0.0.1:${PORT}`;
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const repeat = (count: number, make: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => make(index)).join(' ');
const EVENT_FIELDS =
  'id slug title summary kind sectors date { display } participants { role actor { slug name } } citations { paragraph source { slug } }';
const fanOut = (hops: number, pageSize = 100, leaf = 'title') => {
  let selection = leaf;
  for (let hop = 0; hop < hops; hop++) {
    const node = hop === 0 ? selection : `participants { actor { ${selection} } }`;
    selection = `events(first: ${pageSize}) { edges { node { ${node} } } }`;
  }
  return `{ actor(slug: "pakistan") { ${selection} } }`;
};

interface Probe {
  name: string;
  /** Expected to be refused (target 50 ms) or accepted under the budget (target 1 s). */
  refused: boolean;
  send: () => Promise<Response>;
}

const graphql = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const query = (text: string, variables?: Record<string, unknown>) => () => graphql({ query: text, variables });

const probes: Probe[] = [
  { name: 'cost: 3-hop fan-out, 100 a page', refused: true, send: query(fanOut(3)) },
  { name: 'cost: 2-hop fan-out, full events', refused: true, send: query(fanOut(2, 100, EVENT_FIELDS)) },
  {
    name: 'cost: 10 aliases of a 100-event page',
    refused: true,
    send: query(`{ ${repeat(10, (index) => `a${index}: events(first: 100) { edges { node { ${EVENT_FIELDS} } } }`)} }`),
  },
  {
    name: 'cost: actorNetwork, 500 edges, 3 events each',
    refused: true,
    send: query('{ actorNetwork { edges(first: 500) { events(first: 3) { edges { node { id } } } } } }'),
  },
  {
    name: 'memory: 5,000 aliases of a nested connection',
    refused: true,
    send: query(
      `{ ${repeat(5_000, (index) => `a${index}: actor(slug: "russia") { events(first: 100) { edges { node { participants { actor { events(first: 100) { totalCount } } } } } } }`)} }`,
    ),
  },
  {
    name: 'validation: 40 doubling fragments',
    refused: true,
    send: query(
      `query { ...F0 }\n${repeat(40, (index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`)}\nfragment F40 on Query { __typename }`,
    ),
  },
  {
    name: 'depth: 300 levels',
    refused: true,
    send: query(
      `{ ${repeat(299, (index) => `${['events(first: 1)', 'edges', 'node', 'participants', 'actor'][index % 5]} {`)} __typename ${'} '.repeat(299)}}`,
    ),
  },
  {
    name: 'nesting: list literal 3,000 deep',
    refused: true,
    send: query(`{ events(first: 1, filter: { kinds: ${'['.repeat(3_000)}${']'.repeat(3_000)} }) { totalCount } }`),
  },
  {
    name: 'nesting: input objects 450 deep',
    refused: true,
    send: query(`{ events(first: 1, filter: ${'{ a: '.repeat(450)}1${' }'.repeat(450)}) { totalCount } }`),
  },
  { name: 'duplication: __typename x 500', refused: true, send: query(`{ ${'__typename '.repeat(500)} }`) },
  {
    name: 'directives: 50 on one field',
    refused: true,
    send: query(`{ __typename ${'@include(if: true) '.repeat(50)} }`),
  },
  {
    name: 'cycles: 50 fragments in a ring',
    refused: true,
    send: query(`{ ...F0 } ${repeat(50, (index) => `fragment F${index} on Query { ...F${(index + 1) % 50} }`)}`),
  },
  {
    name: 'batching: 1,000 operations',
    refused: true,
    send: () => graphql(Array.from({ length: 1_000 }, () => ({ query: fanOut(3) }))),
  },
  {
    name: 'nodes(ids:) with 20,000 IDs',
    refused: true,
    send: query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 20_000 }, (_, index) => encodeGlobalID('Event', index + 1)),
    }),
  },
  {
    name: 'subscription: costly selection',
    refused: true,
    send: () =>
      fetch(`${BASE}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({
          query: `subscription { eventChanged { ${fanOut(2).slice(2, -2).replace('actor(slug: "pakistan")', 'participants { actor')} } } }`,
        }),
      }),
  },
  {
    name: 'GET mutation',
    refused: true,
    send: () => fetch(`${BASE}/graphql?query=${encodeURIComponent('mutation { archiveEvent(id: "x") { replayed } }')}`),
  },
  {
    name: 'accepted: 9 events, each actor with its first event',
    refused: false,
    send: query(
      '{ events(first: 9) { edges { node { title participants { actor { events(first: 1) { edges { node { title } } } } } } } } }',
    ),
  },
  {
    name: 'accepted: 100-event page, full fields',
    refused: false,
    send: query(`{ events(first: 100) { edges { node { ${EVENT_FIELDS} } } } }`),
  },
  {
    name: 'accepted: 10 aliases of 20-event pages, counted',
    refused: false,
    send: query(
      `{ ${repeat(10, (index) => `a${index}: events(first: 20, filter: { from: "${1950 + index}" }) { totalCount edges { node { title } } }`)} }`,
    ),
  },
  {
    name: 'accepted: eventStats by kind and year',
    refused: false,
    send: query('{ eventStats(groupBy: [KIND, YEAR]) { buckets { count keys { value } } } }'),
  },
  {
    name: 'accepted: cooperationIndex, 3 events a year',
    refused: false,
    send: query('{ cooperationIndex { years { year events(first: 3) { totalCount edges { node { id } } } } } }'),
  },
  {
    name: 'accepted: actorNetwork',
    refused: false,
    send: query('{ actorNetwork { nodes { actor { slug } } edges { weight } } }'),
  },
  {
    name: 'accepted: actorNetwork, 200 nodes, 500 edges',
    refused: false,
    send: query(
      '{ actorNetwork { nodeCount edgeCount nodes(first: 200) { id eventCount actor { slug name } } edges(first: 500, amongNodes: 200) { source target weight firstDate lastDate } } }',
    ),
  },
  {
    name: 'accepted: actorNetwork over a filter, 5,000 events',
    refused: false,
    send: query(
      '{ actorNetwork(filter: { from: "1900" }) { eventsLimited nodes(first: 200) { id } edges(first: 500, amongNodes: 200) { source target weight } } }',
    ),
  },
  {
    name: 'accepted: actorNetwork, 29 edges, 3 events each',
    refused: false,
    send: query('{ actorNetwork { edges(first: 29) { events(first: 3) { edges { node { id } } } } } }'),
  },
  {
    name: 'accepted: timelineJs of one year',
    refused: false,
    send: query('{ timelineJs(filter: { from: "1990", to: "1990" }) { events { unique_id } } }'),
  },
  {
    name: 'accepted: relationships(first: 100), 3 events each',
    refused: false,
    send: query(
      '{ actor(slug: "pakistan") { relationships(first: 100) { edges { node { events(first: 3) { totalCount edges { node { id } } } } } } } }',
    ),
  },
  {
    name: 'accepted: search, common word, 100 a page',
    refused: false,
    send: query('{ search(query: "cooperation", first: 100) { totalCount edges { node { snippet } } } }'),
  },
  // The HTTP half's classes, measured here too.
  {
    name: 'http: search with 5,000 words',
    refused: true,
    send: query('query ($q: String!) { search(query: $q) { totalCount } }', {
      q: repeat(5_000, (index) => `word${index}`),
    }),
  },
  {
    name: 'http: export with a control character in text',
    refused: true,
    send: () => fetch(`${BASE}/export/events.csv?text=${encodeURIComponent('a\u0001b')}`),
  },
];

function rssMiB(pid: number) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

const serverErrors: string[] = [];

/** Where the server reads: a SQLite file, or a PostgreSQL database (`DATABASE_URL`). */
type DatabaseEnv = { DATABASE_PATH: string } | { DATABASE_URL: string };

async function startServer(database: DatabaseEnv): Promise<ChildProcess> {
  // As `npx -y pnpm@10 start` starts it: its Node flags and the bundle (scripts/start.mjs).
  const server = spawn(process.execPath, startArguments(), {
    cwd: apiDir,
    env: { ...process.env, PORT: String(PORT), ...database },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server logs unexpected errors with their SQL and stack: keep only each error's first line, for the summary.
  let pending = '';
  server.stderr.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (/^\S*Error\b/.test(line)) serverErrors.push(line.slice(0, 120));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('GraphQL API')) resolve();
    });
  });
  return server;
}

/** Sends one probe and reads the whole answer, sampling the server's RSS meanwhile. */
async function measure(server: ChildProcess, probe: Probe) {
  let peak = rssMiB(server.pid!);
  const sampler = setInterval(() => {
    if (server.exitCode === null) peak = Math.max(peak, rssMiB(server.pid!));
  }, 20);
  const started = performance.now();
  let outcome: string;
  let bytes = 0;
  try {
    const response = await probe.send();
    const text = await response.text();
    bytes = text.length;
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
    outcome = `${response.status} ${code ?? (response.ok ? 'data' : '')}`;
  } catch (error) {
    outcome = `failed: ${(error as Error).message}`;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const alive = server.exitCode === null && server.signalCode === null;
  if (!alive) outcome += ` (server died: ${server.exitCode ?? server.signalCode})`;
  return { ms, outcome, bytes, peak, alive };
}

/** A plain query's latency, sequentially, while a full export is read as fast as the socket allows. */
async function plainQueryDuringExport() {
  const latencies: number[] = [];
  let exporting = true;
  let exportBytes = 0;
  const exportStarted = performance.now();
  const exported = (async () => {
    const response = await fetch(`${BASE}/export/events.jsonl`);
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) exportBytes += read.value.byteLength;
    exporting = false;
  })();
  while (exporting) {
    const started = performance.now();
    await (await graphql({ query: '{ events(first: 10) { edges { node { slug title } } } }' })).text();
    latencies.push(performance.now() - started);
  }
  await exported;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!;
  return {
    count: latencies.length,
    p50: at(0.5),
    p99: at(0.99),
    exportMiB: exportBytes / 2 ** 20,
    exportSeconds: (performance.now() - exportStarted) / 1000,
  };
}

/** Runs every probe and the export test against the server over `database`; returns each probe's answer. */
async function runProbes(database: DatabaseEnv): Promise<Map<string, string>> {
  const verdicts = new Map<string, string>();
  let server = await startServer(database);
  try {
    // Warm up the parser, the schema and the database's cache, then take the baseline.
    for (let index = 0; index < 5; index++)
      await (await graphql({ query: '{ events(first: 10) { totalCount edges { node { title } } } }' })).text();
    const baseline = rssMiB(server.pid!);
    let peak = baseline;
    console.log(`server RSS at start: ${baseline.toFixed(0)} MiB\n`);
    console.log(
      `${'class (refusals: median of 5)'.padEnd(52)} ${'time ms'.padStart(8)}  ${'target'.padEnd(8)} ${'answer'.padEnd(28)} ${'bytes'.padStart(9)} ${'RSS +MiB'.padStart(9)}`,
    );
    for (const probe of probes) {
      // A refusal is cheap, so it is sent five times and the median reported: on a shared machine one
      // sample measures the neighbours as much as the server.
      const samples = [];
      for (let sample = 0; sample < (probe.refused ? 5 : 1); sample++) samples.push(await measure(server, probe));
      const result = samples.sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)]!;
      for (const sample of samples) peak = Math.max(peak, sample.peak);
      const target = probe.refused ? 50 : 1000;
      // A refusal must carry its own code: an unexpected error is a miss however fast it came.
      const coded = !result.outcome.includes('INTERNAL_SERVER_ERROR');
      const mark = result.ms < target && coded ? 'ok' : 'MISSED';
      verdicts.set(probe.name, result.outcome);
      console.log(
        `${probe.name.padEnd(52)} ${result.ms.toFixed(1).padStart(8)}  <${String(target).padEnd(5)} ${mark.padEnd(2)} ${result.outcome.slice(0, 28).padEnd(28)} ${String(result.bytes).padStart(9)} ${(result.peak - baseline).toFixed(0).padStart(9)}`,
      );
      if (samples.some((sample) => !sample.alive)) {
        console.log('  restarting the server to go on');
        server = await startServer(database);
      }
    }
    const during = await plainQueryDuringExport();
    peak = Math.max(peak, rssMiB(server.pid!));
    console.log(
      `\nplain query during a full export (${during.exportMiB.toFixed(0)} MiB in ${during.exportSeconds.toFixed(1)} s): ${during.count} queries, p50 ${during.p50.toFixed(1)} ms, p99 ${during.p99.toFixed(1)} ms (target < 200 ms: ${during.p99 < 200 ? 'ok' : 'MISSED'})`,
    );
    const distinct = [...new Set(serverErrors)];
    console.log(
      `server log: ${serverErrors.length} unexpected errors${distinct.length ? `; first: ${distinct[0]}` : ''}`,
    );
    serverErrors.length = 0;
    console.log(
      `server RSS growth across the run (peak over start): ${(peak - baseline).toFixed(0)} MiB (target < 200 MiB: ${peak - baseline < 200 ? 'ok' : 'MISSED'})`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  return verdicts;
}

/** The run on a copy of the synthetic database the server may write to (it loads the seeds at start). */
async function onSqlite(): Promise<Map<string, string>> {
  const workDir = mkdtempSync(join(tmpdir(), 'cost-bench-'));
  const databasePath = join(workDir, 'bench.db');
  console.log(`building or reusing a ${EVENTS.toLocaleString('en')}-event synthetic database ...`);
  copySyntheticDatabase({ events: EVENTS }, databasePath);
  try {
    return await runProbes({ DATABASE_PATH: databasePath });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The run on PostgreSQL: the synthetic database copied into the benchmark cluster once (reused by
 * later runs), then cloned as a template for this run, so the seeds the server loads go into a
 * throwaway database.
 */
async function onPostgres(): Promise<Map<string, string>> {
  const settings = postgresSettings();
  const cluster = startCluster({ dir: settings.pgDir, port: settings.pgPort, cpu: null });
  const database = `hostile_${process.pid}`;
  try {
    const { database: template } = loadDatabase(cluster, syntheticDatabase({ events: EVENTS }).path);
    psql(cluster, 'postgres', `create database ${database} template ${template}`);
    console.log(`PostgreSQL ${cluster.version}: ${database}, a copy of ${template}`);
    return await runProbes({ DATABASE_URL: connectionString(cluster, database) });
  } finally {
    psql(cluster, 'postgres', `drop database if exists ${database} with (force)`);
    stopCluster(cluster);
  }
}

const results = new Map<string, Map<string, string>>();
for (const backend of BACKENDS) {
  console.log(`\n== ${backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ==`);
  results.set(backend, backend === 'sqlite' ? await onSqlite() : await onPostgres());
}
if (results.size === 2) {
  const [sqlite, postgres] = [results.get('sqlite')!, results.get('postgres')!];
  const differing = probes.filter((probe) => sqlite.get(probe.name) !== postgres.get(probe.name));
  console.log(
    `\nsame answers on SQLite and PostgreSQL: ${differing.length ? `NO, ${differing.length} differ` : `yes, all ${probes.length}`}`,
  );
  for (const probe of differing)
    console.log(`  ${probe.name}: SQLite ${sqlite.get(probe.name)}, PostgreSQL ${postgres.get(probe.name)}`);
}

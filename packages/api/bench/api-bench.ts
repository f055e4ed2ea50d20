// The API benchmark (issue #12): Bilateral's real server against a naive graphql-js server and a
// single-statement floor, on the same synthetic database, checked to return the same data first.
// Run: npx -y pnpm@10 bench        (1k and 100k events; BENCH_SIZES=1000,100000,1000000 adds 1M)
// BENCH_BACKEND=sqlite (default) | postgres | both: postgres runs postgres-bench.ts instead (ours on
// PostgreSQL against PostGraphile on the same database and ours on SQLite); both runs one, then the other.
// After the page tables it runs fixed-cost.ts at each size: ours against cached graphql-js, bare Yoga and
// a fixed-JSON node:http server on the point lookup and `{ __typename }` (BENCH_FIXED_COST=0 skips it).
// Settings (environment): see SETTINGS below and docs/performance.md. Timings are printed, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { runFixedCost } from './fixed-cost.ts';
import type { LoadResult } from './load.ts';
import { postgresSettings, runPostgresBench } from './postgres-bench.ts';
import { benchQueries } from './queries.ts';
import { type MachineInfo, renderDocument, type SizeResult, sizeNotes, sizeTable, targetsTable } from './report.ts';
import { checkSameData } from './same-data.ts';
import {
  memoryOf,
  prepareBundledServers,
  type RunningServer,
  SERVER_NAMES,
  type ServerName,
  startServer,
  stopServer,
} from './servers.ts';
import { countStatements } from './statements.ts';
import {
  benchSettings,
  LOAD_CPU,
  measure,
  measuredCommit,
  median,
  medianResult,
  overHttp,
  pinned,
  SERVER_CPU,
} from './timing.ts';

const SETTINGS = {
  ...benchSettings({ sizes: '1000,100000', port: 4200 }),
  output: process.env.BENCH_OUTPUT ?? join(import.meta.dirname, '../../../docs/performance.md'),
};
const BACKEND = process.env.BENCH_BACKEND ?? 'sqlite';
if (!['sqlite', 'postgres', 'both'].includes(BACKEND))
  throw new Error('BENCH_BACKEND must be sqlite, postgres or both');
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-bench-'));
const measureSettings = (seconds: number) => ({ seconds, connections: SETTINGS.connections, scratchDir });

let bundlesPrepared = false;

async function benchSize(events: number): Promise<SizeResult> {
  console.log(`\n== ${events.toLocaleString('en-US')} events ==`);
  const generationStarted = performance.now();
  const database = syntheticDatabase({ events, seed: SETTINGS.seed });
  const generationSeconds = database.generated ? (performance.now() - generationStarted) / 1000 : null;
  console.log(
    `database ${database.path}${generationSeconds === null ? ' (cached)' : ` generated in ${generationSeconds.toFixed(1)} s`}`,
  );
  const store = openStore(database.path);
  const queries = benchQueries(store.$client, { depths: SETTINGS.depths });
  closeStore(store);

  const probe = JSON.stringify(queries[0]!.request);
  if (!bundlesPrepared) {
    await prepareBundledServers({
      databasePath: database.path,
      port: SETTINGS.port,
      probe,
      logFile: join(scratchDir, 'prepare.log'),
    });
    bundlesPrepared = true;
  }
  const servers = {} as Record<ServerName, RunningServer>;
  try {
    for (const [index, name] of SERVER_NAMES.entries()) {
      servers[name] = await startServer({
        name,
        databasePath: database.path,
        port: SETTINGS.port + index,
        cpu: SERVER_CPU,
        logFile: join(scratchDir, `${name}-${events}.log`),
        probe,
      });
      console.log(`${name} answered ${servers[name].startupMs.toFixed(0)} ms after spawn`);
    }
    const { mismatches, bytes } = await checkSameData(
      queries,
      Object.fromEntries(SERVER_NAMES.map((name) => [name, overHttp(servers[name].url)])),
    );
    if (mismatches.length) {
      for (const mismatch of mismatches)
        console.error(`MISMATCH ${mismatch.query} (${mismatch.server}): ${mismatch.detail}`);
      throw new Error('the servers do not return the same data; nothing was timed');
    }
    console.log(`same data from all three servers for ${queries.length} queries`);
    const statements = await countStatements(
      database.path,
      queries.filter((query) => !query.oneAtATime),
    );

    let rss = 0;
    const sampler = setInterval(() => {
      rss = Math.max(rss, memoryOf(servers.ours.process.pid!).rssMiB);
    }, 100);
    const samples = new Map<string, Record<ServerName, LoadResult[]>>();
    try {
      for (const query of queries)
        for (const name of SERVER_NAMES) await measure(servers[name], query, measureSettings(SETTINGS.warmupSeconds));
      for (let round = 0; round < SETTINGS.rounds; round++) {
        for (const [index, query] of queries.entries()) {
          // Rotate which server goes first, so none always runs right after another's load.
          const order = SERVER_NAMES.map((_, offset) => SERVER_NAMES[(round + index + offset) % SERVER_NAMES.length]!);
          const row = samples.get(query.name) ?? { ours: [], naive: [], floor: [] };
          for (const name of order)
            row[name].push(await measure(servers[name], query, measureSettings(SETTINGS.seconds)));
          samples.set(query.name, row);
          const line = SERVER_NAMES.map((name) => `${name} ${row[name].at(-1)!.requestsPerSecond.toFixed(1)}/s`);
          console.log(`round ${round + 1} ${query.name}: ${line.join(', ')}`);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const load = new Map(
      [...samples].map(([name, row]) => [
        name,
        Object.fromEntries(SERVER_NAMES.map((server) => [server, medianResult(row[server])])) as Record<
          ServerName,
          LoadResult
        >,
      ]),
    );
    // Ratios are taken within each round (the three runs of a query are seconds apart), then the median:
    // steadier than a ratio of medians when other work on the machine comes and goes.
    const ratios = new Map(
      [...samples].map(([name, row]) => {
        const against = (baseline: ServerName) =>
          median(row.ours.map((result, index) => result.requestsPerSecond / row[baseline][index]!.requestsPerSecond));
        return [name, { naive: against('naive'), floor: against('floor') }];
      }),
    );
    return {
      events,
      queries,
      load,
      ratios,
      bytes,
      statements,
      startupMs: Object.fromEntries(SERVER_NAMES.map((name) => [name, servers[name].startupMs])) as Record<
        ServerName,
        number
      >,
      oursRssMiB: rss,
      oursPeakRssMiB: memoryOf(servers.ours.process.pid!).peakMiB,
      generationSeconds,
    };
  } finally {
    for (const server of Object.values(servers)) await stopServer(server);
  }
}

function machine(): MachineInfo {
  const store = openStore(':memory:');
  const sqlite = store.$client.prepare('select sqlite_version()').pluck().get() as string;
  closeStore(store);
  return {
    commit: measuredCommit(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    sqlite,
    pinned,
    loadAverage: loadavg()[0]!,
  };
}

async function benchSqlite() {
  const info = machine();
  console.log(
    `Bilateral API benchmark at ${info.commit}: ${info.cores} cores (${info.cpu}), Node ${info.node}, SQLite ${info.sqlite}; load average ${info.loadAverage.toFixed(2)}`,
  );
  const results: SizeResult[] = [];
  for (const events of SETTINGS.sizes) {
    const result = await benchSize(events);
    results.push(result);
    console.log(`\n${sizeTable(result, SETTINGS.connections)}\n${sizeNotes(result)}`);
  }
  console.log(`\n${targetsTable(results)}`);
  if (SETTINGS.output !== '-') {
    writeFileSync(
      SETTINGS.output,
      renderDocument({
        info,
        settings: SETTINGS,
        results,
        loadAverageAfter: loadavg()[0]!,
        previous: existsSync(SETTINGS.output) ? readFileSync(SETTINGS.output, 'utf8') : '',
      }),
    );
    console.log(`\nwritten to ${SETTINGS.output}`);
  }
  if (process.env.BENCH_FIXED_COST === '0') return;
  // Its five servers take ports past the three above; its table is printed for docs/performance.md's
  // "Fixed cost of small requests", which the page rewrite keeps as it is.
  for (const events of SETTINGS.sizes) await runFixedCost({ ...SETTINGS, events, port: SETTINGS.port + 10 });
}

if (pinned) execFileSync('taskset', ['-cp', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
if (BACKEND !== 'postgres') await benchSqlite();
if (BACKEND !== 'sqlite') await runPostgresBench({ ...SETTINGS, ...postgresSettings() });

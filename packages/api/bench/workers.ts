// The WORKERS benchmark (issue #12: "2 workers give ≥ 1.7× one worker's throughput on the page query").
// Run: npx -y pnpm@10 --filter @bilateral/api bench:workers     (100k events, under 3 minutes)
// Our real server, started as the API benchmark starts it, with WORKERS=1 and WORKERS=2 on the same
// synthetic database, loaded by wrk with the API benchmark's "page20 @50%" request in interleaved rounds.
// With two cores the load generator always shares a core with the servers, so each run also reports
// where the machine's CPU time went (servers, wrk, everything else) from /proc. Timings are printed,
// never asserted; the method and the last figures are in docs/operating.md.
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDatabase } from '@bilateral/store/synthetic';
import { closeStore, openStore } from '@bilateral/store/testing';
import { twoCoreScaling } from './cpu-scaling.ts';
import { type LoadResult, runWrk } from './load.ts';
import { childPidsOf, connectionsOf, cpuMsOf, machineCpuMs } from './proc.ts';
import { benchQueries } from './queries.ts';
import { ms, round, times } from './report.ts';
import { prepareBundledServers, type RunningServer, startServer, stopServer } from './servers.ts';
import { benchSettings, measuredCommit, median, pinned } from './timing.ts';

// One size, WORKERS_EVENTS, so `sizes` (BENCH_SIZES) is not read.
const SETTINGS = {
  ...benchSettings({ sizes: '', port: 4230, seconds: 4, warmupSeconds: 5, rounds: 6 }),
  events: Number(process.env.WORKERS_EVENTS ?? 100_000),
};
const QUERY_DEPTH = 0.5;
const TARGET = 1.7;
/** How long each process of the two-core baseline works, each round. */
const CORE_SCALING_MS = 1_500;
const WORKER_COUNTS = [1, 2] as const;
type WorkerCount = (typeof WORKER_COUNTS)[number];
const cores = cpus().length;
const scratchDir = mkdtempSync(join(tmpdir(), 'bilateral-workers-bench-'));

const database = syntheticDatabase({ events: SETTINGS.events, seed: SETTINGS.seed });
const store = openStore(database.path);
const query = benchQueries(store.$client, { depths: [QUERY_DEPTH] }).find((candidate) =>
  candidate.name.startsWith('page20 @'),
)!;
closeStore(store);
/** The request every run sends. */
const body = JSON.stringify(query.request);

/** How the servers and wrk are placed on the cores; `cpu` is as `servers.ts` takes it (null: unpinned). */
interface Layout {
  key: string;
  title: string;
  serverCpu: Record<WorkerCount, number | string | null>;
  loadCpu: number | null;
}

const LAYOUTS: Layout[] = [
  {
    key: 'a',
    title: '(a) nothing pinned: Linux schedules the servers and wrk over both cores',
    serverCpu: { 1: null, 2: null },
    loadCpu: null,
  },
  {
    key: 'b',
    title: '(b) wrk on core 1; one worker on core 0; two workers on cores 0-1 (one of them shares core 1 with wrk)',
    serverCpu: { 1: 0, 2: '0-1' },
    loadCpu: 1,
  },
];

interface Run {
  load: LoadResult;
  /** CPU time during the run of the process that serves (WORKERS=1) or of the cluster's primary. */
  mainCpuMs: number;
  /** CPU time during the run of each worker (WORKERS=2); empty for one process. */
  workerCpuMs: number[];
  /** Connections each worker held halfway through the run. */
  workerConnections: number[];
  /** CPU time all cores spent busy during the run, and their whole time (wall time × cores). */
  machineBusyMs: number;
  machineTotalMs: number;
}

const serverCpuMs = (run: Run) => run.mainCpuMs + run.workerCpuMs.reduce((sum, cpu) => sum + cpu, 0);
const wrkCpuMs = (run: Run) => run.load.loadGeneratorCpuMs ?? Number.NaN;
const perRequest = (cpuMs: number, run: Run) => cpuMs / run.load.requests;
const shareOfMachine = (cpuMs: number, run: Run) => cpuMs / run.machineTotalMs;
const percent = (fraction: number) => (Number.isFinite(fraction) ? `${round(Math.max(0, fraction) * 100)}%` : '—');

/** One wrk run against `server`, with the CPU time of its processes and of the machine over it. */
async function timedRun(server: RunningServer, workers: WorkerCount, layout: Layout, seconds: number): Promise<Run> {
  const mainPid = server.process.pid!;
  const workerPids = workers === 1 ? [] : childPidsOf(mainPid);
  if (workerPids.length !== (workers === 1 ? 0 : workers))
    throw new Error(`expected ${workers} workers under process ${mainPid}, found ${workerPids.length}`);
  const cpuOfAll = () => [mainPid, ...workerPids].map(cpuMsOf);
  const before = { processes: cpuOfAll(), machine: machineCpuMs() };
  let workerConnections: number[] = [];
  const port = Number(new URL(server.url).port);
  const halfway = setTimeout(() => {
    workerConnections = workerPids.map((pid) => connectionsOf(pid, port));
  }, seconds * 500);
  const load = await runWrk({
    url: server.url,
    body,
    seconds,
    connections: SETTINGS.connections,
    cpu: layout.loadCpu,
    scratchDir,
  });
  clearTimeout(halfway);
  const after = { processes: cpuOfAll(), machine: machineCpuMs() };
  const used = after.processes.map((cpu, index) => cpu - before.processes[index]!);
  if (load.errors) console.error(`WORKERS=${workers}: ${load.errors} errors or timeouts`);
  return {
    load,
    mainCpuMs: used[0]!,
    workerCpuMs: used.slice(1),
    workerConnections,
    machineBusyMs: after.machine.busyMs - before.machine.busyMs,
    machineTotalMs: after.machine.totalMs - before.machine.totalMs,
  };
}

/** Before timing: the page query answers a full page without errors from this server. */
async function checkAnswer(server: RunningServer): Promise<void> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { data?: { events?: { edges?: unknown[] } }; errors?: unknown };
  if (!response.ok || answer.errors || answer.data?.events?.edges?.length !== 20)
    throw new Error(`the page query did not answer 20 events: ${JSON.stringify(answer).slice(0, 500)}`);
}

const workerSplit = (run: Run) => {
  const total = run.workerCpuMs.reduce((sum, cpu) => sum + cpu, 0);
  return run.workerCpuMs.map((cpu) => cpu / total);
};

async function benchLayout(layout: Layout, databasePath: string) {
  console.log(`\n== layout ${layout.title} ==`);
  const servers = new Map<WorkerCount, RunningServer>();
  const runs: Record<WorkerCount, Run[]> = { 1: [], 2: [] };
  const coreScaling: number[] = [];
  try {
    for (const [index, workers] of WORKER_COUNTS.entries()) {
      const server = await startServer({
        name: 'ours',
        workers,
        databasePath,
        port: SETTINGS.port + index,
        cpu: layout.serverCpu[workers],
        logFile: join(scratchDir, `layout-${layout.key}-workers-${workers}.log`),
        probe: body,
      });
      servers.set(workers, server);
      await checkAnswer(server);
      console.log(`WORKERS=${workers}: answered ${round(server.startupMs)} ms after spawn; every worker listens`);
    }
    for (const workers of WORKER_COUNTS) await timedRun(servers.get(workers)!, workers, layout, SETTINGS.warmupSeconds);
    for (let index = 0; index < SETTINGS.rounds; index++) {
      for (const workers of WORKER_COUNTS)
        runs[workers].push(await timedRun(servers.get(workers)!, workers, layout, SETTINGS.seconds));
      if (pinned) coreScaling.push(await twoCoreScaling(CORE_SCALING_MS));
      const [one, two] = [runs[1].at(-1)!, runs[2].at(-1)!];
      const split = workerSplit(two);
      console.log(
        `round ${index + 1}: 1 worker ${round(one.load.requestsPerSecond, 1)}/s, 2 workers ${round(two.load.requestsPerSecond, 1)}/s` +
          ` (connections ${two.workerConnections.join(' / ')}, ${split.map(percent).join(' / ')} of the workers' CPU), ratio ${times(two.load.requestsPerSecond / one.load.requestsPerSecond)}` +
          `; server CPU ms/request ${[one, two].map((run) => round(perRequest(serverCpuMs(run), run), 2)).join(' / ')}` +
          `, other work ${[one, two].map((run) => percent(shareOfMachine(others(run), run))).join(' / ')}` +
          (pinned ? `; two cores did ${times(coreScaling.at(-1)!)} one core's CPU-bound work` : ''),
      );
      if (two.workerConnections.length !== 2 || Math.min(...two.workerConnections) === 0)
        console.error('WARNING: a worker held no connection halfway through the run: this round measured one worker');
    }
  } finally {
    for (const server of servers.values()) await stopServer(server);
  }
  return { layout, runs, coreScaling };
}

const others = (run: Run) => run.machineBusyMs - serverCpuMs(run) - wrkCpuMs(run);
const cpuPerRequest = (value: number) => round(value, 3);

/** The table's columns: a heading, one run's figure and its format; each cell is the median over the rounds. */
const COLUMNS: { heading: string; figure: (run: Run) => number; format: (value: number) => string }[] = [
  { heading: 'req/s', figure: (run) => run.load.requestsPerSecond, format: (value) => round(value, 1) },
  { heading: 'p50 ms', figure: (run) => run.load.p50Ms, format: ms },
  { heading: 'p99 ms', figure: (run) => run.load.p99Ms, format: ms },
  { heading: 'server CPU ms/request', figure: (run) => perRequest(serverCpuMs(run), run), format: cpuPerRequest },
  {
    heading: 'of it, the primary',
    figure: (run) => (run.workerCpuMs.length ? perRequest(run.mainCpuMs, run) : Number.NaN),
    format: cpuPerRequest,
  },
  { heading: 'wrk CPU ms/request', figure: (run) => perRequest(wrkCpuMs(run), run), format: cpuPerRequest },
  { heading: 'share of both cores: servers', figure: (run) => shareOfMachine(serverCpuMs(run), run), format: percent },
  { heading: 'wrk', figure: (run) => shareOfMachine(wrkCpuMs(run), run), format: percent },
  { heading: 'other work', figure: (run) => shareOfMachine(others(run), run), format: percent },
  {
    heading: "busiest worker's share of the workers' CPU",
    figure: (run) => (run.workerCpuMs.length ? Math.max(...workerSplit(run)) : Number.NaN),
    format: percent,
  },
  {
    // What the servers would answer if they and wrk had both cores to themselves, at this run's CPU per request.
    heading: '2-core ceiling req/s',
    figure: (run) => (cores * 1000) / perRequest(serverCpuMs(run) + wrkCpuMs(run), run),
    format: (value) => round(value),
  },
];

function layoutTable({ runs }: Awaited<ReturnType<typeof benchLayout>>): string {
  const lines = [
    `| workers | ${COLUMNS.map((column) => column.heading).join(' | ')} |`,
    `| --- |${' --- |'.repeat(COLUMNS.length)}`,
  ];
  for (const workers of WORKER_COUNTS) {
    const cells = COLUMNS.map((column) => column.format(median(runs[workers].map(column.figure))));
    lines.push(`| ${workers} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** A round in which other work took less than this share of both cores, in each of its two runs, is "quiet". */
const QUIET_SHARE = 0.1;

function ratioLines({ runs, coreScaling }: Awaited<ReturnType<typeof benchLayout>>): string {
  const ratios = runs[2].map((run, index) => run.load.requestsPerSecond / runs[1][index]!.load.requestsPerSecond);
  const quiet = ratios.filter((_, index) =>
    WORKER_COUNTS.every(
      (workers) => shareOfMachine(others(runs[workers][index]!), runs[workers][index]!) < QUIET_SHARE,
    ),
  );
  const verdict = (ratio: number) => `target ≥ ${TARGET}×: ${ratio >= TARGET ? 'met' : 'not met'}`;
  return [
    `2 workers ÷ 1 worker, per round: ${ratios.map(times).join(', ')}; median ${times(median(ratios))} (${verdict(median(ratios))})`,
    `  in the ${quiet.length} of ${ratios.length} rounds where other work took under ${percent(QUIET_SHARE)} of both cores: ${quiet.length ? `${quiet.map(times).join(', ')}; median ${times(median(quiet))} (${verdict(median(quiet))})` : 'none'}`,
    ...(coreScaling.length
      ? [
          `two cores ÷ one core on CPU-bound work without a server (cpu-scaling.ts), per round: ${coreScaling.map(times).join(', ')}; median ${times(median(coreScaling))}`,
        ]
      : []),
  ].join('\n');
}

const commit = measuredCommit();
const loads = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
console.log(
  `Bilateral WORKERS benchmark at ${commit}, ${new Date().toISOString()}: ${cores} cores (${cpus()[0]?.model}), Node ${process.version}; load average ${loads()}`,
);
console.log(`database ${database.path}; query ${query.name}, ${SETTINGS.connections} keep-alive connections`);
console.log(
  `WORKERS_EVENTS=${SETTINGS.events} BENCH_DURATION=${SETTINGS.seconds} BENCH_ROUNDS=${SETTINGS.rounds} BENCH_WARMUP=${SETTINGS.warmupSeconds} BENCH_CONNECTIONS=${SETTINGS.connections} BENCH_SEED=${SETTINGS.seed} BENCH_PORT=${SETTINGS.port}`,
);

await prepareBundledServers({
  databasePath: database.path,
  port: SETTINGS.port,
  probe: body,
  logFile: join(scratchDir, 'prepare.log'),
  names: ['ours'],
});
const layouts = pinned ? LAYOUTS : LAYOUTS.filter((layout) => layout.loadCpu === null);
const results = [];
for (const layout of layouts) results.push(await benchLayout(layout, database.path));

console.log(`\nload average after: ${loads()}; ${round(performance.now() / 1000)} s in all`);
for (const result of results)
  console.log(`\n${result.layout.title}\n\n${layoutTable(result)}\n\n${ratioLines(result)}`);

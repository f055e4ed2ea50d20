/**
 * How the benchmarks time one query on one server: the cores they pin to, a wrk run that is
 * lengthened until enough requests complete, and the median over interleaved rounds. Shared by the
 * API benchmark and the PostGraphile comparison, so both measure the same way.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { type LoadOptions, type LoadResult, runOneAtATime, runWrk } from './load.ts';
import type { BenchQuery } from './queries.ts';
import type { Answer } from './same-data.ts';

/** The commit a run measures, marked when tracked files differ from it, for the printed reports. */
export function measuredCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
  return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes' : ''}`;
}

/** On two or more cores the servers run on core 0 and the load generator (and the benchmark) on core 1. */
export const pinned = availableParallelism() >= 2;
export const SERVER_CPU = pinned ? 0 : null;
export const LOAD_CPU = pinned ? 1 : null;

const numbers = (text: string) => text.split(',').map(Number);

/** The settings every timed benchmark reads from the environment (docs/performance.md lists them). */
export function benchSettings(defaults: {
  sizes: string;
  port: number;
  seconds?: number;
  warmupSeconds?: number;
  rounds?: number;
}) {
  return {
    sizes: numbers(process.env.BENCH_SIZES ?? defaults.sizes),
    seconds: Number(process.env.BENCH_DURATION ?? defaults.seconds ?? 2),
    warmupSeconds: Number(process.env.BENCH_WARMUP ?? defaults.warmupSeconds ?? 1),
    rounds: Number(process.env.BENCH_ROUNDS ?? defaults.rounds ?? 2),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
    depths: numbers(process.env.BENCH_DEPTHS ?? '0,0.5,0.9'),
    seed: Number(process.env.BENCH_SEED ?? 1),
    port: Number(process.env.BENCH_PORT ?? defaults.port),
  };
}

export const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The median of each figure over rounds, with requests and errors summed. */
export const medianResult = (results: LoadResult[]): LoadResult => ({
  requests: results.reduce((sum, result) => sum + result.requests, 0),
  requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
  p50Ms: median(results.map((result) => result.p50Ms)),
  p99Ms: median(results.map((result) => result.p99Ms)),
  errors: results.reduce((sum, result) => sum + result.errors, 0),
});

/** Sends a benchmark query's request as it is and returns the response text. */
export function overHttp(url: string): Answer {
  return async (query) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(query.request),
    });
    return response.text();
  };
}

export interface MeasureSettings {
  seconds: number;
  connections: number;
  scratchDir: string;
}

/** One timed run of `query` against the server at `url`, with the load generator on LOAD_CPU. */
export async function measure(
  server: { name: string; url: string },
  query: BenchQuery,
  { seconds, connections, scratchDir }: MeasureSettings,
): Promise<LoadResult> {
  const options: LoadOptions = {
    url: server.url,
    body: JSON.stringify(query.request),
    seconds,
    connections,
    cpu: LOAD_CPU,
    scratchDir,
  };
  let result: LoadResult;
  if (query.oneAtATime) result = await runOneAtATime(options);
  else {
    // wrk drops the requests still running when its time is up: on a slow query a short run can
    // complete almost none, so run longer until at least one per connection completes.
    result = await runWrk(options);
    while (result.requests < connections && options.seconds < 32) {
      options.seconds *= 2;
      result = await runWrk(options);
    }
  }
  // An error or a timeout under load is a result, not a reason to stop: it is counted and shown in the table.
  if (result.errors) console.error(`${server.name}: ${result.errors} errors or timeouts on ${query.name}`);
  return result;
}

/**
 * Load generation. Throughput runs use wrk (Debian's `wrk`, pinned to its own core) with a fixed
 * number of connections; queries that take a large part of a second are sent one at a time from
 * this process instead, for a minimum duration and at least one request, since wrk discards the
 * requests still in flight when its duration ends.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cpuMsOfStat } from './proc.ts';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, socket errors and timeouts (60 s). */
  errors: number;
  /** CPU time (user and system) wrk itself used, in ms (to 10 ms): the load generator's share of the machine. */
  loadGeneratorCpuMs?: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  seconds: number;
  connections: number;
  /** CPU the load generator runs on (taskset), or null to leave it unpinned. */
  cpu: number | null;
  scratchDir: string;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function durationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!match) throw new Error(`wrk printed a duration we cannot read: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

// wrk calls done() once its threads have finished, so its /proc/self/stat then holds all the CPU time it used.
const REPORT_CPU = `function done()\n  local stat = io.open("/proc/self/stat")\n  print("wrk stat: " .. stat:read("*l"))\n  stat:close()\nend\n`;

/** Async, so the caller can sample the server's memory while wrk runs. */
export async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const script = join(options.scratchDir, 'request.lua');
  writeFileSync(
    script,
    `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[${options.body}]==]\n${REPORT_CPU}`,
  );
  const wrk = [
    'wrk',
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '60s',
    '--latency',
    '-s',
    script,
    options.url,
  ];
  const command = options.cpu === null ? wrk : ['taskset', '-c', String(options.cpu), ...wrk];
  const { stdout: output } = await promisify(execFile)(command[0]!, command.slice(1), { encoding: 'utf8' });
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
    return match ? durationMs(match[1]!) : Number.NaN;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const stat = /^wrk stat: (.*)$/m.exec(output)?.[1];
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests,
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50Ms: percentile('50'),
    p99Ms: percentile('99'),
    errors:
      Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0) +
      (socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0),
    ...(stat && { loadGeneratorCpuMs: cpuMsOfStat(stat) }),
  };
}

/** Requests one after another until `seconds` have passed (at least one request, however long it takes). */
export async function runOneAtATime(options: LoadOptions, minimum = 1): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  while (performance.now() - started < options.seconds * 1000 || latencies.length < minimum) {
    const sent = performance.now();
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: options.body,
    });
    await response.arrayBuffer();
    if (!response.ok) errors++;
    latencies.push(performance.now() - sent);
  }
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.toSorted((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: at(50),
    p99Ms: at(99),
    errors,
  };
}

/**
 * The three servers under test, each its own process pinned to the server core: Bilateral's real
 * server (src/server.ts, seeds not loaded so the database stays exactly as generated) and the two
 * baselines. Each is started as it is shipped: ours as `npx -y pnpm@10 start` starts it
 * (its Node flags and scripts/start.mjs: the bundle, with its code cache), the baselines bundled and started the same way
 * (scripts/run-bundle.mjs). Start-up is timed to the first answered query; memory is read from /proc.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startArguments } from '../src/testing/start-command.ts';
import { cpuMsOf } from './proc.ts';

export const SERVER_NAMES = ['ours', 'naive', 'floor'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

const apiDir = join(import.meta.dirname, '..');

export interface RunningServer {
  name: string;
  url: string;
  process: ChildProcess;
  /** From spawn to the first successful answer to `probe`. */
  startupMs: number;
  /** CPU time (user and system) the process had used by then, to 10 ms: less noisy than `startupMs` on a busy machine. */
  startupCpuMs: number;
}

/** `bundled` is the shipped start; `tsx` compiles the TypeScript sources on load, as every start did before. */
export type Launch = 'bundled' | 'tsx';

function command(name: ServerName, databasePath: string, port: number, launch: Launch): string[] {
  const baseline = [name, databasePath, String(port)];
  if (launch === 'tsx')
    return name === 'ours'
      ? ['node', '--import', 'tsx', 'src/server.ts']
      : ['node', '--import', 'tsx', 'bench/baselines/serve.ts', ...baseline];
  return name === 'ours' ? ['node', ...startArguments()] : ['node', 'scripts/run-bundle.mjs', 'baselines', ...baseline];
}

/**
 * Brings the bundles up to date (a start after an edit builds first, which is not what is timed), then
 * starts each server once for long enough to write its code cache (scripts/code-cache.mjs), as any
 * start after the first finds it.
 */
export async function prepareBundledServers(options: {
  databasePath: string;
  port: number;
  probe: string;
  logFile: string;
  /** The servers to start once; all three by default. */
  names?: readonly ServerName[];
}) {
  execFileSync('node', ['scripts/bundle.mjs'], { cwd: apiDir, stdio: 'inherit' });
  for (const name of options.names ?? SERVER_NAMES) {
    const server = await startServer({ ...options, name, cpu: null });
    await new Promise((resolve) => setTimeout(resolve, CODE_CACHE_WRITTEN_MS));
    await stopServer(server);
  }
}

/** Longer than code-cache.mjs waits before writing the cache. */
const CODE_CACHE_WRITTEN_MS = 3_000;

const running = new Set<ChildProcess>();
// Servers must not outlive the benchmark, however it ends.
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export interface ServerOptions {
  name: ServerName;
  databasePath: string;
  port: number;
  /** The core to pin to, or a list of them as taskset writes it (`0-1`); null leaves it unpinned. */
  cpu: number | string | null;
  logFile: string;
  probe: string;
  launch?: Launch;
  /** Load seeds/ as a plain `start` does; by default the database is served as it is (LOAD_SEEDS=0). */
  loadSeeds?: boolean;
  /** `WORKERS` for our server (unset: its default, one process). */
  workers?: number;
  /** More environment for the server (settings under test, such as METRICS). */
  env?: Record<string, string>;
}

/** Starts a server; with `workers`, returns once every worker listens, not only the first to answer. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { name, databasePath, port, logFile, workers } = options;
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const server = await startProcess({
    ...options,
    command: command(name, databasePath, port, options.launch ?? 'bundled'),
    cwd: apiDir,
    env: {
      DATABASE_PATH: databasePath,
      LOAD_SEEDS: options.loadSeeds ? '' : '0',
      ...(workers !== undefined && { WORKERS: String(workers) }),
      ...options.env,
    },
  });
  if (workers !== undefined && workers > 1) await workersListening(server, workers, logFile, logStart);
  return server;
}

/**
 * The cluster hands new connections only to workers that already listen, so a load generator that
 * connects while one is still starting puts every connection on the others. Each worker prints
 * "(worker i of n)" once it listens (server.ts).
 */
async function workersListening(server: RunningServer, workers: number, logFile: string, logStart: number) {
  const started = performance.now();
  const pattern = new RegExp(`\\(worker \\d+ of ${workers}\\)`, 'g');
  while ((readFileSync(logFile).subarray(logStart).toString().match(pattern)?.length ?? 0) < workers) {
    if (server.process.exitCode !== null) throw new Error(`${server.name} server exited; see ${logFile}`);
    if (performance.now() - started > 60_000)
      throw new Error(`${server.name}: not every worker listened within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Spawns any GraphQL server (`command`, pinned to `cpu`, with PORT and `env` added to this process's
 * environment) and waits until it answers `probe` at http://127.0.0.1:PORT/graphql.
 */
export async function startProcess(
  options: Omit<ServerOptions, 'databasePath' | 'name' | 'launch' | 'loadSeeds'> & {
    name: string;
    command: string[];
    cwd: string;
    env: Record<string, string>;
  },
): Promise<RunningServer> {
  const { name, port, cpu } = options;
  const pinned = cpu === null ? options.command : ['taskset', '-c', String(cpu), ...options.command];
  const log = openSync(options.logFile, 'a');
  const started = performance.now();
  const child = spawn(pinned[0]!, pinned.slice(1), {
    cwd: options.cwd,
    env: { ...process.env, PORT: String(port), ...options.env },
    stdio: ['ignore', log, log],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}/graphql`;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} server exited with ${child.exitCode}; see ${options.logFile}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: options.probe,
      });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error(`${name} server did not answer within 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = performance.now() - started;
  return { name, url, process: child, startupMs, startupCpuMs: cpuMsOf(child.pid!) };
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process now, and its peak so far, in MiB (Linux). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

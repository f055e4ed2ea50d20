/**
 * The three servers under test, each its own process pinned to the server core: Bilateral's real
 * server (src/server.ts, seeds not loaded so the database stays exactly as generated) and the two
 * baselines. Start-up is timed to the first answered query; memory is read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_NAMES = ['ours', 'naive', 'floor'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

const apiDir = join(import.meta.dirname, '..');

export interface RunningServer {
  name: string;
  url: string;
  process: ChildProcess;
  /** From spawn to the first successful answer to `probe`. */
  startupMs: number;
}

function command(name: ServerName, databasePath: string, port: number): string[] {
  return name === 'ours'
    ? ['node', '--import', 'tsx', 'src/server.ts']
    : ['node', '--import', 'tsx', 'bench/baselines/serve.ts', name, databasePath, String(port)];
}

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
  cpu: number | null;
  logFile: string;
  probe: string;
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const { name, databasePath, port } = options;
  return startProcess({
    ...options,
    command: command(name, databasePath, port),
    cwd: apiDir,
    env: { DATABASE_PATH: databasePath, LOAD_SEEDS: '0' },
  });
}

/**
 * Spawns any GraphQL server (`command`, pinned to `cpu`, with PORT and `env` added to this process's
 * environment) and waits until it answers `probe` at http://127.0.0.1:PORT/graphql.
 */
export async function startProcess(
  options: Omit<ServerOptions, 'databasePath' | 'name'> & {
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
  return { name, url, process: child, startupMs: performance.now() - started };
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

import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { join } from 'node:path';

// What `npx -y pnpm@10 start` runs: the server's bundle, rebuilt first if the sources changed.
const startScript = join(import.meta.dirname, '../../scripts/start.mjs');

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the GraphQL URL once the server listens; rejects with its output if it exits first. */
  listening: Promise<string>;
  /** Resolves with the exit code and everything the process printed (stdout and stderr together). */
  exited: Promise<{ code: number | null; output: string }>;
  output(): string;
}

/**
 * Starts the server as `npx -y pnpm@10 start` does, on a free port, with `env` added to this process's
 * environment (a variable given as undefined is left out), run through `launcher` when given (such as
 * `['unshare', '-rn']`: the server in a network namespace of its own).
 */
export function startServer(
  env: Record<string, string | undefined>,
  options: Pick<SpawnOptions, 'uid' | 'gid'> & { listeners?: number; launcher?: string[] } = {},
): ServerProcess {
  const { listeners = 1, launcher = [], ...spawnOptions } = options;
  const merged = { ...process.env, HOST: '', CORS_ORIGINS: '', PORT: '0', ...env };
  const [command = process.execPath, ...launcherArguments] = launcher;
  const child = spawn(command, [...launcherArguments, ...(launcher.length ? [process.execPath] : []), startScript], {
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...spawnOptions,
  });
  let output = '';
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
  const listening = new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const urls = [...output.matchAll(/GraphiQL at (http:\/\/[\w.]+:\d+\/graphql)/g)];
      // The CORS line follows each URL; waiting for it gives callers the whole start-up output.
      const corsLines = output.match(/^CORS:/gm)?.length ?? 0;
      if (urls.length >= listeners && corsLines >= listeners) resolve(urls[0]![1]!);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    exited.then(({ code }) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  listening.catch(() => {});
  return { child, listening, exited, output: () => output };
}

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

/** Starts the server as `npx -y pnpm@10 start` does, on a free port, with `env` added to this process's environment. */
export function startServer(
  env: Record<string, string>,
  options: Pick<SpawnOptions, 'uid' | 'gid'> & { listeners?: number } = {},
): ServerProcess {
  const { listeners = 1, ...spawnOptions } = options;
  const child = spawn(process.execPath, [startScript], {
    env: { ...process.env, HOST: '', CORS_ORIGINS: '', PORT: '0', ...env },
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

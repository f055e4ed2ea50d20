import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const tsxLoader = join(import.meta.dirname, '../../../../node_modules/tsx/dist/loader.mjs');
const serverScript = join(import.meta.dirname, '../server.ts');

export interface ServerProcess {
  /** The GraphQL endpoint the server printed, on the free port it bound. */
  url: string;
  /** What it printed up to then (the seed report). */
  output: string;
  process: ChildProcess;
}

/**
 * Starts `server.ts` as `npx -y pnpm@10 start` does, on a free port (PORT=0) with the database at
 * `databasePath` and any further environment variables in `env`; resolves once it listens. The caller
 * kills `process` when done.
 */
export function startServerProcess(databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', tsxLoader, serverScript], {
    env: { ...process.env, PORT: '0', DATABASE_PATH: databasePath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphiQL at (http:\/\/localhost:\d+\/graphql)/.exec(output)?.[1];
      if (url) resolve({ url, output, process: child });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

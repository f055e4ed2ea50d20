import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tsxLoader = join(import.meta.dirname, '../../../../node_modules/tsx/dist/loader.mjs');
const serverScript = join(import.meta.dirname, '../server.ts');

export interface ServerProcess {
  /** The GraphQL endpoint, such as `http://localhost:43123/graphql`. */
  url: string;
  /** What the server printed until it listened. */
  output: string;
  /** Stops the server and deletes its database. */
  stop(): void;
}

/**
 * Starts `server.ts` as `npx -y pnpm@10 start` does, on a free port (PORT=0) and a fresh database in a
 * temporary directory, and resolves once it listens.
 */
export function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-server-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', tsxLoader, serverScript], {
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'bilateral.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphiQL at (http:\/\/localhost:\d+\/graphql)/.exec(output)?.[1];
      if (url) resolve({ url, output, stop });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/**
 * The command `npx -y pnpm@10 start` runs the server with: this package's `start` script, read from
 * package.json so that the benchmarks and tests start the server with exactly its Node flags.
 *
 * The script gives V8 `--max-semi-space-size=64` (MiB; Node 20's default is 16). A page of 100
 * events allocates a few MB per request, and with ten requests in flight a 16 MiB young generation
 * fills while most of them are still alive: each scavenge copied them and promoted many to the old
 * generation, and garbage collection took about a quarter of the server's CPU. With 64 MiB most die
 * before the next scavenge: the page query's CPU per request fell by about a quarter on PostgreSQL,
 * and the peak RSS did not grow (docs/performance.md). The flag has to be on Node's command line:
 * V8 sizes the young generation when the process starts. WORKERS' processes inherit it (cluster
 * forks with the primary's `execArgv`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const apiDir = join(import.meta.dirname, '../..');

/** `start`'s arguments to `node`, with the script's path relative to packages/api. */
export function startArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(apiDir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = scripts.start!.split(/\s+/);
  if (program !== 'node') throw new Error(`packages/api's start script should run node, not "${program}"`);
  return args;
}

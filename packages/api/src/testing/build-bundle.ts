// vitest's global setup: brings the server's bundle, its scan thread's (and the explorer it serves) up to date once, before the test files that start
// the server (server-process.ts runs what `npx -y pnpm@10 start` runs) would each build it at once.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildServerBundle(): void {
  execFileSync(
    process.execPath,
    [join(import.meta.dirname, '../../scripts/bundle.mjs'), 'server', 'explorer', 'scanWorker'],
    {
      stdio: 'inherit',
    },
  );
}

// Bilateral against PostGraphile on the same PostgreSQL database (issues #12 and #21), with our server
// on the SQLite file it was copied from as the baseline: see ../postgres-bench.ts.
// Run: npx -y pnpm@10 --filter @bilateral/api bench:postgraphile   (needs PostgreSQL, wrk, taskset)
// The same as `BENCH_BACKEND=postgres npx -y pnpm@10 bench`, with 100k events by default.
// PostGraphile is installed with npm into BENCH_POSTGRAPHILE_DIR on first use, never into the workspace.
import { execFileSync } from 'node:child_process';
import { postgresSettings, runPostgresBench } from '../postgres-bench.ts';
import { benchSettings, LOAD_CPU, pinned } from '../timing.ts';

if (pinned) execFileSync('taskset', ['-cp', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
await runPostgresBench({ ...benchSettings({ sizes: '100000', port: 4210 }), ...postgresSettings() });

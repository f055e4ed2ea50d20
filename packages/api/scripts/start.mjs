// @ts-check
// `npx -y pnpm@10 start`: serves src/server.ts from its bundle (bundle.mjs), built first when the
// sources changed since the last build, and compiled with a code cache (code-cache.mjs); the explorer's
// files, which the server serves at /explore, are brought up to date the same way. A cluster
// worker (WORKERS) runs this file again; its primary has checked the bundle already.
import cluster from 'node:cluster';
import { BUNDLES, currentBundle } from './bundle.mjs';
import { runWithCodeCache } from './code-cache.mjs';

if (cluster.isPrimary) await currentBundle(BUNDLES.explorer);
// The scan thread's bundle is brought up to date with the server's; it runs without a code cache.
if (cluster.isPrimary) await currentBundle(BUNDLES.scanWorker);
runWithCodeCache(cluster.isPrimary ? await currentBundle(BUNDLES.server) : BUNDLES.server.outfile);

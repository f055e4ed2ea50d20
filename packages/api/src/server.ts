// Starts Bilateral: opens (creating and migrating) the SQLite database, loads seeds/, and
// serves GraphQL with GraphiQL at http://localhost:$PORT/graphql. With WORKERS=n (n > 1) the
// primary does the migration and seed loading once, then forks n workers that serve (cluster.ts).
import cluster from 'node:cluster';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import {
  closeStore,
  defaultSeedsDir,
  loadSeeds,
  openStore,
  resolveDatabasePath,
  SeedValidationError,
} from '@bilateral/store';
import { createChangeBus } from './changes.ts';
import { relayChanges, workerCount, workerRelay } from './cluster.ts';
import { createBilateralYoga } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const databasePath = resolveDatabasePath();
const workers = workerCount();

/** Migrates and loads the seeds; exits on seeds that do not validate. */
function prepareDatabase() {
  mkdirSync(dirname(databasePath), { recursive: true });
  const store = openStore(databasePath);
  try {
    const report = loadSeeds(store, defaultSeedsDir());
    if (report.skipped) console.log(`database ${databasePath}: seeds unchanged since the last load, not reread`);
    else
      console.log(
        `database ${databasePath}: seeds loaded (${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed, ${report.kept} kept, ${report.mergedAway} merged away)`,
      );
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(error.message);
      closeStore(store);
      process.exit(1);
    }
    // The load ran in one transaction, so the database is as it was: serve it rather than go down.
    console.error(
      `seeds/ could not be written into ${databasePath}, so the database was left exactly as it was and is served as it is.\n` +
        `The seed files probably conflict with edits made through the API: run \`npx -y pnpm@10 bilateral export-seeds\`, review the diff, and restart.\n` +
        `Cause: ${(error as Error).message}`,
    );
  }
  return store;
}

function serve(store: ReturnType<typeof openStore>) {
  const changes = cluster.isWorker ? createChangeBus(workerRelay()) : createChangeBus();
  const yoga = createBilateralYoga({ store, changes });
  const server = createServer(yoga);
  // PORT=0 picks a free port; print the one actually bound so scripts and tests can find it.
  server.listen(port, () =>
    console.log(
      `Bilateral GraphQL API and GraphiQL at http://localhost:${(server.address() as AddressInfo).port}${yoga.graphqlEndpoint}` +
        (cluster.isWorker ? ` (worker ${cluster.worker!.id} of ${workers})` : ''),
    ),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => {
        closeStore(store);
        process.exit(0);
      });
    });
  }
}

if (workers === 1) {
  serve(prepareDatabase());
} else if (cluster.isPrimary) {
  closeStore(prepareDatabase());
  relayChanges(cluster);
  let shuttingDown = false;
  for (let index = 0; index < workers; index++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (shuttingDown) return;
    console.error(`worker ${worker.id} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      shuttingDown = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
} else {
  // The primary has migrated the database; a worker only opens it.
  serve(openStore(databasePath));
}

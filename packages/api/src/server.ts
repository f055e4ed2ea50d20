// Starts Bilateral: opens (creating and migrating) the SQLite database, loads seeds/, and
// serves GraphQL with GraphiQL at http://localhost:$PORT/graphql.
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
import { createBilateralYoga } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const databasePath = resolveDatabasePath();

mkdirSync(dirname(databasePath), { recursive: true });
const store = openStore(databasePath);
try {
  // LOAD_SEEDS=0 serves the database exactly as it is: a benchmark's synthetic data, a restored backup.
  if (process.env.LOAD_SEEDS === '0') console.log(`database ${databasePath}: served as it is (LOAD_SEEDS=0)`);
  else {
    const report = loadSeeds(store, defaultSeedsDir());
    console.log(
      `database ${databasePath}: seeds loaded (${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed, ${report.kept} kept, ${report.mergedAway} merged away)`,
    );
  }
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

const yoga = createBilateralYoga({ store });
const server = createServer(yoga);
// PORT=0 picks a free port; print the one actually bound so scripts and tests can find it.
server.listen(port, () =>
  console.log(
    `Bilateral GraphQL API and GraphiQL at http://localhost:${(server.address() as AddressInfo).port}${yoga.graphqlEndpoint}`,
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

// Starts Bilateral: opens the SQLite database (creating and migrating it and loading seeds/, or
// read-only: see open-database.ts) and serves GraphQL with GraphiQL at http://localhost:$PORT/graphql.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeStore, resolveDatabasePath } from '@bilateral/store';
import { openDatabaseForServing, StartupError } from './open-database.ts';
import { createBilateralYoga } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const databasePath = resolveDatabasePath();

const store = (() => {
  try {
    return openDatabaseForServing(databasePath);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(`Bilateral did not start: ${error.message}`);
    process.exit(1);
  }
})();

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

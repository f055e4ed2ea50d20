// Starts Bilateral: opens the SQLite database (creating and migrating it and loading seeds/, or
// read-only: see open-database.ts) and serves GraphQL with GraphiQL at http://localhost:$PORT/graphql.
// HOST picks the interface (every interface when unset); CORS_ORIGINS lists the browser origins
// that may call the API (every origin when unset).
import type { AddressInfo } from 'node:net';
import { closeStore, resolveDatabasePath } from '@bilateral/store';
import { parseCorsOrigins } from './cors.ts';
import { createBilateralServer } from './http-server.ts';
import { rateLimitFromEnv } from './limits/rate-limit.ts';
import { openDatabaseForServing, StartupError } from './open-database.ts';
import { createBilateralYoga } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST || undefined;
const corsOrigins = (() => {
  try {
    return parseCorsOrigins(process.env.CORS_ORIGINS);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const databasePath = resolveDatabasePath();
const trustedDocumentsOnly = booleanSetting('TRUSTED_DOCUMENTS_ONLY');

function booleanSetting(name: string): boolean {
  const value = process.env[name]?.trim().toLowerCase() ?? '';
  if (['', 'false', '0'].includes(value)) return false;
  if (['true', '1'].includes(value)) return true;
  console.error(`${name} must be true or false, not "${process.env[name]}".`);
  process.exit(1);
}

const store = (() => {
  try {
    return openDatabaseForServing(databasePath);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(`Bilateral did not start: ${error.message}`);
    process.exit(1);
  }
})();

const yoga = createBilateralYoga({ store, corsOrigins, rateLimit: rateLimitFromEnv(), trustedDocumentsOnly });
const server = createBilateralServer(yoga);
if (trustedDocumentsOnly)
  console.log(
    "TRUSTED_DOCUMENTS_ONLY: only the SDK's trusted documents run; GraphiQL cannot run queries typed into it.",
  );
// PORT=0 picks a free port; print the one actually bound so scripts and tests can find it.
server.listen(port, host, () => {
  const shownHost =
    !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  console.log(
    `Bilateral GraphQL API and GraphiQL at http://${shownHost}:${(server.address() as AddressInfo).port}${yoga.graphqlEndpoint}`,
  );
  console.log(`CORS: ${corsOrigins ? `pages at ${corsOrigins.join(', ')} only` : 'pages at any origin may read'}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => {
      closeStore(store);
      process.exit(0);
    });
  });
}

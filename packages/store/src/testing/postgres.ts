/**
 * @bilateral/store/testing/postgres: the fixture dataset on PostgreSQL (PGlite in this process), for
 * the tests of other packages that compare the two databases; and a throwaway PostgreSQL server for
 * those that need a real one (`postgres/testing/server.ts`). A separate entry, so tests that use
 * only SQLite never load PGlite.
 */
import type { BilateralStore } from '../interface/bilateral-store.ts';

import { copyFromSqlite } from '../postgres/copy-from-sqlite.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { postgresStore } from '../postgres-store/postgres-store.ts';
import { sqliteDatabaseOf } from '../sqlite/sqlite-store.ts';

/**
 * A PostgreSQL store holding exactly what the SQLite store `sqlite` holds, copied across by
 * `copyFromSqlite` into this test file's PGlite (emptied first: one such store per test file).
 */
export async function copyIntoPostgres(sqlite: BilateralStore): Promise<BilateralStore> {
  const postgres = await emptyPgliteStore();
  await copyFromSqlite(sqliteDatabaseOf(sqlite).$client, postgres.db);
  return postgresStore(Promise.resolve(postgres));
}

// A real PostgreSQL server, for the tests of other packages that need one (a crash, several connections).
export {
  itRequiresPostgresServerInCI,
  type PostgresServer,
  postgresServerInstalled,
  startPostgresServer,
  throwawayServer,
} from '../postgres/testing/server.ts';

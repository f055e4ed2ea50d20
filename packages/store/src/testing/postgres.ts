/**
 * @bilateral/store/testing/postgres: the fixture dataset on PostgreSQL (PGlite in this process), for
 * the tests of other packages that compare the two databases; and a throwaway PostgreSQL server for
 * those that need a real one (`postgres/testing/server.ts`). A separate entry, so tests that use
 * only SQLite never load PGlite.
 */
import pg from 'pg';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openPostgresStore } from '../postgres/client.ts';
import { copyFromSqlite } from '../postgres/copy-from-sqlite.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { countedTotals, keptTotals, type Totals } from '../postgres/totals.ts';
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

/** The trigger-kept totals of the database at `url` as kept and as counted from scratch: the two must be equal. */
export async function totalsAt(url: string): Promise<{ kept: Totals; counted: Totals }> {
  const store = await openPostgresStore(url, { migrate: false });
  try {
    return { kept: await keptTotals(store.db), counted: await countedTotals(store.db) };
  } finally {
    await store.close();
  }
}

/**
 * A write that gets as far as logging a revision of the event, then rolls back: nothing of it may
 * ever be seen, `eventChanged` deliveries included.
 */
export async function rolledBackEventRevision(url: string, event: { id: number; slug: string }): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into revisions (entity_type, entity_id, entity_slug, version, operation, at)
        values ('event', $1, $2, 1000000, 'update', now()::text)`,
      [event.id, event.slug],
    );
    await client.query('rollback');
  } finally {
    await client.end();
  }
}

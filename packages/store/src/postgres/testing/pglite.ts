/**
 * PGlite for tests. Creating a PGlite runs initdb in WebAssembly (3–20 s on this machine), so each
 * test file creates none: the first loads a migrated data directory dumped once into the temporary
 * directory (keyed by the migrations' text and PGlite's version; about 3 s to load) and every test
 * file then keeps that one instance, emptying its tables between tests (milliseconds).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import {
  createPglite,
  type OpenPostgresOptions,
  openPgliteStore,
  POSTGRES_MIGRATIONS_FOLDER,
  type PostgresStore,
} from '../client.ts';

// pnpm installs each version under a path that names it.
const pgliteVersion = (): string => import.meta.resolve('@electric-sql/pglite');

/** Where the migrated data directory is kept: it changes name when a migration or PGlite does. */
function dumpPath(): string {
  const hash = createHash('sha256').update(pgliteVersion());
  for (const name of readdirSync(POSTGRES_MIGRATIONS_FOLDER).sort())
    hash.update(name).update(readFileSync(join(POSTGRES_MIGRATIONS_FOLDER, name, 'migration.sql')));
  return join(tmpdir(), `bilateral-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function loadMigrated(): Promise<PGlite> {
  const path = dumpPath();
  if (existsSync(path)) {
    return PGlite.create({ loadDataDir: new Blob([readFileSync(path)]), extensions: { unaccent } });
  }
  const pglite = await createPglite();
  await openPgliteStore(pglite);
  const dump = await pglite.dumpDataDir('none');
  // Written under a private name and renamed, so a worker never loads another's half-written file.
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return pglite;
}

let migrated: Promise<PGlite> | undefined;

/** This test file's migrated PGlite, created on first use and kept until the file's tests end. */
export function migratedPglite(): Promise<PGlite> {
  migrated ??= loadMigrated();
  return migrated;
}

/** A PGlite or a node-postgres pool: what `emptyTables` needs of either. */
export interface SqlClient {
  query(text: string): Promise<{ rows: unknown[] }>;
}

/** Empties every table of the store and restarts its IDs: a trigger-kept total is a table too. */
export async function emptyTables(client: SqlClient): Promise<void> {
  const { rows } = await client.query(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
  );
  const names = (rows as { name: string }[]).map((row) => row.name);
  await client.query(`truncate ${names.join(', ')} restart identity cascade`);
}

/** A store over this file's PGlite with every table empty: call it in each test (or beforeEach). */
export async function emptyPgliteStore(options: OpenPostgresOptions = {}): Promise<PostgresStore> {
  const pglite = await migratedPglite();
  await emptyTables(pglite);
  return openPgliteStore(pglite, { ...options, migrate: false });
}

/** A PGlite of its own (about 2–3 s), for a test that needs a second database beside this file's. */
export async function clonedPglite(): Promise<PGlite> {
  const pglite = await migratedPglite();
  await emptyTables(pglite);
  // clone() is declared to return the interface; it makes a PGlite.
  return (await pglite.clone()) as PGlite;
}

import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openReadOnlyConnection } from './read-only.ts';
import { relations } from './relations.ts';
import { cacheStatements } from './statement-cache.ts';
import { timeStatements } from './statement-timing.ts';
import { StorageError, toStorageError } from './storage-error.ts';

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export type Store = ReturnType<typeof createDrizzle>;

function createDrizzle(connection: Database.Database, options: { jit?: boolean } = {}) {
  return drizzle({ client: connection, relations, ...options });
}

const withJit = new WeakMap<Store, Store>();

/**
 * The same connection through drizzle with JIT mappers, for queries prepared once and run on every
 * request (batched.ts). A JIT mapper is a function compiled for one query that turns its rows into
 * objects; the default mapper walks every column's path for every value, which made the joined rows
 * of related.ts (a participant with its actor) cost more to map than the lookups the join saved.
 * Compiling costs about 10 µs, so queries built on every call keep the default mapper.
 */
export function jitMapped(store: Store): Store {
  let twin = withJit.get(store);
  if (!twin) {
    twin = createDrizzle(store.$client, { jit: true });
    withJit.set(store, twin);
  }
  return twin;
}

/**
 * How a commit is made durable before it is acknowledged. `full` (the default) fsyncs the WAL at
 * every commit, so an acknowledged write survives a power loss or a kernel crash; `fast` skips that
 * fsync (SQLite's NORMAL), which still survives the process being killed but may lose the last
 * acknowledged writes on power loss. `packages/store/bench/write-durability.ts` measures the cost.
 */
export const DURABILITY_MODES = ['full', 'fast'] as const;
export type Durability = (typeof DURABILITY_MODES)[number];

export interface OpenStoreOptions {
  /** Called with every SQL statement the store runs; tests use it to count statements. */
  onStatement?: (sql: string) => void;
  /** See `Durability`; defaults to `full`. */
  durability?: Durability;
  /**
   * Open without writing anything: no migrations, no WAL switch. The database must exist with every
   * migration applied (else StorageError STORAGE_READ_ONLY saying what is missing); every write on it
   * fails with STORAGE_READ_ONLY.
   */
  readOnly?: boolean;
  /** How long a write waits for another connection's write lock before failing with BUSY; defaults to 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the SQLite database at `path` and brings its schema up to date, or
 * with `readOnly` opens it as it is. `:memory:` gives a private in-memory database, which tests use.
 * A storage fault while opening (no space to migrate, a directory that cannot be created in) is
 * thrown as StorageError.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const verbose = options.onStatement ? { verbose: (sql: unknown) => options.onStatement!(String(sql)) } : {};
  if (options.readOnly) return openReadOnly(path, verbose, options);
  let connection: Database.Database | undefined;
  try {
    connection = new Database(path, verbose);
    // WAL lets readers run while a write is in progress. See `Durability` for the sync setting, and
    // curation/crash-durability.test.ts for what survives a killed process.
    connection.pragma('journal_mode = WAL');
    connection.pragma(`synchronous = ${options.durability === 'fast' ? 'NORMAL' : 'FULL'}`);
    configure(connection, options);
    const store = createDrizzle(connection);
    migrate(store, { migrationsFolder });
    return store;
  } catch (error) {
    connection?.close();
    throw toStorageError(error, { path }) ?? error;
  }
}

function configure(connection: Database.Database, options: OpenStoreOptions) {
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  timeStatements(connection);
  cacheStatements(connection);
}

function openReadOnly(path: string, verbose: Pick<Database.Options, 'verbose'>, options: OpenStoreOptions): Store {
  const connection = openReadOnlyConnection(path, verbose);
  const pending = pendingMigrations(connection);
  if (pending.length) {
    connection.close();
    throw new StorageError(
      'STORAGE_READ_ONLY',
      `the database lacks ${pending.length} migration(s) this checkout needs (${pending.join(', ')}): start the server once where the database can be written (it migrates it), or serve it with the Bilateral version it was made with`,
    );
  }
  configure(connection, options);
  return createDrizzle(connection);
}

/** The shipped migrations the database has not applied, oldest first; all of them for a database without Bilateral's tables. */
export function pendingMigrations(connection: Database.Database): string[] {
  const journal = connection
    .prepare('select 1 from sqlite_master where type = ? and name = ?')
    .get('table', MIGRATIONS_TABLE);
  const applied = new Set(
    journal ? (connection.prepare(`select name from ${MIGRATIONS_TABLE}`).pluck().all() as string[]) : [],
  );
  return knownMigrationNames().filter((name) => !applied.has(name));
}

/** True for a store opened with `readOnly` (or on a connection SQLite opened read-only). */
export const isReadOnly = (store: Store): boolean => store.$client.readonly;

/** The table where drizzle records each migration it has applied, by name. */
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** The names of the migrations this checkout ships, oldest first. */
export const knownMigrationNames = (): string[] =>
  readMigrationFiles({ migrationsFolder }).map((migration) => migration.name);

/** The bytes the database takes on disk: its file and its write-ahead log (0 for an in-memory database). */
export function databaseSize(store: Store): number {
  const file = store.$client.name;
  if (store.$client.memory) return 0;
  return [file, `${file}-wal`].reduce(
    (total, path) => total + (statSync(path, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );
}

export function closeStore(store: Store): void {
  store.$client.close();
}

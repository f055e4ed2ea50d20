import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { relations } from './relations.ts';
import { cacheStatements } from './statement-cache.ts';

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export type Store = ReturnType<typeof createDrizzle>;

function createDrizzle(connection: Database.Database) {
  return drizzle({ client: connection, relations });
}

export interface OpenStoreOptions {
  /** Called with every SQL statement the store runs; tests use it to count statements. */
  onStatement?: (sql: string) => void;
}

/**
 * Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
 * `:memory:` gives a private in-memory database, which tests use.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const connection = new Database(
    path,
    options.onStatement ? { verbose: (sql) => options.onStatement!(String(sql)) } : {},
  );
  // WAL lets readers run while a write is in progress. With WAL, NORMAL sync keeps every committed
  // write if the process crashes or is killed (the commit is in the OS's page cache), but a power
  // loss may roll back the last commits; FULL would fsync every commit. See crash-durability.test.ts.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  cacheStatements(connection);
  const store = createDrizzle(connection);
  migrate(store, { migrationsFolder });
  return store;
}

/** The table where drizzle records each migration it has applied, by name. */
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** The names of the migrations this checkout ships, oldest first. */
export const knownMigrationNames = (): string[] =>
  readMigrationFiles({ migrationsFolder }).map((migration) => migration.name);

export function closeStore(store: Store): void {
  store.$client.close();
}

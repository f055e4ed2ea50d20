import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { knownMigrationNames, MIGRATIONS_TABLE } from '../db/client.ts';
import { BackupError } from './backup-error.ts';

/** What a sound Bilateral database file holds. */
export interface DatabaseContents {
  /** Size of the database (pages times page size), whether or not its WAL has been checkpointed. */
  bytes: number;
  events: number;
  actors: number;
  /** How many migrations have been applied to it. */
  migrations: number;
}

// Tables every Bilateral database has had since its first migration.
const REQUIRED_TABLES = [MIGRATIONS_TABLE, 'sources', 'actors', 'events', 'citations'];

/**
 * Opens the file read-only and checks that it is an intact Bilateral database this checkout can
 * migrate: SQLite's integrity check passes, the Bilateral tables exist, and it has no migration
 * newer than this checkout's. Throws BackupError saying which check failed.
 */
export function inspectDatabaseFile(path: string): DatabaseContents {
  if (!existsSync(path)) throw new BackupError('NOT_FOUND', `${path} does not exist`);
  let connection: Database.Database | undefined;
  try {
    connection = new Database(path, { readonly: true, fileMustExist: true });
    return readContents(connection, path);
  } catch (error) {
    throw error instanceof Database.SqliteError ? explainSqliteError(error, path) : error;
  } finally {
    connection?.close();
  }
}

function readContents(connection: Database.Database, path: string): DatabaseContents {
  const integrity = connection.prepare('pragma integrity_check').pluck().all() as string[];
  if (integrity.join() !== 'ok')
    throw new BackupError('CORRUPT', `${path} fails SQLite's integrity check: ${integrity.slice(0, 3).join('; ')}`);

  const tables = new Set(
    connection.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
  );
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length)
    throw new BackupError(
      'NOT_BILATERAL',
      `${path} is a SQLite database but not a Bilateral one (no ${missing.join(', ')} table)`,
    );

  const applied = connection.prepare(`select name from ${MIGRATIONS_TABLE}`).pluck().all() as (string | null)[];
  const known = new Set(knownMigrationNames());
  const unknown = applied.filter((name) => name !== null && !known.has(name));
  if (unknown.length)
    throw new BackupError(
      'NEWER_SCHEMA',
      `${path} comes from a newer Bilateral (migrations this checkout lacks: ${unknown.join(', ')}); update the checkout first`,
    );

  const count = (table: string) => connection.prepare(`select count(*) from ${table}`).pluck().get() as number;
  const pragma = (name: string) => connection.pragma(name, { simple: true }) as number;
  return {
    bytes: pragma('page_count') * pragma('page_size'),
    events: count('events'),
    actors: count('actors'),
    migrations: applied.length,
  };
}

/** Turns SQLite's error about the file at `path` into a BackupError an operator can act on. */
export function explainSqliteError(error: InstanceType<typeof Database.SqliteError>, path: string): BackupError {
  if (error.code === 'SQLITE_NOTADB') return new BackupError('NOT_SQLITE', `${path} is not a SQLite database`);
  if (error.code.startsWith('SQLITE_CORRUPT'))
    return new BackupError('CORRUPT', `${path} is damaged (${error.message})`);
  return new BackupError('UNREADABLE', `${path} cannot be read as a SQLite database (${error.message})`);
}

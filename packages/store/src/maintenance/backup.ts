import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../db/client.ts';
import { openReadOnlyConnection } from '../db/read-only.ts';
import { toStorageError } from '../db/storage-error.ts';
import { BackupError } from './backup-error.ts';
import { type DatabaseContents, explainSqliteError, inspectDatabaseFile } from './inspect.ts';
import { copyDatabase, isSameFile, removeDatabaseFiles } from './sqlite-files.ts';

export interface BackupOptions {
  /** Replace a file that already exists at the destination. */
  force?: boolean;
}

export interface BackupSummary extends DatabaseContents {
  /** Absolute path of the backup written. */
  path: string;
}

/**
 * Copies a database (a file path, or an open store) to `destinationPath` with SQLite's online
 * backup, which gives a consistent snapshot even while another connection is writing. The copy is
 * written beside the destination, switched to a single self-contained file (no WAL), checked
 * with `inspectDatabaseFile`, and only then renamed into place: a failed backup leaves nothing
 * behind and never replaces a good file.
 */
export async function backupDatabase(
  source: string | Store,
  destinationPath: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const destination = resolve(destinationPath);
  const sourcePath = typeof source === 'string' ? resolve(source) : source.$client.name;
  if (isSameFile(sourcePath, destination))
    throw new BackupError('SAME_FILE', `${destination} is the database being backed up`);
  if (existsSync(destination) && !options.force)
    throw new BackupError('ALREADY_EXISTS', `${destination} already exists; not replacing it unless forced (--force)`);

  const connection = typeof source === 'string' ? openSource(sourcePath) : source.$client;
  const partial = `${destination}.partial`;
  try {
    mkdirSync(dirname(destination), { recursive: true });
    removeDatabaseFiles(partial);
    await copyDatabase(connection, partial);
    useRollbackJournal(partial);
    const contents = inspectDatabaseFile(partial);
    removeDatabaseFiles(destination);
    renameSync(partial, destination);
    return { path: destination, ...contents };
  } catch (error) {
    removeDatabaseFiles(partial);
    if (error instanceof BackupError) throw new BackupError(error.code, `the backup was deleted: ${error.message}`);
    // A full or failing destination (or source storage) is a storage fault, not a bad database.
    const storage = toStorageError(error, { path: destination });
    if (storage) throw storage;
    // Reading the source is what fails when the "database" is not one.
    if (error instanceof Database.SqliteError) throw explainSqliteError(error, sourcePath);
    throw error;
  } finally {
    if (typeof source === 'string') connection.close();
  }
}

function openSource(path: string): Database.Database {
  if (!existsSync(path)) throw new BackupError('NOT_FOUND', `there is no database at ${path}`);
  try {
    // Read-only, and "immutable" where no -shm can be created: a snapshot on a read-only mount backs up too.
    const connection = openReadOnlyConnection(path);
    connection.pragma('busy_timeout = 5000');
    return connection;
  } catch (error) {
    throw error instanceof Database.SqliteError ? explainSqliteError(error, path) : error;
  }
}

// The copy inherits WAL mode from a live database; a backup should be one file that can be moved
// or mailed without a -wal file beside it.
function useRollbackJournal(path: string): void {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Opening a database that cannot be written: a read-only file, directory or mount, a replica, a
 * restored snapshot. SQLite needs the `-shm` file beside a WAL database even to read it; where it
 * cannot create one (a read-only directory or mount) the file can still be read as "immutable",
 * which skips locking and the WAL, and is right only when no WAL holds commits the file lacks.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { StorageError, toStorageError } from './storage-error.ts';

// better-sqlite3 reads SQLITE_USE_URI once, when its native module loads (at the first connection),
// and only then accepts the `file:...?immutable=1` names used below. Plain paths are unaffected.
process.env.SQLITE_USE_URI ??= '1';

/** Whether this process can write the database at `path`, and if not, why (in words without the path). */
export type StorageAccess = { writable: true } | { writable: false; reason: string };

const denied = (path: string, mode: number): string | undefined => {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? 'is on a read-only file system' : 'is not writable';
  }
};

/**
 * Can the database at `path` be written? The file, and its directory (where SQLite creates `-wal`
 * and `-shm`) unless both already exist and can be written. A missing file counts as writable:
 * opening creates it, and a failure then is reported as the storage error it is.
 */
export function storageAccess(path: string): StorageAccess {
  if (path === ':memory:' || !existsSync(path)) return { writable: true };
  const fileProblem = denied(path, constants.W_OK);
  if (fileProblem) return { writable: false, reason: `the database file ${fileProblem}` };
  const sideFilesWritable = ['-wal', '-shm'].every(
    (suffix) => existsSync(path + suffix) && !denied(path + suffix, constants.W_OK),
  );
  const dirProblem = denied(dirname(path), constants.W_OK | constants.X_OK);
  if (dirProblem && !sideFilesWritable)
    return {
      writable: false,
      reason: `the database's directory ${dirProblem}, so SQLite cannot create the -wal and -shm files beside it`,
    };
  return { writable: true };
}

type Verbose = Pick<Database.Options, 'verbose'>;

// What SQLite answers when it cannot create or open the -shm (and -wal) beside a WAL database.
const NO_SHM = ['SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT'];

const probe = (connection: Database.Database) => connection.prepare('select count(*) from sqlite_master').get();

/**
 * Opens `path` read-only, as "immutable" when SQLite cannot create the `-shm` it needs. Throws
 * StorageError when there is no database, or when a WAL holds commits that could be read only by
 * creating that `-shm`.
 */
export function openReadOnlyConnection(path: string, verbose: Verbose = {}): Database.Database {
  if (!existsSync(path))
    throw new StorageError('STORAGE_READ_ONLY', `no database at ${path}: a read-only database cannot be created`);
  const connection = new Database(path, { ...verbose, readonly: true, fileMustExist: true });
  try {
    probe(connection);
    return connection;
  } catch (error) {
    connection.close();
    if (!NO_SHM.some((code) => String((error as { code?: unknown }).code).startsWith(code)))
      throw toStorageError(error, { path }) ?? error;
  }
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0)
    throw new StorageError(
      'STORAGE_READ_ONLY',
      `${path}-wal holds commits not yet in ${path}, and SQLite cannot create ${path}-shm in a read-only place to read them: open the database once where it can be written (the commits move into the file on a clean close), then serve it read-only`,
    );
  const immutable = new Database(`${pathToFileURL(path).href}?immutable=1`, {
    ...verbose,
    readonly: true,
    fileMustExist: true,
  });
  try {
    probe(immutable);
    return immutable;
  } catch (error) {
    immutable.close();
    throw toStorageError(error, { path }) ?? error;
  }
}

/**
 * SQLite's (and the file system's) storage faults as StorageError: a full disk, read-only or failing
 * storage and a lock held too long each have their own codes there. Anything else (a bug, a damaged
 * file) is not a storage fault and passes through unchanged.
 */
import { causes, READ_ONLY_MODE_MESSAGE, StorageError, type StorageErrorCode } from '../errors/storage-error.ts';

export { STORAGE_ERROR_CODES, StorageError, type StorageErrorCode } from '../errors/storage-error.ts';

const codeOfSqlite = (code: string): StorageErrorCode | undefined => {
  if (code === 'SQLITE_FULL') return 'STORAGE_FULL';
  if (code.startsWith('SQLITE_READONLY')) return 'STORAGE_READ_ONLY';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'STORAGE_UNAVAILABLE';
  if (code.startsWith('SQLITE_BUSY')) return 'BUSY';
  return undefined;
};

// The file system's own errors, as the CLI meets them writing backups and seed files.
const ERRNO_CODES: Record<string, StorageErrorCode> = {
  ENOSPC: 'STORAGE_FULL',
  EDQUOT: 'STORAGE_FULL',
  EROFS: 'STORAGE_READ_ONLY',
  EIO: 'STORAGE_UNAVAILABLE',
};

/** What a fault's message needs of the SQLite connection it came from: its file and whether it was opened read-only. */
interface SqliteConnection {
  $client: { readonly name: string; readonly readonly: boolean };
}

export interface StorageContext {
  /** The store the error came from: a read-only store refuses writes by design, which changes the caller's message. */
  store?: SqliteConnection;
  /** The database file, named in the operator's detail. */
  path?: string;
}

/** The storage fault behind `error`, if there is one, as a StorageError; undefined for any other error. */
export function toStorageError(error: unknown, context: StorageContext = {}): StorageError | undefined {
  for (const candidate of causes(error)) {
    if (candidate instanceof StorageError) return candidate;
    const raw = (candidate as { code?: unknown }).code;
    if (typeof raw !== 'string') continue;
    const code = raw.startsWith('SQLITE_') ? codeOfSqlite(raw) : ERRNO_CODES[raw];
    if (!code) continue;
    const path = context.path ?? context.store?.$client.name;
    const detail = `${raw}: ${(candidate as Error).message}${path ? ` (database ${path})` : ''}`;
    const readOnlyMode = code === 'STORAGE_READ_ONLY' && context.store?.$client.readonly === true;
    return new StorageError(code, detail, {
      cause: candidate,
      ...(readOnlyMode ? { message: READ_ONLY_MODE_MESSAGE } : {}),
    });
  }
  return undefined;
}

/** Runs a write against `store`, turning a storage fault into a StorageError. Every API write path goes through it. */
export function guardStorage<T>(store: SqliteConnection, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw toStorageError(error, { store }) ?? error;
  }
}

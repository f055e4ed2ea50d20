/**
 * What a readiness probe needs to know about the database: can it be read, and (unless it was
 * opened read-only on purpose) can it be written. Writability is judged without touching the
 * database: the file and its directory accept writes, the volume has room for more pages, and a
 * small file can be created beside it (ext4 aborted to read-only after a disk error still looks
 * writable to access(2); creating a file is refused).
 */
import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isReadOnly, MIGRATIONS_TABLE, type Store } from './client.ts';
import { storageAccess } from './read-only.ts';
import { toStorageError } from './storage-error.ts';

/** Below this much free space a write is likely to fail with STORAGE_FULL. */
export const MIN_FREE_BYTES = 1024 * 1024;

export interface StorageCheck {
  ok: boolean;
  /** Why, in words fit for a public health endpoint (no paths). */
  detail: string;
}

export interface StorageStatus {
  mode: 'read-write' | 'read-only';
  readable: StorageCheck;
  /** Null in read-only mode, where writes are refused by design. */
  writable: StorageCheck | null;
}

export function checkStorage(store: Store): StorageStatus {
  const readOnly = isReadOnly(store);
  return {
    mode: readOnly ? 'read-only' : 'read-write',
    readable: readable(store),
    // A writable store was opened by its path (only read-only ones are opened by a file: URI).
    writable: readOnly ? null : writable(store.$client.name),
  };
}

function readable(store: Store): StorageCheck {
  try {
    const applied = store.$client.prepare(`select count(*) from ${MIGRATIONS_TABLE}`).pluck().get() as number;
    return { ok: true, detail: `read ${applied} applied migrations` };
  } catch (error) {
    const storage = toStorageError(error);
    return {
      ok: false,
      detail: storage ? `${storage.code}: the database cannot be read` : 'the database cannot be read',
    };
  }
}

function writable(path: string): StorageCheck {
  if (path === ':memory:') return { ok: true, detail: 'in memory' };
  const access = storageAccess(path);
  if (!access.writable) return { ok: false, detail: access.reason };
  const volume = statfsSync(dirname(path));
  const free = volume.bavail * volume.bsize;
  if (free < MIN_FREE_BYTES)
    return {
      ok: false,
      detail: `the volume holding the database has ${free} bytes free; writes fail with STORAGE_FULL`,
    };
  const probe = join(dirname(path), `.${basename(path)}-ready-${process.pid}`);
  try {
    writeFileSync(probe, 'ready\n');
    rmSync(probe);
  } catch (error) {
    return {
      ok: false,
      detail: `a file cannot be created beside the database (${(error as NodeJS.ErrnoException).code})`,
    };
  }
  return { ok: true, detail: `${Math.floor(free / 1024 / 1024)} MiB free on the database's volume` };
}

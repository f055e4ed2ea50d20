import { closeStore, openStore, type Store } from '../db/client.ts';
import { storageAccess } from '../db/read-only.ts';

/**
 * Runs `work` on the database at `databasePath`, closing it afterwards. A database this process
 * cannot write is opened read-only, so reading commands (`keys list`, `export-seeds`) still work
 * and writing ones fail with STORAGE_READ_ONLY.
 */
export function withStore<T>(databasePath: string, work: (store: Store) => T): T {
  const store = openStore(databasePath, { readOnly: !storageAccess(databasePath).writable });
  try {
    return work(store);
  } finally {
    closeStore(store);
  }
}

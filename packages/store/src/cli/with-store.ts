import { closeStore, openStore, type Store } from '../db/client.ts';

/** Runs `work` on the database at `databasePath`, closing it afterwards. */
export function withStore<T>(databasePath: string, work: (store: Store) => T): T {
  const store = openStore(databasePath);
  try {
    return work(store);
  } finally {
    closeStore(store);
  }
}

import { storageAccess } from '../db/read-only.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openBilateralStore } from '../open-bilateral-store.ts';
import { type CommandInput, UsageError } from './command.ts';

/**
 * Runs `work` on the command's database, chosen as the server chooses it: the PostgreSQL server
 * `DATABASE_URL` names, else the SQLite file. The store is closed afterwards. A file this process
 * cannot write is opened read-only, so reading commands (`keys list`, `export-seeds`) still work
 * and writing ones fail with STORAGE_READ_ONLY. Opening migrates a writable database (on
 * PostgreSQL under an advisory lock, so commands and servers starting at once migrate once).
 */
export async function withStore<T>(
  { databasePath, databaseUrl, databaseGiven }: CommandInput,
  work: (store: BilateralStore) => Promise<T>,
): Promise<T> {
  if (databaseUrl && databaseGiven)
    throw new UsageError(
      '--database names a SQLite file, but DATABASE_URL names a PostgreSQL server: unset DATABASE_URL to work on the file, or leave out --database',
    );
  const store = databaseUrl
    ? openBilateralStore({ databaseUrl })
    : openBilateralStore({ path: databasePath, readOnly: !storageAccess(databasePath).writable });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The command's database as messages name it: the file, or the server's URL without its password. */
export const databaseName = ({ databasePath, databaseUrl }: CommandInput): string =>
  databaseUrl ? withoutPassword(databaseUrl) : databasePath;

/** A database URL without its password, for printing. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

import { existsSync, rmSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';

// More pages than any database has. One step holds one read transaction on the source for the
// whole copy: WAL never blocks writers, and a write from another connection between small steps
// would make SQLite restart the copy. The destination likewise receives a single transaction.
const ALL_PAGES = 0x7fffffff;

/** Copies `source`'s main database into the file at `destinationPath` with SQLite's online backup API. */
export async function copyDatabase(source: Database.Database, destinationPath: string): Promise<void> {
  await source.backup(destinationPath, { progress: () => ALL_PAGES });
}

/** Deletes a database file and the journal files SQLite keeps beside it, so none can be replayed into a new file of the same name. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** True when both paths exist and are the same file (through links or different spellings). */
export function isSameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  const [first, second] = [statSync(a), statSync(b)];
  return first.dev === second.dev && first.ino === second.ino;
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { closeStore, openStore } from '../db/client.ts';
import { BackupError } from './backup-error.ts';
import { type DatabaseContents, inspectDatabaseFile } from './inspect.ts';
import { copyDatabase, isSameFile } from './sqlite-files.ts';

export interface RestoreSummary extends DatabaseContents {
  /** Absolute path of the live database that was replaced. */
  path: string;
  /** Absolute path of the backup it was restored from. */
  from: string;
  /** Migrations run on the restored data to bring an older backup up to date. */
  migrationsApplied: number;
}

/**
 * Replaces the database at `livePath` with the backup at `backupPath`, then migrates it. The backup
 * is checked first (see `inspectDatabaseFile`); if it fails, nothing is changed. The data goes in
 * through SQLite's backup API rather than by copying files, so the write takes the live database's
 * own locks and goes through its WAL: a connection that is open at the time sees either the old
 * database or the restored one, never a mixture.
 */
export async function restoreDatabase(backupPath: string, livePath: string): Promise<RestoreSummary> {
  const from = resolve(backupPath);
  const path = resolve(livePath);
  if (isSameFile(from, path)) throw new BackupError('SAME_FILE', `${from} is the live database itself`);
  const backup = inspectDatabaseFile(from);

  mkdirSync(dirname(path), { recursive: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(source, path);
  } finally {
    source.close();
  }
  // openStore runs whatever migrations an older backup lacks.
  closeStore(openStore(path));

  const restored = inspectDatabaseFile(path);
  return { path, from, ...restored, migrationsApplied: restored.migrations - backup.migrations };
}

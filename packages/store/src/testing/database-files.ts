import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { closeStore, openStore } from '../db/client.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { fixtureSeedsDir } from './fixture-store.ts';

const directories: string[] = [];

/** A new temporary directory; `removeTemporaryDirectories` (run it in afterEach) deletes it. */
export function temporaryDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-files-'));
  directories.push(dir);
  return dir;
}

export function removeTemporaryDirectories(): void {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Creates a database file at `path`, migrated and loaded with the fixture seeds, and closes it. */
export function seededDatabaseFile(path: string): string {
  const store = openStore(path);
  loadSeeds(store, fixtureSeedsDir);
  closeStore(store);
  return path;
}

/** Every row of every ordinary table in the file, by table; a full scan reads rows in rowid (or primary key) order. */
export function tableContents(path: string): Record<string, unknown[]> {
  const connection = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = connection
      .prepare("select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((table) => [table, connection.prepare(`select * from "${table}"`).all()]));
  } finally {
    connection.close();
  }
}

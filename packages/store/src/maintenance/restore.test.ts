import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownMigrationNames } from '../db/client.ts';
import {
  removeTemporaryDirectories,
  seededDatabaseFile,
  tableContents,
  temporaryDirectory,
} from '../testing/database-files.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

const migrationsFolder = join(import.meta.dirname, '../../drizzle');

let dir: string;
let live: string;
let liveBefore: Record<string, unknown[]>;
beforeEach(() => {
  dir = temporaryDirectory();
  live = seededDatabaseFile(join(dir, 'live.db'));
  liveBefore = tableContents(live);
});
afterEach(removeTemporaryDirectories);

/** A checked backup of the live database that a test may then damage. */
const goodBackup = async () => (await backupDatabase(live, join(dir, 'backup.db'))).path;

describe('restoreDatabase refuses, changing nothing', () => {
  it('a file that does not exist', async () => {
    await expect(restoreDatabase(join(dir, 'missing.db'), live)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(tableContents(live)).toEqual(liveBefore);
  });

  it('a file of garbage bytes', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 64 * 1024 }, (_, index) => (index * 7919) % 256)));
    await expect(restoreDatabase(garbage, live)).rejects.toMatchObject({
      code: 'NOT_SQLITE',
      message: expect.stringContaining('is not a SQLite database'),
    });
    expect(tableContents(live)).toEqual(liveBefore);
  });

  it('a truncated backup', async () => {
    const backup = await goodBackup();
    const bytes = readFileSync(backup);
    writeFileSync(backup, bytes.subarray(0, bytes.length / 2));
    await expect(restoreDatabase(backup, live)).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(tableContents(live)).toEqual(liveBefore);
  });

  it('a SQLite database that is not a Bilateral one', async () => {
    const other = join(dir, 'other.db');
    const connection = new Database(other);
    connection.exec("create table notes (body text); insert into notes values ('not ours')");
    connection.close();
    await expect(restoreDatabase(other, live)).rejects.toMatchObject({
      code: 'NOT_BILATERAL',
      message: expect.stringContaining('not a Bilateral one'),
    });
    expect(tableContents(live)).toEqual(liveBefore);
  });

  it('a backup from a newer Bilateral, with a migration this checkout lacks', async () => {
    const backup = await goodBackup();
    const connection = new Database(backup);
    connection
      .prepare(
        "insert into __drizzle_migrations (hash, created_at, name) values ('f00d', 0, '29991231000000_from-the-future')",
      )
      .run();
    connection.close();
    await expect(restoreDatabase(backup, live)).rejects.toMatchObject({
      code: 'NEWER_SCHEMA',
      message: expect.stringContaining('29991231000000_from-the-future'),
    });
    expect(tableContents(live)).toEqual(liveBefore);
  });
});

describe('restoreDatabase', () => {
  it('brings an older backup up to date by running the migrations it lacks', async () => {
    const [first, ...later] = knownMigrationNames();
    const oldFolder = join(dir, 'old-migrations');
    cpSync(join(migrationsFolder, first!), join(oldFolder, first!), { recursive: true });
    const old = join(dir, 'old.db');
    const connection = new Database(old);
    migrate(drizzle({ client: connection }), { migrationsFolder: oldFolder });
    connection
      .prepare("insert into sources (slug, file, title, genre) values ('old', 'old.txt', 'From an old backup', 'news')")
      .run();
    connection.close();

    const summary = await restoreDatabase(old, live);
    expect(summary).toMatchObject({
      events: 0,
      actors: 0,
      migrations: 1 + later.length,
      migrationsApplied: later.length,
    });
    const restored = new Database(live, { readonly: true });
    expect(restored.prepare('select title from sources').pluck().all()).toEqual(['From an old backup']);
    expect(restored.prepare("select name from sqlite_master where name = 'source_search'").pluck().get()).toBe(
      'source_search',
    );
    restored.close();
  });

  it('creates the live database when there is none yet', async () => {
    const backup = await goodBackup();
    const fresh = join(dir, 'new', 'live.db');
    await expect(restoreDatabase(backup, fresh)).resolves.toMatchObject({ path: fresh, events: 3, actors: 5 });
    expect(tableContents(fresh)).toEqual(liveBefore);
  });
});

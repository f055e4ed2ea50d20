import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, knownMigrationNames } from '../db/client.ts';
import {
  removeTemporaryDirectories,
  seededDatabaseFile,
  tableContents,
  temporaryDirectory,
} from '../testing/database-files.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

afterEach(removeTemporaryDirectories);

describe('backupDatabase and restoreDatabase', () => {
  it('round-trip: a restore puts back exactly the data that was backed up', async () => {
    const dir = temporaryDirectory();
    const live = seededDatabaseFile(join(dir, 'live.db'));
    const backedUp = tableContents(live);

    const summary = await backupDatabase(live, join(dir, 'backup.db'));
    expect(summary).toEqual({
      path: join(dir, 'backup.db'),
      bytes: statSync(join(dir, 'backup.db')).size,
      events: 3,
      actors: 5,
      migrations: knownMigrationNames().length,
    });
    expect(tableContents(summary.path)).toEqual(backedUp);

    const changer = new Database(live);
    changer.exec(
      "update events set title = 'Changed after the backup'; delete from event_links; insert into sources (slug, file, title, genre) values ('new', 'new.txt', 'New', 'news')",
    );
    changer.close();
    expect(tableContents(live)).not.toEqual(backedUp);

    const restored = await restoreDatabase(summary.path, live);
    expect(restored).toMatchObject({
      path: live,
      from: summary.path,
      events: 3,
      actors: 5,
      migrations: knownMigrationNames().length,
      migrationsApplied: 0,
    });
    expect(tableContents(live)).toEqual(backedUp);
  });

  it('copies committed data still in the WAL, and none of another connection’s open write transaction', async () => {
    const dir = temporaryDirectory();
    const live = seededDatabaseFile(join(dir, 'live.db'));
    const writer = new Database(live);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("update events set title = 'Committed, only in the WAL' where id = 1").run();
    writer.exec(
      "begin immediate; update events set title = 'Never committed' where id = 2; delete from event_participants",
    );
    expect(statSync(`${live}-wal`).size).toBeGreaterThan(0);

    const { path } = await backupDatabase(live, join(dir, 'backup.db'));
    writer.exec('rollback');
    const committed = tableContents(live);
    writer.close();

    expect(tableContents(path)).toEqual(committed);
    expect(committed.events).toContainEqual(expect.objectContaining({ id: 1, title: 'Committed, only in the WAL' }));
    expect(committed.events).not.toContainEqual(expect.objectContaining({ title: 'Never committed' }));
  });

  it('writes one self-contained file, and leaves an open store open', async () => {
    const store = openFixtureStore();
    const dir = temporaryDirectory();
    const { path } = await backupDatabase(store, join(dir, 'backup.db'));
    expect(readdirSync(dir)).toEqual(['backup.db']);
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(store.$client.open).toBe(true);
    closeStore(store);
  });

  it('refuses to replace an existing file unless forced', async () => {
    const dir = temporaryDirectory();
    const live = seededDatabaseFile(join(dir, 'live.db'));
    const destination = join(dir, 'backup.db');
    writeFileSync(destination, 'an earlier file');

    await expect(backupDatabase(live, destination)).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringContaining('already exists'),
    });
    await expect(backupDatabase(live, destination, { force: true })).resolves.toMatchObject({ events: 3 });
    expect(tableContents(destination)).toEqual(tableContents(live));
  });

  it('refuses a source that is missing or not a database, and leaves no file behind', async () => {
    const dir = temporaryDirectory();
    const notADatabase = join(dir, 'notes.txt');
    writeFileSync(notADatabase, 'plain text, '.repeat(1000));
    await expect(backupDatabase(join(dir, 'missing.db'), join(dir, 'a.db'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(backupDatabase(notADatabase, join(dir, 'b.db'))).rejects.toMatchObject({ code: 'NOT_SQLITE' });
    await expect(backupDatabase(notADatabase, notADatabase, { force: true })).rejects.toMatchObject({
      code: 'SAME_FILE',
    });
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(existsSync(join(dir, 'b.db.partial'))).toBe(false);
  });
});

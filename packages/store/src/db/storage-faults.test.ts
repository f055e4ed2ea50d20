/**
 * Storage faults injected at the store boundary: a full disk (SQLite's max_page_count reached), a
 * read-only database, a write lock held by another connection past the busy timeout. Each write
 * must fail with its code and retryability, write nothing (the idempotency key included), leave
 * reads working, and succeed when retried with the same idempotency key once the fault is gone.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../curation/keys.ts';
import { type SavedRecord, saveRecord } from '../curation/save-record.ts';
import { eventsByIds } from '../queries/events.ts';
import { idsBySlugs } from '../queries/related.ts';
import {
  removeTemporaryDirectories,
  seededDatabaseFile,
  tableContents,
  temporaryDirectory,
} from '../testing/database-files.ts';
import { fixtureVisit } from '../testing/fixture-store.ts';
import { closeStore, type OpenStoreOptions, openStore, type Store } from './client.ts';
import { StorageError } from './storage-error.ts';

afterEach(removeTemporaryDirectories);

const create = (store: Store, keyId: number, slug: string, idempotencyKey?: string): SavedRecord =>
  saveRecord(
    store,
    'event',
    {
      operation: 'create',
      change: () => fixtureVisit(slug),
      ...(idempotencyKey ? { idempotency: { key: idempotencyKey, operation: 'createEvent', input: { slug } } } : {}),
    },
    { keyId },
  );

/** A seeded database file with a write key; returns its path and the key's ID. */
function seededWithKey(): { path: string; keyId: number } {
  const path = seededDatabaseFile(join(temporaryDirectory(), 'store.db'));
  const store = openStore(path);
  const keyId = createApiKey(store, 'write', 'fault test').key.id;
  closeStore(store);
  return { path, keyId };
}

function caught(write: () => unknown): StorageError {
  try {
    write();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('the write succeeded');
}

/** The refused write left every table as it was, and reads still answer. */
function expectNothingWrittenAndReadsWork(store: Store, path: string, before: Record<string, unknown[]>) {
  expect(tableContents(path)).toEqual(before);
  const ids = idsBySlugs(store, 'events', ['2016-druzhba-exercise']);
  expect(ids.size).toBe(1);
  expect(eventsByIds(store, [...ids.values()])[0]?.slug).toBe('2016-druzhba-exercise');
}

/** A retry with the same key writes once, and a second retry replays that result. */
function expectRetrySucceeds(store: Store, keyId: number, slug: string, idempotencyKey: string) {
  const first = create(store, keyId, slug, idempotencyKey);
  expect(first).toMatchObject({ version: 1, replayed: false });
  expect(create(store, keyId, slug, idempotencyKey)).toEqual({ ...first, replayed: true });
  expect(idsBySlugs(store, 'events', [slug]).get(slug)).toBe(first.id);
}

function open(path: string, options?: OpenStoreOptions): Store {
  const store = openStore(path, options);
  stores.push(store);
  return store;
}
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) if (store.$client.open) closeStore(store);
});

describe('storage faults at the store boundary', () => {
  it('a full disk: STORAGE_FULL, retryable, nothing written, and the retry succeeds once there is room', () => {
    const { path, keyId } = seededWithKey();
    const store = open(path);
    const pages = store.$client.pragma('page_count', { simple: true }) as number;
    store.$client.pragma(`max_page_count = ${pages}`);
    // Fill what room is left (free pages) until SQLite reports the database full.
    let filled = 0;
    expect(() => {
      for (; filled < 500; filled++) create(store, keyId, `filler-${filled}`);
    }).toThrow(StorageError);

    const before = tableContents(path);
    const error = caught(() => create(store, keyId, 'after-full', 'full-1'));
    expect(error).toMatchObject({ code: 'STORAGE_FULL', retryable: true, retryAfterSeconds: 60 });
    expect(error.message).toMatch(/disk is full.*same idempotency key is safe/);
    expect(error.logLine()).toMatch(/^storage error STORAGE_FULL .*SQLITE_FULL.*free space/);
    expect(error.logLine()).not.toContain('\n');
    expectNothingWrittenAndReadsWork(store, path, before);

    store.$client.pragma(`max_page_count = ${pages * 4}`);
    expectRetrySucceeds(store, keyId, 'after-full', 'full-1');
  });

  it('a read-only database: STORAGE_READ_ONLY, not retryable, nothing written, and the write succeeds where it can be written', () => {
    const { path, keyId } = seededWithKey();
    const before = tableContents(path);
    const readOnly = open(path, { readOnly: true });
    const error = caught(() => create(readOnly, keyId, 'read-only', 'ro-1'));
    expect(error).toMatchObject({ code: 'STORAGE_READ_ONLY', retryable: false, retryAfterSeconds: undefined });
    expect(error.message).toMatch(/serves the database read-only/);
    expectNothingWrittenAndReadsWork(readOnly, path, before);
    closeStore(readOnly);

    expectRetrySucceeds(open(path), keyId, 'read-only', 'ro-1');
  });

  it('a database locked by another writer past the busy timeout: BUSY, retryable, nothing written, and the retry succeeds once the lock is released', () => {
    const { path, keyId } = seededWithKey();
    const store = open(path, { busyTimeoutMs: 50 });
    const before = tableContents(path);
    const other = new Database(path);
    try {
      other.exec('begin immediate');
      other.exec("insert into sources (slug, file, title, genre) values ('held', 'held.txt', 'Held', 'news')");
      const started = performance.now();
      const error = caught(() => create(store, keyId, 'while-locked', 'busy-1'));
      expect(performance.now() - started).toBeGreaterThanOrEqual(40);
      expect(error).toMatchObject({ code: 'BUSY', retryable: true, retryAfterSeconds: 1 });
      expectNothingWrittenAndReadsWork(store, path, before);
      other.exec('rollback');
    } finally {
      other.close();
    }
    expectRetrySucceeds(store, keyId, 'while-locked', 'busy-1');
  });
});

describe('opening read-only', () => {
  it('serves a database with every migration applied, without writing to it', () => {
    const { path } = seededWithKey();
    const before = tableContents(path);
    const store = open(path, { readOnly: true });
    expect(store.$client.readonly).toBe(true);
    expect(idsBySlugs(store, 'events', ['2016-druzhba-exercise']).size).toBe(1);
    closeStore(store);
    expect(tableContents(path)).toEqual(before);
  });

  it('refuses a database that lacks migrations, naming them', () => {
    const { path } = seededWithKey();
    const raw = new Database(path);
    const last = raw.prepare('select name from __drizzle_migrations order by id desc limit 1').pluck().get() as string;
    raw.prepare('delete from __drizzle_migrations where name = ?').run(last);
    raw.close();
    let error: unknown;
    try {
      open(path, { readOnly: true });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'STORAGE_READ_ONLY' });
    expect((error as StorageError).detail).toContain(`the database lacks 1 migration(s) this checkout needs (${last})`);
  });

  it('refuses a database that does not exist instead of creating it', () => {
    const path = join(temporaryDirectory(), 'missing.db');
    expect(() => open(path, { readOnly: true })).toThrow(StorageError);
    expect(() => open(path, { readOnly: true })).toThrow(/read-only/);
  });
});

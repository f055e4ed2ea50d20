import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../db/client.ts';
import { events, idempotencyKeys, revisions } from '../db/schema.ts';
import { readEventRecord } from '../records/read-records.ts';
import { fixtureVisit, openFixtureStore } from '../testing/fixture-store.ts';
import { CurationError } from './errors.ts';
import { createApiKey } from './keys.ts';
import { saveRecord } from './save-record.ts';

const newEvent = { ...fixtureVisit('2019-test-visit', 'A test visit'), summary: 'Someone visited someone.' };

let store: Store;
let editor: { keyId: number };
const countRows = () => ({
  events: store.select().from(events).all().length,
  revisions: store.select().from(revisions).all().length,
});
const userErrorsOf = (write: () => unknown) => {
  try {
    write();
  } catch (error) {
    if (error instanceof CurationError) return error.userErrors;
    throw error;
  }
  throw new Error('expected the write to be rejected');
};

beforeEach(() => {
  store = openFixtureStore();
  editor = { keyId: createApiKey(store, 'write', 'test').key.id };
});
afterEach(() => closeStore(store));

describe('saveRecord', () => {
  it('creates a record at version 1 with a revision holding the record', () => {
    const saved = saveRecord(store, 'event', { operation: 'create', change: () => newEvent }, editor);
    expect(saved.version).toBe(1);
    const revision = store
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, 'event'), eq(revisions.entityId, saved.id)))
      .get()!;
    expect(revision).toMatchObject({
      entityType: 'event',
      entitySlug: '2019-test-visit',
      version: 1,
      operation: 'create',
      keyId: editor.keyId,
      before: null,
    });
    expect(JSON.parse(revision.after!)).toEqual(readEventRecord(store, saved.id));
  });

  it('updates from the current record, bumps the version and keeps before and after', () => {
    const { id } = saveRecord(store, 'event', { operation: 'create', change: () => newEvent }, editor);
    const saved = saveRecord(
      store,
      'event',
      { id, expectedVersion: 1, operation: 'update', change: (current) => ({ ...current!, title: 'A renamed visit' }) },
      editor,
    );
    expect(saved.version).toBe(2);
    const revision = store
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, 'event'), eq(revisions.entityId, id), eq(revisions.version, 2)))
      .get()!;
    expect(JSON.parse(revision.before!).title).toBe('A test visit');
    expect(JSON.parse(revision.after!).title).toBe('A renamed visit');
  });

  it('leaves the version and the revisions alone when the change leaves the record as it was', () => {
    const { id } = saveRecord(store, 'event', { operation: 'create', change: () => newEvent }, editor);
    const before = countRows();
    const same = saveRecord(
      store,
      'event',
      { id, expectedVersion: 1, operation: 'update', change: (current) => ({ ...current!, title: ' A test visit ' }) },
      editor,
    );
    expect(same).toEqual({ id, version: 1, replayed: false, unchanged: true });
    expect(countRows()).toEqual(before);
    expect(store.select().from(events).where(eq(events.id, id)).get()!.version).toBe(1);
  });

  it('rejects a stale expected version and writes nothing', () => {
    const { id } = saveRecord(store, 'event', { operation: 'create', change: () => newEvent }, editor);
    saveRecord(
      store,
      'event',
      { id, operation: 'update', change: (current) => ({ ...current!, title: 'First edit' }) },
      editor,
    );
    const before = countRows();
    expect(
      userErrorsOf(() =>
        saveRecord(
          store,
          'event',
          { id, expectedVersion: 1, operation: 'update', change: (current) => ({ ...current!, title: 'Late edit' }) },
          editor,
        ),
      ),
    ).toEqual([expect.objectContaining({ field: 'expectedVersion', code: 'STALE_VERSION' })]);
    expect(countRows()).toEqual(before);
    expect(readEventRecord(store, id)!.title).toBe('First edit');
  });

  it('reports every problem at once, with field paths, and writes nothing', () => {
    const before = countRows();
    const errors = userErrorsOf(() =>
      saveRecord(
        store,
        'event',
        {
          operation: 'create',
          change: () => ({
            ...newEvent,
            date: '2023-02-29',
            participants: [{ actor: 'nobody', role: 'host' }],
            amount: { value: '1e9', currency: 'XXXX' },
          }),
        },
        editor,
      ),
    );
    expect(errors.map((error) => error.field).sort()).toEqual(['amount.currency', 'amount.value', 'date']);
    expect(countRows()).toEqual(before);

    const references = userErrorsOf(() =>
      saveRecord(
        store,
        'event',
        {
          operation: 'create',
          change: () => ({
            ...newEvent,
            slug: '2014-russia-lifts-arms-embargo',
            participants: [
              { actor: 'nobody', role: 'host' },
              { actor: 'russia', role: 'host' },
              { actor: 'russia', role: 'host' },
            ],
          }),
        },
        editor,
      ),
    );
    // Every problem at once, and no others.
    expect(references.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'slug', code: 'TAKEN' },
      { field: 'participants[0].actor', code: 'NOT_FOUND' },
      { field: 'participants[2]', code: 'INVALID' },
    ]);
    expect(countRows()).toEqual(before);
  });

  it('replays an idempotent retry without writing again, and refuses the key for another input', () => {
    const idempotency = { key: 'retry-1', operation: 'createEvent', input: newEvent };
    const first = saveRecord(store, 'event', { operation: 'create', change: () => newEvent, idempotency }, editor);
    const before = countRows();
    expect(saveRecord(store, 'event', { operation: 'create', change: () => newEvent, idempotency }, editor)).toEqual({
      ...first,
      replayed: true,
    });
    expect(countRows()).toEqual(before);
    const other = { ...newEvent, slug: '2019-other-visit' };
    expect(
      userErrorsOf(() =>
        saveRecord(
          store,
          'event',
          { operation: 'create', change: () => other, idempotency: { ...idempotency, input: other } },
          editor,
        ),
      ),
    ).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
    expect(store.select().from(idempotencyKeys).all()).toHaveLength(1);
  });

  it('refuses an idempotency key over 200 characters or holding control characters, writing nothing', () => {
    const before = countRows();
    const attempt = (key: string) =>
      userErrorsOf(() =>
        saveRecord(
          store,
          'event',
          {
            operation: 'create',
            change: () => newEvent,
            idempotency: { key, operation: 'createEvent', input: newEvent },
          },
          editor,
        ),
      );
    expect(attempt('k'.repeat(201))).toEqual([
      { field: 'idempotencyKey', code: 'INVALID', message: expect.stringContaining('at most 200 characters; got 201') },
    ]);
    expect(attempt('key-\ud800')).toEqual([
      { field: 'idempotencyKey', code: 'INVALID', message: expect.stringContaining('U+D800') },
    ]);
    expect(countRows()).toEqual(before);
    expect(store.select().from(idempotencyKeys).all()).toHaveLength(0);
  });

  it('archives and restores an event as new versions, never deleting it', () => {
    const { id } = saveRecord(store, 'event', { operation: 'create', change: () => newEvent }, editor);
    saveRecord(
      store,
      'event',
      { id, operation: 'archive', change: (current) => ({ ...current!, archived: true as const }) },
      editor,
    );
    expect(store.select().from(events).where(eq(events.id, id)).get()!.archivedAt).not.toBeNull();
    const restored = saveRecord(
      store,
      'event',
      { id, operation: 'restore', change: (current) => ({ ...current!, archived: undefined }) },
      editor,
    );
    expect(restored.version).toBe(3);
    expect(store.select().from(events).where(eq(events.id, id)).get()!.archivedAt).toBeNull();
  });
});

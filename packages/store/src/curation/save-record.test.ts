import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStore, openStore, type Store } from '../db/client.ts';
import { actors, events, figures, idempotencyKeys, revisions, sources } from '../db/schema.ts';
import { readActorRecord, readEventRecord, readSourceRecord } from '../records/read-records.ts';
import { removeTemporaryDirectories, seededDatabaseFile, temporaryDirectory } from '../testing/database-files.ts';
import { fixtureVisit, openFixtureStore } from '../testing/fixture-store.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { CurationError } from './errors.ts';
import { createApiKey } from './keys.ts';
import { MAX_IDEMPOTENCY_KEY_LENGTH, type SaveRequest, saveRecord } from './save-record.ts';

const newEvent = { ...fixtureVisit('2019-test-visit', 'A test visit'), summary: 'Someone visited someone.' };

let store: Store;
let editor: { keyId: number };
const countRows = () => ({
  events: store.select().from(events).all().length,
  actors: store.select().from(actors).all().length,
  sources: store.select().from(sources).all().length,
  figures: store.select().from(figures).all().length,
  revisions: store.select().from(revisions).all().length,
});
const retitle = (id: number, title: string, expectedVersion?: number) =>
  saveRecord(
    store,
    'event',
    { id, expectedVersion, operation: 'update', change: (event) => ({ ...event!, title }) },
    editor,
  );
const refusalOfCreate = (type: EntityType, record: object) =>
  userErrorsOf(() => saveRecord(store, type, { operation: 'create', change: () => record }, editor));
const update = <T extends EntityType>(type: T, id: number, change: SaveRequest<T>['change']) =>
  saveRecord(store, type, { id, operation: 'update', change }, editor);
const idOf = (table: typeof actors | typeof sources, slug: string) =>
  store.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()!.id;
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
    retitle(id, 'First edit');
    retitle(id, 'Second edit');
    const before = countRows();
    expect(userErrorsOf(() => retitle(id, 'Late edit', 2))).toEqual([
      {
        field: 'expectedVersion',
        code: 'STALE_VERSION',
        message:
          'The event is at version 3, not 2: someone changed it since you read it. Read it again, reapply your change and send the new version.',
      },
    ]);
    // A version from the future is as wrong as one from the past.
    expect(userErrorsOf(() => retitle(id, 'Late edit', 4))).toEqual([
      expect.objectContaining({ code: 'STALE_VERSION' }),
    ]);
    expect(countRows()).toEqual(before);
    expect(readEventRecord(store, id)!.title).toBe('Second edit');
    expect(retitle(id, 'On time', 3).version).toBe(4);
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
    expect(attempt('k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1))).toEqual([
      {
        field: 'idempotencyKey',
        code: 'INVALID',
        message: 'must be at most 200 characters; got 201. A UUID (36 characters) is a good key.',
      },
    ]);
    expect(attempt('key-\ud800')).toEqual([
      {
        field: 'idempotencyKey',
        code: 'INVALID',
        message: expect.stringMatching(
          /^must not contain control characters or lone surrogates \(found U\+D800[^)]*\)\. A UUID is a good key\.$/,
        ),
      },
    ]);
    expect(countRows()).toEqual(before);
    expect(store.select().from(idempotencyKeys).all()).toHaveLength(0);
    // 200 characters is allowed: the limit is a maximum, not a bound to stay under.
    expect(
      saveRecord(
        store,
        'event',
        {
          operation: 'create',
          change: () => newEvent,
          idempotency: { key: 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH), operation: 'createEvent', input: newEvent },
        },
        editor,
      ).replayed,
    ).toBe(false);
    expect(MAX_IDEMPOTENCY_KEY_LENGTH).toBe(200);
  });

  it('archives and restores an event as new versions, never deleting it', () => {
    const { id } = saveRecord(store, 'event', { operation: 'create', change: () => newEvent }, editor);
    const archivedAt = () => store.select().from(events).where(eq(events.id, id)).get()!.archivedAt;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
      saveRecord(
        store,
        'event',
        { id, operation: 'archive', change: (current) => ({ ...current!, archived: true as const }) },
        editor,
      );
      expect(archivedAt()).toBe('2026-03-01T10:00:00.000Z');
      // An edit to an archived event keeps the time it was archived.
      vi.setSystemTime(new Date('2026-04-01T10:00:00Z'));
      expect(retitle(id, 'Edited while archived').version).toBe(3);
      expect(archivedAt()).toBe('2026-03-01T10:00:00.000Z');
    } finally {
      vi.useRealTimers();
    }
    const restored = saveRecord(
      store,
      'event',
      { id, operation: 'restore', change: (current) => ({ ...current!, archived: undefined }) },
      editor,
    );
    expect(restored.version).toBe(4);
    expect(archivedAt()).toBeNull();
  });

  it('refuses a write to an ID that does not exist, naming the kind, and creates nothing in its place', () => {
    const before = countRows();
    for (const type of ['event', 'actor', 'source', 'figure'] as const) {
      expect(
        userErrorsOf(() =>
          saveRecord(store, type, { id: 9999, operation: 'update', change: () => newEvent as never }, editor),
        ),
      ).toEqual([
        {
          field: 'id',
          code: 'NOT_FOUND',
          message: `No ${type} has this ID; it may have been merged or never existed.`,
        },
      ]);
    }
    expect(countRows()).toEqual(before);
  });

  it('says which slug or file is taken, and lets each kind of record keep its own on update', () => {
    expect(refusalOfCreate('event', { ...newEvent, slug: '2016-druzhba-exercise' })).toEqual([
      {
        field: 'slug',
        code: 'TAKEN',
        message: 'Another event already has the slug "2016-druzhba-exercise"; choose another.',
      },
    ]);
    const journal = readSourceRecord(store, idOf(sources, 'fixture-journal'))!;
    const newsId = idOf(sources, 'fixture-news');
    expect(userErrorsOf(() => update('source', newsId, (news) => ({ ...news!, file: journal.file })))).toEqual([
      {
        field: 'file',
        code: 'TAKEN',
        message: `Another source already has the file "${journal.file}"; choose another.`,
      },
    ]);
    // Each kind keeps its own slug (and a source its own file) through an update.
    const figureId = store.select().from(figures).get()!.id;
    const updated = [
      update('source', newsId, (news) => ({ ...news!, title: 'Retitled' })),
      update('actor', idOf(actors, 'russia'), (russia) => ({ ...russia!, name: 'Russia (RF)' })),
      update('figure', figureId, (figure) => ({ ...figure!, label: 'Trade, 2023' })),
    ];
    expect(updated.map(({ version, unchanged }) => ({ version, unchanged }))).toEqual(
      Array(3).fill({ version: 2, unchanged: undefined }),
    );
  });

  it('counts a new record as itself only: a link or predecessor to itself is refused for that reason alone', () => {
    const before = countRows();
    expect(refusalOfCreate('event', { ...newEvent, links: [{ type: 'follows', event: newEvent.slug }] })).toEqual([
      { field: 'links[0].event', code: 'INVALID', message: 'an event cannot link to itself' },
    ]);
    expect(
      refusalOfCreate('actor', { slug: 'an-envoy', name: 'An Envoy', kind: 'person', predecessor: 'an-envoy' }),
    ).toEqual([{ field: 'predecessor', code: 'INVALID', message: 'an actor cannot be its own predecessor' }]);
    // Its slug is not a record of another kind: citing, listing or linking it is a reference to nothing.
    expect(
      refusalOfCreate('event', {
        ...newEvent,
        participants: [{ actor: newEvent.slug, role: 'visitor' }],
        citations: [{ source: newEvent.slug, paragraph: 3 }],
      }),
    ).toEqual([
      { field: 'citations[0].source', code: 'NOT_FOUND', message: `unknown source "${newEvent.slug}"` },
      { field: 'participants[0].actor', code: 'NOT_FOUND', message: `unknown actor "${newEvent.slug}"` },
    ]);
    const figure = {
      slug: 'a-figure',
      label: 'A figure',
      indicator: 'bilateral_trade',
      period: '2022',
      actors: ['pakistan', 'a-figure'],
      value: '5',
      unit: 'agreements',
      citations: [{ source: 'fixture-news', paragraph: 16 }],
    };
    expect(refusalOfCreate('figure', figure)).toEqual([
      { field: 'actors[1]', code: 'NOT_FOUND', message: 'unknown actor "a-figure"' },
    ]);
    expect(refusalOfCreate('event', { ...newEvent, links: [{ type: 'follows', event: '2099-nothing' }] })).toEqual([
      { field: 'links[0].event', code: 'NOT_FOUND', message: 'unknown event "2099-nothing"' },
    ]);
    expect(countRows()).toEqual(before);
  });

  it("lets an actor change its slug and keep its names, but not take another actor's", () => {
    const id = idOf(actors, 'mikhail-mishustin');
    expect(update('actor', id, (actor) => ({ ...actor!, slug: 'm-mishustin' })).version).toBe(2);
    expect(readActorRecord(store, id)).toMatchObject({ slug: 'm-mishustin', name: 'Mikhail Mishustin' });
    expect(
      userErrorsOf(() => update('actor', id, (actor) => ({ ...actor!, aliases: [...actor!.aliases, 'Moscow'] }))),
    ).toEqual([
      {
        field: 'aliases[1]',
        code: 'INVALID',
        message: '"Moscow" is already a name or alias of actor "russia"; a name must lead to one actor',
      },
    ]);
    expect(refusalOfCreate('actor', { slug: 'a-prime-minister', name: 'Mishustin', kind: 'person' })).toEqual([
      {
        field: 'name',
        code: 'INVALID',
        message: '"Mishustin" is already a name or alias of actor "m-mishustin"; a name must lead to one actor',
      },
    ]);
  });

  it('refuses a key already used for another mutation, even with the same input, and writes nothing', () => {
    const idempotency = { key: 'retry-2', operation: 'createEvent', input: newEvent };
    saveRecord(store, 'event', { operation: 'create', change: () => newEvent, idempotency }, editor);
    const before = countRows();
    const other = { ...newEvent, slug: '2019-another-visit' };
    expect(
      userErrorsOf(() =>
        saveRecord(
          store,
          'event',
          { operation: 'create', change: () => other, idempotency: { ...idempotency, operation: 'importEvent' } },
          editor,
        ),
      ),
    ).toEqual([
      {
        field: 'idempotencyKey',
        code: 'IDEMPOTENCY_KEY_REUSED',
        message:
          'This idempotency key was already used for a different request (createEvent). Use a new key for a new change.',
      },
    ]);
    expect(countRows()).toEqual(before);
    // Keys belong to the API key that sent them: another editor's same key is a new request.
    const otherEditor = { keyId: createApiKey(store, 'write', 'other').key.id };
    const theirs = saveRecord(
      store,
      'event',
      { operation: 'create', change: () => other, idempotency: { ...idempotency, input: other } },
      otherEditor,
    );
    expect(theirs.replayed).toBe(false);
    expect(countRows().events).toBe(before.events + 1);
  });

  it('holds the write lock from reading the version to writing, so another writer cannot slip in between', () => {
    const path = seededDatabaseFile(join(temporaryDirectory(), 'bilateral.db'));
    const fileStore = openStore(path);
    const other = new Database(path, { timeout: 0 });
    try {
      const writer = { keyId: createApiKey(fileStore, 'write', 'test').key.id };
      const { id } = saveRecord(fileStore, 'event', { operation: 'create', change: () => newEvent }, writer);
      let sneaked: unknown;
      const saved = saveRecord(
        fileStore,
        'event',
        {
          id,
          expectedVersion: 1,
          operation: 'update',
          change: (current) => {
            // The version was read; another process tries to change the event now.
            try {
              other.prepare("update events set title = 'Sneaked in', version = version + 1 where id = ?").run(id);
            } catch (error) {
              sneaked = error;
            }
            return { ...current!, title: 'Checked against version 1' };
          },
        },
        writer,
      );
      expect((sneaked as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
      expect(saved.version).toBe(2);
      expect(readEventRecord(fileStore, id)!.title).toBe('Checked against version 1');
    } finally {
      other.close();
      closeStore(fileStore);
      removeTemporaryDirectories();
    }
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStore, openStore } from '../db/client.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { readEventRecord } from '../records/read-records.ts';
import { sqliteDatabaseOf } from '../sqlite/sqlite-store.ts';
import { forEachStore } from '../testing/both-stores.ts';
import { removeTemporaryDirectories, seededDatabaseFile, temporaryDirectory } from '../testing/database-files.ts';
import { fixtureVisit } from '../testing/fixture-store.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { CurationError } from './errors.ts';
import { createApiKey } from './keys.ts';
import { MAX_IDEMPOTENCY_KEY_LENGTH, type SaveRequest, saveRecord } from './save-record.ts';

const newEvent = { ...fixtureVisit('2019-test-visit', 'A test visit'), summary: 'Someone visited someone.' };

/** The user errors a write was refused with; fails when it was not refused. */
async function userErrorsOf(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    if (error instanceof CurationError) return error.userErrors;
    throw error;
  }
  throw new Error('expected the write to be rejected');
}

forEachStore(
  'saveRecord',
  (underTest) => {
    let editor: { keyId: number };
    const store = (): BilateralStore => underTest.store;
    const countRows = async () =>
      (
        await underTest.sql(
          `select ${['events', 'actors', 'sources', 'figures', 'revisions', 'idempotency_keys']
            .map((table) => `cast((select count(*) from ${table}) as integer) as ${table}`)
            .join(', ')}`,
        )
      )[0] as Record<'events' | 'actors' | 'sources' | 'figures' | 'revisions' | 'idempotency_keys', number>;
    const save = <T extends EntityType>(type: T, request: SaveRequest<T>, by = editor) =>
      store().saveRecord(type, request, by);
    const create = (change: () => object = () => newEvent) => save('event', { operation: 'create', change: change });
    const retitle = (id: number, title: string, expectedVersion?: number) =>
      save('event', { id, expectedVersion, operation: 'update', change: (event) => ({ ...event!, title }) });
    const refusalOfCreate = (type: EntityType, record: object) =>
      userErrorsOf(() => save(type, { operation: 'create', change: () => record as never }));
    const update = <T extends EntityType>(type: T, id: number, change: SaveRequest<T>['change']) =>
      save(type, { id, operation: 'update', change });
    beforeEach(async () => {
      editor = { keyId: (await store().createApiKey('write', 'test')).key.id };
    });
    const eventOf = async (id: number) => (await store().eventsByIds([id]))[0]!;
    const revision = async (id: number, version: number) =>
      (await store().revisionsOf('event', id, 100)).find((row) => row.version === version)!;

    it('creates a record at version 1 with a revision holding the record', async () => {
      const saved = await create();
      expect(saved.version).toBe(1);
      const created = await revision(saved.id, 1);
      expect(created).toMatchObject({
        entityType: 'event',
        entitySlug: '2019-test-visit',
        version: 1,
        operation: 'create',
        keyId: editor.keyId,
        before: null,
      });
      expect(JSON.parse(created.after!)).toMatchObject(newEvent);
      // The whole record as it reads back, where the store can read one (PostgreSQL: readAllRecords to come).
      if (!underTest.postgres)
        expect(JSON.parse(created.after!)).toEqual(readEventRecord(sqliteDatabaseOf(store()), saved.id));
    });

    it('updates from the current record, bumps the version and keeps before and after', async () => {
      const { id } = await create();
      const saved = await save('event', {
        id,
        expectedVersion: 1,
        operation: 'update',
        change: (current) => ({ ...current!, title: 'A renamed visit' }),
      });
      expect(saved.version).toBe(2);
      const updated = await revision(id, 2);
      expect(JSON.parse(updated.before!).title).toBe('A test visit');
      expect(JSON.parse(updated.after!).title).toBe('A renamed visit');
    });

    it('leaves the version and the revisions alone when the change leaves the record as it was', async () => {
      const { id } = await create();
      const before = await countRows();
      const same = await save('event', {
        id,
        expectedVersion: 1,
        operation: 'update',
        change: (current) => ({ ...current!, title: ' A test visit ' }),
      });
      expect(same).toEqual({ id, version: 1, replayed: false, unchanged: true });
      expect(await countRows()).toEqual(before);
      expect((await eventOf(id)).version).toBe(1);
    });

    it('rejects a stale expected version and writes nothing', async () => {
      const { id } = await create();
      await retitle(id, 'First edit');
      await retitle(id, 'Second edit');
      const before = await countRows();
      expect(await userErrorsOf(() => retitle(id, 'Late edit', 2))).toEqual([
        {
          field: 'expectedVersion',
          code: 'STALE_VERSION',
          message:
            'The event is at version 3, not 2: someone changed it since you read it. Read it again, reapply your change and send the new version.',
        },
      ]);
      // A version from the future is as wrong as one from the past.
      expect(await userErrorsOf(() => retitle(id, 'Late edit', 4))).toEqual([
        expect.objectContaining({ code: 'STALE_VERSION' }),
      ]);
      expect(await countRows()).toEqual(before);
      expect((await eventOf(id)).title).toBe('Second edit');
      expect((await retitle(id, 'On time', 3)).version).toBe(4);
    });

    it('reports every problem at once, with field paths, and writes nothing', async () => {
      const before = await countRows();
      const errors = await userErrorsOf(() =>
        create(() => ({
          ...newEvent,
          date: '2023-02-29',
          participants: [{ actor: 'nobody', role: 'host' }],
          amount: { value: '1e9', currency: 'XXXX' },
        })),
      );
      expect(errors.map((error) => error.field).sort()).toEqual(['amount.currency', 'amount.value', 'date']);
      expect(await countRows()).toEqual(before);

      const references = await userErrorsOf(() =>
        create(() => ({
          ...newEvent,
          slug: '2014-russia-lifts-arms-embargo',
          participants: [
            { actor: 'nobody', role: 'host' },
            { actor: 'russia', role: 'host' },
            { actor: 'russia', role: 'host' },
          ],
        })),
      );
      // Every problem at once, and no others.
      expect(references.map(({ field, code }) => ({ field, code }))).toEqual([
        { field: 'slug', code: 'TAKEN' },
        { field: 'participants[0].actor', code: 'NOT_FOUND' },
        { field: 'participants[2]', code: 'INVALID' },
      ]);
      expect(await countRows()).toEqual(before);
    });

    it('replays an idempotent retry without writing again, and refuses the key for another input', async () => {
      const idempotency = { key: 'retry-1', operation: 'createEvent', input: newEvent };
      const first = await save('event', { operation: 'create', change: () => newEvent, idempotency });
      const before = await countRows();
      expect(await save('event', { operation: 'create', change: () => newEvent, idempotency })).toEqual({
        ...first,
        replayed: true,
      });
      expect(await countRows()).toEqual(before);
      const other = { ...newEvent, slug: '2019-other-visit' };
      expect(
        await userErrorsOf(() =>
          save('event', { operation: 'create', change: () => other, idempotency: { ...idempotency, input: other } }),
        ),
      ).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
      expect((await countRows()).idempotency_keys).toBe(1);
    });

    it('refuses an idempotency key over 200 characters or holding control characters, writing nothing', async () => {
      const before = await countRows();
      const attempt = (key: string) =>
        userErrorsOf(() =>
          save('event', {
            operation: 'create',
            change: () => newEvent,
            idempotency: { key, operation: 'createEvent', input: newEvent },
          }),
        );
      expect(await attempt('k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1))).toEqual([
        {
          field: 'idempotencyKey',
          code: 'INVALID',
          message: 'must be at most 200 characters; got 201. A UUID (36 characters) is a good key.',
        },
      ]);
      expect(await attempt('key-\ud800')).toEqual([
        {
          field: 'idempotencyKey',
          code: 'INVALID',
          message: expect.stringMatching(
            /^must not contain control characters or lone surrogates \(found U\+D800[^)]*\)\. A UUID is a good key\.$/,
          ),
        },
      ]);
      expect(await countRows()).toEqual(before);
      expect(before.idempotency_keys).toBe(0);
      // 200 characters is allowed: the limit is a maximum, not a bound to stay under.
      const longest = await save('event', {
        operation: 'create',
        change: () => newEvent,
        idempotency: { key: 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH), operation: 'createEvent', input: newEvent },
      });
      expect(longest.replayed).toBe(false);
      expect(MAX_IDEMPOTENCY_KEY_LENGTH).toBe(200);
    });

    it('archives and restores an event as new versions, never deleting it', async () => {
      const { id } = await create();
      const archivedAt = async () => (await eventOf(id)).archivedAt;
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
        await save('event', {
          id,
          operation: 'archive',
          change: (current) => ({ ...current!, archived: true as const }),
        });
        expect(await archivedAt()).toBe('2026-03-01T10:00:00.000Z');
        // An edit to an archived event keeps the time it was archived.
        vi.setSystemTime(new Date('2026-04-01T10:00:00Z'));
        expect((await retitle(id, 'Edited while archived')).version).toBe(3);
        expect(await archivedAt()).toBe('2026-03-01T10:00:00.000Z');
      } finally {
        vi.useRealTimers();
      }
      const restored = await save('event', {
        id,
        operation: 'restore',
        change: (current) => ({ ...current!, archived: undefined }),
      });
      expect(restored.version).toBe(4);
      expect(await archivedAt()).toBeNull();
    });

    it('refuses a write to an ID that does not exist, naming the kind, and creates nothing in its place', async () => {
      const before = await countRows();
      for (const type of ['event', 'actor', 'source', 'figure'] as const) {
        expect(
          await userErrorsOf(() => save(type, { id: 9999, operation: 'update', change: () => newEvent as never })),
        ).toEqual([
          {
            field: 'id',
            code: 'NOT_FOUND',
            message: `No ${type} has this ID; it may have been merged or never existed.`,
          },
        ]);
      }
      expect(await countRows()).toEqual(before);
    });

    it('says which slug or file is taken, and lets each kind of record keep its own on update', async () => {
      expect(await refusalOfCreate('event', { ...newEvent, slug: '2016-druzhba-exercise' })).toEqual([
        {
          field: 'slug',
          code: 'TAKEN',
          message: 'Another event already has the slug "2016-druzhba-exercise"; choose another.',
        },
      ]);
      const journal = (await store().sourceBySlug('fixture-journal'))!;
      const newsId = (await store().sourceBySlug('fixture-news'))!.id;
      expect(await userErrorsOf(() => update('source', newsId, (news) => ({ ...news!, file: journal.file })))).toEqual([
        {
          field: 'file',
          code: 'TAKEN',
          message: `Another source already has the file "${journal.file}"; choose another.`,
        },
      ]);
      // Each kind keeps its own slug (and a source its own file) through an update.
      const figureId = (await store().listFigures(null, { first: 1 })).rows[0]!.id;
      const russiaId = (await store().actorBySlug('russia'))!.id;
      const updated = [
        await update('source', newsId, (news) => ({ ...news!, title: 'Retitled' })),
        await update('actor', russiaId, (russia) => ({ ...russia!, name: 'Russia (RF)' })),
        await update('figure', figureId, (figure) => ({ ...figure!, label: 'Trade, 2023' })),
      ];
      expect(updated.map(({ version, unchanged }) => ({ version, unchanged }))).toEqual(
        Array(3).fill({ version: 2, unchanged: undefined }),
      );
    });

    it('counts a new record as itself only: a link or predecessor to itself is refused for that reason alone', async () => {
      const before = await countRows();
      expect(
        await refusalOfCreate('event', { ...newEvent, links: [{ type: 'follows', event: newEvent.slug }] }),
      ).toEqual([{ field: 'links[0].event', code: 'INVALID', message: 'an event cannot link to itself' }]);
      expect(
        await refusalOfCreate('actor', { slug: 'an-envoy', name: 'An Envoy', kind: 'person', predecessor: 'an-envoy' }),
      ).toEqual([{ field: 'predecessor', code: 'INVALID', message: 'an actor cannot be its own predecessor' }]);
      // Its slug is not a record of another kind: citing, listing or linking it is a reference to nothing.
      expect(
        await refusalOfCreate('event', {
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
      expect(await refusalOfCreate('figure', figure)).toEqual([
        { field: 'actors[1]', code: 'NOT_FOUND', message: 'unknown actor "a-figure"' },
      ]);
      expect(
        await refusalOfCreate('event', { ...newEvent, links: [{ type: 'follows', event: '2099-nothing' }] }),
      ).toEqual([{ field: 'links[0].event', code: 'NOT_FOUND', message: 'unknown event "2099-nothing"' }]);
      expect(await countRows()).toEqual(before);
    });

    it("lets an actor change its slug and keep its names, but not take another actor's", async () => {
      const id = (await store().actorBySlug('mikhail-mishustin'))!.id;
      expect((await update('actor', id, (actor) => ({ ...actor!, slug: 'm-mishustin' }))).version).toBe(2);
      expect((await store().actorsByIds([id]))[0]).toMatchObject({ slug: 'm-mishustin', name: 'Mikhail Mishustin' });
      expect(
        await userErrorsOf(() =>
          update('actor', id, (actor) => ({ ...actor!, aliases: [...actor!.aliases, 'Moscow'] })),
        ),
      ).toEqual([
        {
          field: 'aliases[1]',
          code: 'INVALID',
          message: '"Moscow" is already a name or alias of actor "russia"; a name must lead to one actor',
        },
      ]);
      expect(await refusalOfCreate('actor', { slug: 'a-prime-minister', name: 'Mishustin', kind: 'person' })).toEqual([
        {
          field: 'name',
          code: 'INVALID',
          message: '"Mishustin" is already a name or alias of actor "m-mishustin"; a name must lead to one actor',
        },
      ]);
    });

    it('refuses a key already used for another mutation, even with the same input, and writes nothing', async () => {
      const idempotency = { key: 'retry-2', operation: 'createEvent', input: newEvent };
      await save('event', { operation: 'create', change: () => newEvent, idempotency });
      const before = await countRows();
      const other = { ...newEvent, slug: '2019-another-visit' };
      expect(
        await userErrorsOf(() =>
          save('event', {
            operation: 'create',
            change: () => other,
            idempotency: { ...idempotency, operation: 'importEvent' },
          }),
        ),
      ).toEqual([
        {
          field: 'idempotencyKey',
          code: 'IDEMPOTENCY_KEY_REUSED',
          message:
            'This idempotency key was already used for a different request (createEvent). Use a new key for a new change.',
        },
      ]);
      expect(await countRows()).toEqual(before);
      // Keys belong to the API key that sent them: another editor's same key is a new request.
      const otherEditor = { keyId: (await store().createApiKey('write', 'other')).key.id };
      const theirs = await save(
        'event',
        { operation: 'create', change: () => other, idempotency: { ...idempotency, input: other } },
        otherEditor,
      );
      expect(theirs.replayed).toBe(false);
      expect((await countRows()).events).toBe(before.events + 1);
    });
  },
  { fresh: 'test' },
);

describe('saveRecord on SQLite', () => {
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveRequest } from '../curation/save-record.ts';
import { CurationError, type UserError } from '../errors/curation-error.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { fixtureSeedsDir, fixtureVisit } from '../testing/fixture-store.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { postgresStore } from './postgres-store.ts';
import { WRITE_ATTEMPTS } from './save-record.ts';

const newEvent = { ...fixtureVisit('2019-test-visit', 'A test visit'), summary: 'Someone visited someone.' };

/** What a write answered: its result, or the user errors it was refused with. */
async function outcome(write: Promise<object>): Promise<{ saved?: object; refused?: readonly UserError[] }> {
  try {
    return { saved: await write };
  } catch (error) {
    if (error instanceof CurationError) return { refused: error.userErrors };
    throw error;
  }
}

/** An entity's revisions as a caller sees them, oldest first, without their times and IDs. */
async function history(store: BilateralStore, type: EntityType, id: number) {
  const rows = await store.revisionsOf(type, id, 100);
  return rows.reverse().map(({ version, operation, keyId, before, after, reason }) => ({
    version,
    operation,
    keyId,
    before: before && JSON.parse(before),
    after: after && JSON.parse(after),
    reason,
  }));
}

/**
 * One run of the write path's rules against a store holding the fixture seeds: creates, updates,
 * refusals, replays. Everything the store answered, in order, so two databases can be compared whole.
 */
async function scenario(store: BilateralStore) {
  await store.loadSeeds(fixtureSeedsDir);
  const editor = { keyId: (await store.createApiKey('write', 'test')).key.id };
  const save = <T extends EntityType>(type: T, request: SaveRequest<T>) =>
    outcome(store.saveRecord(type, request, editor));
  const created = await save('event', {
    operation: 'create',
    change: () => newEvent,
    idempotency: { key: 'create-1', operation: 'createEvent', input: newEvent },
  });
  const id = (created.saved as { id: number }).id;
  const retitle = (title: string, expectedVersion?: number) =>
    save('event', {
      id,
      expectedVersion,
      operation: 'update',
      change: (event) => ({ ...event!, title }),
      reason: 'typo',
    });
  const transcript = {
    created,
    replayed: await save('event', {
      operation: 'create',
      change: () => newEvent,
      idempotency: { key: 'create-1', operation: 'createEvent', input: newEvent },
    }),
    keyReused: await save('event', {
      operation: 'create',
      change: () => newEvent,
      idempotency: { key: 'create-1', operation: 'createEvent', input: { ...newEvent, title: 'Other' } },
    }),
    keyTooLong: await save('event', {
      operation: 'create',
      change: () => newEvent,
      idempotency: { key: 'k'.repeat(201), operation: 'createEvent', input: newEvent },
    }),
    slugTaken: await save('event', { operation: 'create', change: () => newEvent }),
    updated: await retitle('A renamed visit', 1),
    stale: await retitle('A stale rename', 1),
    unchanged: await retitle('A renamed visit'),
    invalidShape: await save('event', { id, operation: 'update', change: (event) => ({ ...event!, title: '' }) }),
    badReferences: await save('event', {
      id,
      operation: 'update',
      change: (event) => ({
        ...event!,
        participants: [{ actor: 'nobody-at-all', role: 'host' }],
        links: [{ type: 'follows', event: '2019-test-visit' }],
      }),
    }),
    unknownId: await save('event', { id: 999_999, operation: 'update', change: (event) => event }),
    actorRenamed: await save('actor', {
      id: (await store.actorBySlug('pakistan'))!.id,
      operation: 'update',
      change: (actor) => ({ ...actor!, slug: 'islamic-republic-of-pakistan' }),
    }),
    nameTaken: await save('actor', {
      operation: 'create',
      change: () => ({
        slug: 'pakistan-again',
        name: 'Pakistan',
        kind: 'state',
        aliases: [],
        offices: [],
        citations: [],
      }),
    }),
    sourceCreated: await save('source', {
      operation: 'create',
      change: () => ({
        slug: 'another-source',
        file: 'another.txt',
        title: 'Another',
        genre: 'news',
        paragraphs: 'blank-lines',
      }),
    }),
    archived: await save('event', { id, operation: 'archive', change: (event) => ({ ...event!, archived: true }) }),
  };
  const event = await store.eventBySlug('2019-test-visit');
  return {
    transcript,
    event: event && { title: event.title, version: event.version, archived: event.archivedAt !== null },
    history: await history(store, 'event', id),
    participants: await store.participantsByEventIds([id]),
  };
}

describe('saveRecord on PostgreSQL', () => {
  let sqlite: BilateralStore;
  let postgres: BilateralStore;
  beforeAll(async () => {
    sqlite = openSqliteStore(':memory:');
    postgres = postgresStore(emptyPgliteStore());
  }, 120_000);
  afterAll(async () => {
    await sqlite.close();
    await postgres.close();
  });

  it('answers every write as SQLite does: versions, revisions, refusals, replays, and a refused write changes nothing', async () => {
    const onSqlite = await scenario(sqlite);
    const onPostgres = await scenario(postgres);
    expect(onPostgres).toEqual(onSqlite);
    const { transcript } = onPostgres;
    expect(transcript.created).toEqual({ saved: { id: expect.any(Number), version: 1, replayed: false } });
    expect(transcript.replayed).toEqual({ saved: { ...transcript.created.saved, replayed: true } });
    expect(transcript.keyReused.refused?.map((error) => error.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(transcript.keyTooLong.refused?.map((error) => error.code)).toEqual(['INVALID']);
    expect(transcript.slugTaken.refused?.map((error) => error.code)).toEqual(['TAKEN']);
    expect(transcript.updated.saved).toMatchObject({ version: 2, replayed: false });
    expect(transcript.stale.refused?.map((error) => error.code)).toEqual(['STALE_VERSION']);
    expect(transcript.unchanged.saved).toMatchObject({ version: 2, unchanged: true });
    expect(transcript.invalidShape.refused?.map((error) => error.code)).toEqual(['INVALID']);
    expect(new Set(transcript.badReferences.refused?.map((error) => error.code))).toEqual(
      new Set(['INVALID', 'NOT_FOUND']),
    );
    expect(transcript.unknownId.refused?.map((error) => error.code)).toEqual(['NOT_FOUND']);
    expect(transcript.actorRenamed.saved).toMatchObject({ version: 2 });
    expect(transcript.nameTaken.refused?.map((error) => error.code)).toEqual(['INVALID']);
    expect(onPostgres.participants.map((row) => row.actor.slug)).toContain('islamic-republic-of-pakistan');
    expect(onPostgres.event).toEqual({ title: 'A renamed visit', version: 3, archived: true });
    expect(onPostgres.history.map(({ version, operation }) => `${version} ${operation}`)).toEqual([
      '1 create',
      '2 update',
      '3 archive',
    ]);
  }, 120_000);

  it('runs a write again when PostgreSQL rolls it back for a conflict, and answers BUSY, writing nothing, when conflicts persist', async () => {
    const editor = { keyId: (await postgres.createApiKey('write', 'retries')).key.id };
    // The first test renamed Pakistan.
    const afterRename = (slug: string) => ({
      ...fixtureVisit(slug),
      participants: [
        { actor: 'islamic-republic-of-pakistan', role: 'visitor' },
        { actor: 'russia', role: 'host' },
      ],
    });
    const conflict = (code: string) => Object.assign(new Error('could not serialize access'), { code });
    let calls = 0;
    const saved = await postgres.saveRecord(
      'event',
      {
        operation: 'create',
        change: () => {
          calls++;
          if (calls === 1) throw conflict('40P01');
          return afterRename('2019-retried-visit');
        },
      },
      editor,
    );
    expect(saved).toMatchObject({ version: 1, replayed: false });
    expect(calls).toBe(2);

    calls = 0;
    const always = postgres.saveRecord(
      'event',
      {
        operation: 'create',
        change: () => {
          calls++;
          throw conflict('40001');
        },
        idempotency: { key: 'retried', operation: 'createEvent', input: {} },
      },
      editor,
    );
    await expect(always).rejects.toMatchObject({ code: 'BUSY', retryable: true });
    expect(calls).toBe(WRITE_ATTEMPTS);
    expect(await postgres.eventBySlug('2019-retried-visit')).toMatchObject({ version: 1 });
    expect(
      await postgres.saveRecord(
        'event',
        {
          operation: 'create',
          change: () => afterRename('2019-after-busy'),
          idempotency: { key: 'retried', operation: 'createEvent', input: {} },
        },
        editor,
      ),
    ).toMatchObject({ version: 1, replayed: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CurationError, type UserError } from '../errors/curation-error.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { fixtureSeedsDir } from '../testing/fixture-store.ts';
import { postgresStore } from './postgres-store.ts';

async function outcome(write: Promise<object>): Promise<{ done?: object; refused?: readonly UserError[] }> {
  try {
    return { done: await write };
  } catch (error) {
    if (error instanceof CurationError) return { refused: error.userErrors };
    throw error;
  }
}

/** A merge of a duplicate actor and everything the store answers about it afterwards, for comparing two databases. */
async function scenario(store: BilateralStore) {
  await store.loadSeeds(fixtureSeedsDir);
  const editor = { keyId: (await store.createApiKey('write', 'test')).key.id };
  const { id: duplicate } = await store.saveRecord(
    'actor',
    {
      operation: 'create',
      change: () => ({
        slug: 'rossiya',
        name: 'Rossiya',
        kind: 'state',
        aliases: [{ name: 'Moskva', kind: 'metonym' }],
      }),
    },
    editor,
  );
  const { id: eventId } = await store.saveRecord(
    'event',
    {
      operation: 'create',
      change: () => ({
        slug: '2020-joint-talks',
        title: 'Joint talks',
        summary: 'Talks.',
        kind: 'meeting',
        date: '2020',
        sectors: ['diplomacy'],
        participants: [
          { actor: 'russia', role: 'host' },
          { actor: 'rossiya', role: 'host' },
          { actor: 'pakistan', role: 'visitor' },
        ],
        citations: [{ source: 'fixture-news', paragraph: 30 }],
      }),
    },
    editor,
  );
  const russia = (await store.actorBySlug('russia'))!.id;
  const merge = (from: number, into: number, key?: string) =>
    outcome(
      store.mergeActors(
        {
          from,
          into,
          reason: 'The same state.',
          ...(key && { idempotency: { key, operation: 'mergeActors', input: { from, into } } }),
        },
        editor,
      ),
    );
  const transcript = {
    intoItself: await merge(russia, russia),
    missing: await merge(999_999, russia),
    merged: await merge(duplicate, russia, 'merge-1'),
    replayed: await merge(duplicate, russia, 'merge-1'),
  };
  const revisionsOf = async (type: 'actor' | 'event', id: number) =>
    (await store.revisionsOf(type, id, 10)).map(({ version, operation, before, after, reason }) => ({
      version,
      operation,
      reason,
      before: before && JSON.parse(before),
      after: after && JSON.parse(after),
    }));
  return {
    transcript,
    gone: await store.actorBySlug('rossiya'),
    slugResolves: [...(await store.idsBySlugs('actors', ['rossiya']))],
    participants: (await store.participantsByEventIds([eventId])).map((row) => `${row.actor.slug}/${row.role}`),
    aliases: (await store.aliasesByActorIds([russia])).map((row) => row.name),
    russia: await revisionsOf('actor', russia),
    duplicate: await revisionsOf('actor', duplicate),
    event: await revisionsOf('event', eventId),
    russiaId: russia,
  };
}

describe('mergeActors on PostgreSQL', () => {
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

  it('merges as SQLite does: references moved, names absorbed, a merge revision per record, the slug remembered, a replay answered', async () => {
    const onSqlite = await scenario(sqlite);
    const onPostgres = await scenario(postgres);
    expect(onPostgres).toEqual(onSqlite);
    const { transcript } = onPostgres;
    expect(transcript.intoItself.refused?.map((error) => error.code)).toEqual(['INVALID']);
    expect(transcript.missing.refused?.map((error) => error.code)).toEqual(['NOT_FOUND']);
    expect(transcript.merged.done).toMatchObject({ replayed: false, moved: [{ entityType: 'event', version: 2 }] });
    expect(transcript.replayed.done).toMatchObject({ replayed: true, moved: [] });
    expect(onPostgres.gone).toBeUndefined();
    expect(onPostgres.slugResolves).toEqual([['rossiya', onPostgres.russiaId]]);
    expect(onPostgres.participants).toEqual(['russia/host', 'pakistan/visitor']);
    expect(onPostgres.aliases).toEqual(expect.arrayContaining(['Rossiya', 'Moskva']));
    expect(onPostgres.duplicate.map(({ operation }) => operation)).toEqual(['merge', 'create']);
  }, 120_000);
});

// The export streams answer the same on both databases: one SQLite database copied into PostgreSQL
// (PGlite), every export read with several filters and batch sizes on each, batches compared whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../errors/query-error.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { openSyntheticStore } from '../testing/index.ts';
import { copyIntoPostgres } from '../testing/postgres.ts';

/** Every batch an export stream gives, in order. */
async function batchesOf<Row>(stream: AsyncIterable<readonly Row[]>): Promise<(readonly Row[])[]> {
  const batches: (readonly Row[])[] = [];
  for await (const batch of stream) batches.push(batch);
  return batches;
}

/** A SQLite store and its copy on PostgreSQL, for the tests of one describe block. */
function bothStores(openSqlite: () => Promise<BilateralStore>) {
  const stores = {} as { sqlite: BilateralStore; postgres: BilateralStore };
  beforeAll(async () => {
    stores.sqlite = await openSqlite();
    stores.postgres = await copyIntoPostgres(stores.sqlite);
  }, 120_000);
  afterAll(async () => {
    await stores.postgres.close();
    await stores.sqlite.close();
  });
  return stores;
}

describe('exports on PostgreSQL, against SQLite, over generated events', () => {
  const stores = bothStores(async () => openSyntheticStore(120));

  it('streams every event in date order in the same batches, each batch at most batchSize', async () => {
    const onPostgres = await batchesOf(stores.postgres.exportEvents(null, 50));
    expect(onPostgres.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(onPostgres).toEqual(await batchesOf(stores.sqlite.exportEvents(null, 50)));
    expect(onPostgres[0]![0]).toMatchObject({
      sectors: [expect.any(String)],
      participants: [{ slug: expect.any(String), role: expect.any(String) }, expect.anything()],
      citations: [{ source: 'synthetic-source', paragraph: expect.any(Number) }],
    });
  });

  it('reads the default batch of 500 when none is given, and the same filtered rows', async () => {
    for (const filter of [null, { kinds: ['meeting' as const] }, { from: '2010', sectors: ['energy' as const] }]) {
      const onPostgres = await batchesOf(stores.postgres.exportEvents(filter));
      expect(onPostgres, JSON.stringify(filter)).toEqual(await batchesOf(stores.sqlite.exportEvents(filter)));
      expect(onPostgres.flat().length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('rejects the first read of an export whose filter cannot run, before any row, as SQLite does', async () => {
    for (const filter of [{ from: 'not a date' }, { actors: ['atlantis'] }, { from: '2012', to: '2001' }]) {
      const rejection = async (store: BilateralStore) => {
        const error = await store
          .exportEvents(filter)
          [Symbol.asyncIterator]()
          .next()
          .catch((caught) => caught);
        expect(error, JSON.stringify(filter)).toBeInstanceOf(QueryError);
        return { code: error.code, message: error.message };
      };
      expect(await rejection(stores.postgres)).toEqual(await rejection(stores.sqlite));
    }
  });
});

describe('exports on PostgreSQL, against SQLite, over the project’s seeds', () => {
  const stores = bothStores(async () => {
    const sqlite = openSqliteStore(':memory:');
    await sqlite.loadSeeds(defaultSeedsDir());
    return sqlite;
  });

  it('streams the same events with sectors, participants (and their countries), citations and conflicts', async () => {
    for (const filter of [
      null,
      { includeArchived: true },
      { hasConflicts: true },
      { actors: ['pakistan', 'russia'], actorsMatch: 'all' as const, to: '2015' },
    ]) {
      const onPostgres = await batchesOf(stores.postgres.exportEvents(filter, 7));
      expect(onPostgres, JSON.stringify(filter)).toEqual(await batchesOf(stores.sqlite.exportEvents(filter, 7)));
      expect(onPostgres.flat().length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
    const everything = (await batchesOf(stores.postgres.exportEvents(null))).flat();
    expect(everything.some((row) => row.hasConflicts)).toBe(true);
    expect(everything.some((row) => row.participants.some((participant) => participant.country))).toBe(true);
  });

  it('streams the same actors in ID order with countries, predecessors and aliases, filtered by kind', async () => {
    for (const filter of [
      null,
      { kinds: ['person' as const] },
      { kinds: ['state' as const, 'organization' as const] },
    ]) {
      const onPostgres = await batchesOf(stores.postgres.exportActors(filter, 9));
      expect(onPostgres, JSON.stringify(filter)).toEqual(await batchesOf(stores.sqlite.exportActors(filter, 9)));
      expect(onPostgres.flat().length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
    const actors = (await batchesOf(stores.postgres.exportActors(null))).flat();
    expect(actors.some((row) => row.aliases.length > 0)).toBe(true);
    expect(actors.some((row) => row.country)).toBe(true);
  });
});

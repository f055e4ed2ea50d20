// The SQLite store answers through BilateralStore exactly what the synchronous functions it wraps
// answer; these are the places where the wrapper reshapes something (batches, promised counts, the
// network's parts, a refused write) rather than passing it through.
import { afterAll, describe, expect, it } from 'vitest';
import { CurationError } from '../curation/errors.ts';
import { QueryError } from '../errors/query-error.ts';
import { exportEvents } from '../queries/export.ts';
import { readActorNetwork } from '../queries/network.ts';
import { search } from '../queries/search.ts';
import { fixtureVisit } from '../testing/fixture-store.ts';
import { openSyntheticStore } from '../testing/synthetic-events.ts';
import { SqliteStore } from './sqlite-store.ts';

const database = openSyntheticStore(120);
const store = new SqliteStore(database);
afterAll(() => store.close());

describe('SqliteStore', () => {
  it('streams an export in batches of at most batchSize, every row once, in the order exportEvents gives', async () => {
    const batches = [];
    for await (const batch of store.exportEvents(null, 50)) batches.push(batch);
    expect(batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    const slugs = batches.flat().map((row) => row.event.slug);
    expect(slugs).toEqual([...exportEvents(database, null)].map((row) => row.event.slug));
  });

  it('rejects the first read of an export whose filter cannot run, before any row', async () => {
    const rows = store.exportEvents({ from: 'not a date' })[Symbol.asyncIterator]();
    await expect(rows.next()).rejects.toBeInstanceOf(QueryError);
  });

  it("answers search's total count and ranking limit when asked, as the synchronous search counts them", async () => {
    const found = await store.search('talks', null, { first: 5 });
    const direct = search(database, 'talks', null, { first: 5 });
    expect(found.rows).toEqual(direct.hits);
    expect(found.cursors).toEqual(direct.cursors);
    expect(await found.totalCount()).toBe(direct.totalCount);
    expect(await found.totalCount()).toBeGreaterThan(5);
    expect(await found.rankingLimited()).toBe(false);
  });

  it("answers the network's parts as the synchronous reader does, filtered and not", async () => {
    for (const filter of [null, { sectors: ['defence' as const] }]) {
      const network = await store.readActorNetwork(filter);
      const direct = readActorNetwork(database, filter);
      expect(await network.nodes(5)).toEqual(direct.nodes(5));
      expect(await network.edges(5, 5)).toEqual(direct.edges(5, 5));
      expect(await network.nodeCount()).toBe(direct.nodeCount());
      expect(await network.edgeCount()).toBe(direct.edgeCount());
      expect(network.eventsSince).toEqual(direct.eventsSince);
    }
  });

  it('rejects a refused write with its CurationError and writes nothing', async () => {
    const { key } = await store.createApiKey('write', 'sqlite-store test');
    const before = await store.countEvents({ includeArchived: true });
    const refused = store.saveRecord(
      'event',
      { operation: 'create', change: () => ({ ...fixtureVisit('2019-refused'), participants: [] }) },
      { keyId: key.id },
    );
    await expect(refused).rejects.toBeInstanceOf(CurationError);
    expect(await store.countEvents({ includeArchived: true })).toBe(before);
    expect(await store.eventBySlug('2019-refused')).toBeUndefined();
  });
});

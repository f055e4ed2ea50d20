// The benchmark's correctness check at 1k events: Bilateral's API, the naive graphql-js server and
// the single-statement floor must return the same data for every benchmark query, or the timings
// compare different work.

import { openSyntheticStore } from '@bilateral/store/synthetic';
import { SqliteStore } from '@bilateral/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createBilateralYoga } from '../src/yoga.ts';
import { createFloorHandler } from './baselines/floor.ts';
import { createNaiveHandler } from './baselines/naive.ts';
import type { GraphQLHandler } from './baselines/wire.ts';
import { benchQueries } from './queries.ts';
import { type Answer, checkSameData } from './same-data.ts';

const { store } = openSyntheticStore({ events: 1000 });
const bilateralStore = new SqliteStore(store);
afterAll(() => bilateralStore.close());

const yoga = createBilateralYoga({ store: bilateralStore, logging: false });
const ours: Answer = async (query) =>
  (
    await yoga.fetch('http://bench.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(query.request),
    })
  ).text();
const viaHandler =
  (handler: GraphQLHandler): Answer =>
  async (query) =>
    handler(query.request);
const naive = viaHandler(createNaiveHandler(store.$client));
const floor = viaHandler(createFloorHandler(store.$client));
const queries = benchQueries(store.$client, { depths: [0, 0.5, 0.9] });

describe('benchmark baselines', () => {
  it('return the same data as the API for every benchmark query', async () => {
    const { mismatches } = await checkSameData(queries, { ours, naive, floor });
    expect(mismatches).toEqual([]);
  });

  it('answer with full pages, ranked snippets and year buckets, not empty results that agree trivially', async () => {
    const answers = Object.fromEntries(
      await Promise.all(queries.map(async (query) => [query.name, JSON.parse(await ours(query)).data] as const)),
    );
    expect(answers['event(id:)'].event.title).toBeTruthy();
    expect(answers['page20 @50%'].events.edges).toHaveLength(20);
    expect(answers['page20 @50%'].events.edges[0].node.participants.length).toBeGreaterThanOrEqual(2);
    expect(answers['page100 @90%'].events.edges).toHaveLength(100);
    expect(answers['page20 hub+from @50%'].events.edges).toHaveLength(20);
    const search = answers['search "cooperation"'].search.edges;
    expect(search).toHaveLength(20);
    expect(search[0].node.snippet).toContain('<mark>');
    expect(answers['eventStats(YEAR)'].eventStats.buckets.length).toBeGreaterThan(50);
  });

  it('reports a server that answers different data', async () => {
    const tampered: Answer = async (query) => (await floor(query)).replace(/"title":"[^"]*"/, '"title":"Tampered"');
    const { mismatches } = await checkSameData(queries.slice(0, 2), { ours, tampered });
    expect(mismatches.map((mismatch) => mismatch.server)).toEqual(['tampered', 'tampered']);
    expect(mismatches[0]!.detail).toContain('Tampered');
  });
});

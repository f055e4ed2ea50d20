// The API's promises past the boundaries the three-event fixture cannot reach: exports of several
// batches, a change feed longer than one page, search snippets with markup in the text, stats
// buckets over hundreds of events. The data comes from the store's generator (synthetic-events.ts).
import { closeStore, EXPORT_BATCH_SIZE, type Store } from '@bilateral/store';
import { openSyntheticStore, syntheticEvent } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from './testing/graphql.ts';
import { type BilateralYoga, createBilateralYoga } from './yoga.ts';

/** Two full default batches and a partial third: an export that stops early loses rows. */
const EVENT_COUNT = 2 * EXPORT_BATCH_SIZE + 3;
let store: Store;
let yoga: BilateralYoga;
beforeAll(() => {
  store = openSyntheticStore(EVENT_COUNT);
  yoga = createBilateralYoga({ store, logging: false });
});
afterAll(() => closeStore(store));

const generated = Array.from({ length: EVENT_COUNT }, (_, index) => syntheticEvent(index));

describe('exports stream every batch (docs/exports.md)', () => {
  it('/export/events.jsonl holds every event once, in date order, across several batches', async () => {
    const response = await yoga.fetch('http://bilateral.test/export/events.jsonl');
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(EVENT_COUNT);
    const exported = lines.map((line) => JSON.parse(line) as { slug?: string; date_earliest?: string });
    const slugs = store.$client
      .prepare('select slug from events order by date_earliest, date_latest, id')
      .pluck()
      .all() as string[];
    expect(exported.map((record) => Object.values(record).find((value) => slugs.includes(value as string)))).toEqual(
      slugs,
    );
  });

  it('/export/events.csv has a header and one row per event past the first batch', async () => {
    const response = await yoga.fetch('http://bilateral.test/export/events.csv?kinds=agreement');
    expect(response.status).toBe(200);
    const body = await response.text();
    const agreements = generated.filter((event) => event.kind === 'agreement');
    expect(agreements.length).toBeGreaterThan(EXPORT_BATCH_SIZE / 3);
    for (const event of agreements) expect(body).toContain(event.slug);
    expect(
      generated.filter((event) => event.kind !== 'agreement').some((event) => body.includes(`${event.slug},`)),
    ).toBe(false);
  });
});

describe('the change feed pages with hasMore (docs/sdk.md, changes)', () => {
  const CHANGES = /* GraphQL */ `
    query ($since: String, $first: Int) { changes(since: $since, first: $first) { cursor hasMore revisions { cursor } } }
  `;
  interface Feed {
    changes: { cursor: string; hasMore: boolean; revisions: { cursor: string }[] };
  }

  it('says hasMore on every batch but the last, and the batches join up without gaps or repeats', async () => {
    const seen: string[] = [];
    let since: string | undefined;
    let batches = 0;
    for (;;) {
      const { data, errors } = await execute<Feed>(yoga, CHANGES, { since, first: 100 });
      expect(errors).toBeUndefined();
      batches++;
      seen.push(...data!.changes.revisions.map((revision) => revision.cursor));
      since = data!.changes.cursor;
      if (!data!.changes.hasMore) break;
      expect(data!.changes.revisions).toHaveLength(100);
    }
    expect(batches).toBe(Math.ceil(EVENT_COUNT / 100));
    expect(new Set(seen).size).toBe(EVENT_COUNT);
    const { data } = await execute<Feed>(yoga, CHANGES, { since });
    expect(data!.changes).toEqual({ cursor: since, hasMore: false, revisions: [] });
  });

  it('is exact at the boundary: a batch that takes the last revision has no more', async () => {
    const total = await execute<Feed>(yoga, CHANGES, { since: String(EVENT_COUNT - 100), first: 100 });
    expect(total.data!.changes.hasMore).toBe(false);
    const oneShort = await execute<Feed>(yoga, CHANGES, { since: String(EVENT_COUNT - 101), first: 100 });
    expect(oneShort.data!.changes.hasMore).toBe(true);
  });
});

describe('search snippets are safe HTML (docs/querying.md)', () => {
  it('escapes the markup in the text and marks only the matches', async () => {
    const { data, errors } = await execute<{ search: { edges: { node: { snippet: string } }[] } }>(
      yoga,
      /* GraphQL */ `{ search(query: "brackets", first: 3) { edges { node { snippet } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.search.edges).toHaveLength(3);
    for (const { node } of data!.search.edges) {
      expect(node.snippet).toContain('&lt;angle <mark>brackets</mark>&gt;');
      expect(node.snippet).toContain('&quot;quotes&quot;');
      expect(node.snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>"]/);
    }
  });
});

describe('stats buckets add up to totalCount over hundreds of events', () => {
  it.each(['YEAR', 'DECADE', 'KIND'])(
    '%s buckets sum to totalCount, and to the number of events',
    async (dimension) => {
      const { data, errors } = await execute<{ eventStats: { totalCount: number; buckets: { count: number }[] } }>(
        yoga,
        /* GraphQL */ `query ($groupBy: [StatsDimension!]!) { eventStats(groupBy: $groupBy) { totalCount buckets { count } } }`,
        { groupBy: [dimension] },
      );
      expect(errors).toBeUndefined();
      expect(data!.eventStats.totalCount).toBe(EVENT_COUNT);
      expect(data!.eventStats.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(EVENT_COUNT);
    },
  );

  it('KIND buckets count each kind exactly as generated', async () => {
    const { data } = await execute<{ eventStats: { buckets: { count: number; keys: { value: string }[] }[] } }>(
      yoga,
      /* GraphQL */ `{ eventStats(groupBy: [KIND]) { buckets { count keys { value } } } }`,
    );
    const counted = Object.fromEntries(data!.eventStats.buckets.map((bucket) => [bucket.keys[0]!.value, bucket.count]));
    const expected: Record<string, number> = {};
    for (const event of generated) expected[event.kind.toUpperCase()] = (expected[event.kind.toUpperCase()] ?? 0) + 1;
    expect(counted).toEqual(expected);
  });
});

describe('argument errors carry their codes', () => {
  it('refuses `first` and `last` together with BAD_USER_INPUT', async () => {
    const { data, errors } = await execute(yoga, '{ events(first: 2, last: 2) { totalCount } }');
    expect(data?.events ?? null).toBeNull();
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', argument: 'last' } }]);
  });

  it('refuses a date range that ends before it starts with INVALID_DATE', async () => {
    const { errors } = await execute(yoga, '{ events(filter: { from: "2011", to: "2010" }) { totalCount } }');
    expect(errors).toMatchObject([{ extensions: { code: 'INVALID_DATE', argument: 'filter.from' } }]);
    expect(errors![0]!.message).toBe('filter.from (2011) is after filter.to (2010).');
  });
});

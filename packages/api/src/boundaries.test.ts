// The API's promises past the boundaries the three-event fixture cannot reach: exports of several
// batches, a change feed longer than one page, search snippets with markup in the text, stats
// buckets over hundreds of events. The data comes from the store's generator (synthetic-events.ts).
import { type BilateralStore, EXPORT_BATCH_SIZE } from '@bilateral/store';
import { openSyntheticStore, sqliteDatabaseOf, syntheticEvent } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from './testing/graphql.ts';
import { type BilateralYoga, createBilateralYoga } from './yoga.ts';

/** Two full default batches and a partial third: an export that stops early loses rows. */
const EVENT_COUNT = 2 * EXPORT_BATCH_SIZE + 3;
let store: BilateralStore;
let yoga: BilateralYoga;
beforeAll(() => {
  store = openSyntheticStore(EVENT_COUNT);
  yoga = createBilateralYoga({ store, logging: false });
});
afterAll(() => store.close());

const generated = Array.from({ length: EVENT_COUNT }, (_, index) => syntheticEvent(index));

describe('exports stream every batch (docs/exports.md)', () => {
  it('/export/events.jsonl holds every event once, in date order, across several batches', async () => {
    const response = await yoga.fetch('http://bilateral.test/export/events.jsonl');
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(EVENT_COUNT);
    const exported = lines.map((line) => JSON.parse(line) as { slug?: string; date_earliest?: string });
    const slugs = sqliteDatabaseOf(store)
      .$client.prepare('select slug from events order by date_earliest, date_latest, id')
      .pluck()
      .all() as string[];
    expect(exported.map((record) => Object.values(record).find((value) => slugs.includes(value)))).toEqual(slugs);
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
    query ($since: String, $first: Int) { changes(since: $since, first: $first) { cursor hasMore revisions { cursor slug } } }
  `;
  interface Feed {
    changes: { cursor: string; hasMore: boolean; revisions: { cursor: string; slug: string }[] };
  }
  // The generator writes one revision per event, in index order, so the feed's order is known.
  const generatedSlugs = generated.map((event) => event.slug);

  /** Every batch from `since` to the end of the feed of `over`, checking that only the last says no more. */
  async function walk(over: BilateralYoga, first: number, since?: string) {
    const slugs: string[] = [];
    const batchSizes: number[] = [];
    for (;;) {
      const { data, errors } = await execute<Feed>(over, CHANGES, { since, first });
      expect(errors).toBeUndefined();
      const { revisions, cursor, hasMore } = data!.changes;
      slugs.push(...revisions.map((revision) => revision.slug));
      batchSizes.push(revisions.length);
      expect(cursor).toBe(revisions.at(-1)?.cursor ?? since);
      since = cursor;
      if (!hasMore) return { slugs, batchSizes, cursor };
    }
  }

  it('says hasMore on every batch but the last, and the batches join up without gaps or repeats', async () => {
    const { slugs, batchSizes, cursor } = await walk(yoga, 100);
    expect(slugs).toEqual(generatedSlugs);
    expect(batchSizes).toEqual([...Array(Math.floor(EVENT_COUNT / 100)).fill(100), EVENT_COUNT % 100]);
    const { data } = await execute<Feed>(yoga, CHANGES, { since: cursor });
    expect(data!.changes).toEqual({ cursor, hasMore: false, revisions: [] });
  });

  it.each([7, 59])('walks the whole feed %i at a time, from the start and from deep cursors', async (first) => {
    expect((await walk(yoga, first)).slugs).toEqual(generatedSlugs);
    for (const deep of [EVENT_COUNT - 1, EVENT_COUNT - first, Math.floor(EVENT_COUNT / 2)])
      expect((await walk(yoga, first, String(deep))).slugs).toEqual(generatedSlugs.slice(deep));
  });

  it('sends 100 revisions when first is omitted', async () => {
    const { data } = await execute<Feed>(yoga, CHANGES, {});
    expect(data!.changes.revisions.map((revision) => revision.slug)).toEqual(generatedSlugs.slice(0, 100));
    expect(data!.changes).toMatchObject({ cursor: '100', hasMore: true });
  });

  it('is exact at the boundary: a batch that takes the last revision has no more', async () => {
    for (const first of [1, 2, 100]) {
      const last = await execute<Feed>(yoga, CHANGES, { since: String(EVENT_COUNT - first), first });
      expect(last.data!.changes).toMatchObject({ cursor: String(EVENT_COUNT), hasMore: false });
      expect(last.data!.changes.revisions).toHaveLength(first);
      const oneShort = await execute<Feed>(yoga, CHANGES, { since: String(EVENT_COUNT - first - 1), first });
      expect(oneShort.data!.changes).toMatchObject({ cursor: String(EVENT_COUNT - 1), hasMore: true });
      expect(oneShort.data!.changes.revisions).toHaveLength(first);
    }
  });

  it('neither skips nor repeats revisions committed in the same millisecond', async () => {
    // A seed load or a merge writes many revisions at once: the feed's cursor is the revision, not the time.
    const tied = openSyntheticStore(250);
    try {
      sqliteDatabaseOf(tied).$client.prepare("update revisions set at = '2026-01-01T00:00:00.000Z'").run();
      const over = createBilateralYoga({ store: tied, logging: false });
      for (const first of [7, 100]) expect((await walk(over, first)).slugs).toEqual(generatedSlugs.slice(0, 250));
    } finally {
      tied.close();
    }
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

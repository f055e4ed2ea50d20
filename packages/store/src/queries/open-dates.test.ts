import { beforeAll, expect, it } from 'vitest';
import { OPEN_END_DAY, OPEN_START_DAY } from '../dates/fuzzy-date.ts';
import { forEachStore } from '../testing/both-stores.ts';
import { fixtureVisit } from '../testing/fixture-records.ts';
import type { EventFilter } from './events.ts';

// The fixture's events are dated 2014, 2016-09 and 2024-10; these two add a date with no known start
// ("by March 2014") and one with no known end ("from 2016").
forEachStore('dates with an open end', (underTest) => {
  const slugs = async (filter: EventFilter | null) =>
    (await underTest.store.listEvents(filter, [], { first: 100 })).rows.map((row) => row.slug);

  beforeAll(async () => {
    const { store } = underTest;
    const editor = { keyId: (await store.createApiKey('write', 'open dates')).key.id };
    for (const [slug, date] of [
      ['2014-open-start-visit', '../2014-03'],
      ['2016-open-end-visit', '2016/..'],
    ] as const)
      await store.saveRecord('event', { operation: 'create', change: () => ({ ...fixtureVisit(slug), date }) }, editor);
  });

  it('stores an open side as a stand-in day, so an open start sorts first and an open end after its start', async () => {
    const rows = await underTest.sql<{ slug: string; date_earliest: string; date_latest: string }>(
      "select slug, date_earliest, date_latest from events where slug like '%open%' order by slug",
    );
    expect(rows).toEqual([
      { slug: '2014-open-start-visit', date_earliest: OPEN_START_DAY, date_latest: '2014-03-31' },
      { slug: '2016-open-end-visit', date_earliest: '2016-01-01', date_latest: OPEN_END_DAY },
    ]);
    expect(await slugs(null)).toEqual([
      '2014-open-start-visit',
      '2014-russia-lifts-arms-embargo',
      '2016-open-end-visit',
      '2016-druzhba-exercise',
      '2024-10-trade-pledge',
    ]);
    const newestFirst = await underTest.store.listEvents(null, [{ field: 'date', direction: 'desc' }], { first: 100 });
    expect(newestFirst.rows.map((row) => row.slug).at(-1)).toBe('2014-open-start-visit');
  });

  it('filters an open side as reaching without limit: it may overlap any range on that side, and lies within only an unbounded one', async () => {
    expect(await slugs({ from: '2015', dateMatch: 'overlaps' })).toEqual([
      '2016-open-end-visit',
      '2016-druzhba-exercise',
      '2024-10-trade-pledge',
    ]);
    expect(await slugs({ to: '2013', dateMatch: 'overlaps' })).toEqual(['2014-open-start-visit']);
    expect(await slugs({ to: '2014' })).toEqual(['2014-open-start-visit', '2014-russia-lifts-arms-embargo']);
    expect(await slugs({ from: '2000', to: '2014' })).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(await slugs({ from: '2016' })).toContain('2016-open-end-visit');
    expect(await slugs({ from: '2016', to: '2030' })).not.toContain('2016-open-end-visit');
    expect(await slugs({ from: '2016', to: '2030', dateMatch: 'overlaps' })).toContain('2016-open-end-visit');
  });

  it('never counts an open date in a year: it lands in the span bucket, and the year breakdown still adds up', async () => {
    const { buckets, totalCount } = await underTest.store.eventStats(null, ['year']);
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(totalCount);
    const spans = buckets.filter((bucket) => bucket.keys[0]!.value === null).map((bucket) => bucket.keys[0]!.span);
    expect(spans).toEqual(expect.arrayContaining([`${OPEN_START_DAY}/2014-03-31`, `2016-01-01/${OPEN_END_DAY}`]));
    expect(buckets.find((bucket) => bucket.keys[0]!.value === '2014')?.count).toBe(1);
  });
});

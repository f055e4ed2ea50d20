// Rules that only bite past a boundary, over a few hundred generated events: deep cursors, ties
// on every sort key, exports over several batches and date ranges at their edges.
import { expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import { QueryError } from '../errors/query-error.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { forEachStore } from '../testing/both-stores.ts';
import { openSyntheticStore, SYNTHETIC_KINDS, SYNTHETIC_TITLES } from '../testing/synthetic-events.ts';
import type { EventFilter, EventOrder } from './events.ts';
import { MAX_PAGE_SIZE } from './pagination.ts';

const EVENT_COUNT = 303;
const dataset = { built: () => openSyntheticStore(EVENT_COUNT) };

/** The generated rows as written, IDs included (both databases keep them): what the answers are checked against. */
const allRows = (() => {
  const source = dataset.built();
  try {
    return source.$client.prepare('select id, slug, title, kind, date_earliest, date_latest from events').all() as {
      id: number;
      slug: string;
      title: string;
      kind: string;
      date_earliest: string;
      date_latest: string;
    }[];
  } finally {
    closeStore(source);
  }
})();

type Comparable = string | number;
const compare = (a: Comparable, b: Comparable) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order docs/querying.md promises, computed in JavaScript: the sort keys (a kind sorts by kind,
 * then date), then the event's ID in the direction of the last key.
 */
function expectedSlugs(order: readonly EventOrder[]): string[] {
  const effective = order.length ? order : [{ field: 'date', direction: 'asc' } as const];
  const keysOf = (row: (typeof allRows)[number], field: EventOrder['field']): Comparable[] =>
    field === 'date'
      ? [row.date_earliest, row.date_latest]
      : field === 'title'
        ? [row.title]
        : [row.kind, row.date_earliest, row.date_latest];
  return [...allRows]
    .sort((a, b) => {
      for (const { field, direction } of effective) {
        const [left, right] = [keysOf(a, field), keysOf(b, field)];
        for (let index = 0; index < left.length; index++) {
          const result = compare(left[index]!, right[index]!);
          if (result) return direction === 'asc' ? result : -result;
        }
      }
      return effective.at(-1)!.direction === 'asc' ? a.id - b.id : b.id - a.id;
    })
    .map((row) => row.slug);
}

async function walkForwards(store: BilateralStore, order: readonly EventOrder[], size: number) {
  const slugs: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await store.listEvents(null, order, { first: size, after });
    pages++;
    expect(page.hasPreviousPage).toBe(after !== undefined);
    slugs.push(...page.rows.map((row) => row.slug));
    if (!page.hasNextPage) return { slugs, pages };
    after = page.cursors.at(-1);
  }
}

async function walkBackwards(store: BilateralStore, order: readonly EventOrder[], size: number) {
  const slugs: string[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await store.listEvents(null, order, { last: size, before });
    expect(page.hasNextPage).toBe(before !== undefined);
    slugs.unshift(...page.rows.map((row) => row.slug));
    if (!page.hasPreviousPage) return slugs;
    before = page.cursors[0];
  }
}

const ORDERS: EventOrder[][] = [
  [],
  [{ field: 'date', direction: 'desc' }],
  [{ field: 'title', direction: 'asc' }],
  [{ field: 'title', direction: 'desc' }],
  [{ field: 'kind', direction: 'asc' }],
  [{ field: 'kind', direction: 'desc' }],
  [
    { field: 'kind', direction: 'asc' },
    { field: 'title', direction: 'desc' },
    { field: 'date', direction: 'asc' },
  ],
];

forEachStore(
  'keyset paging past the first page, with ties on every sort key',
  (underTest) => {
    it('the generated data really has ties on every key', () => {
      expect(new Set(allRows.map((row) => row.title)).size).toBe(SYNTHETIC_TITLES.length);
      expect(new Set(allRows.map((row) => row.kind)).size).toBe(SYNTHETIC_KINDS.length);
      expect(new Set(allRows.map((row) => `${row.date_earliest}/${row.date_latest}`)).size).toBe(5);
      expect(new Set(allRows.map((row) => row.date_earliest)).size).toBe(4);
    });

    it.each(ORDERS)(
      'walking forwards with first/after visits every event once in sorted order: %j',
      async (...order) => {
        const { slugs, pages } = await walkForwards(underTest.store, order, 7);
        expect(pages).toBe(Math.ceil(EVENT_COUNT / 7));
        expect(slugs).toEqual(expectedSlugs(order));
      },
    );

    it.each(ORDERS)('walking backwards with last/before gives the same sequence: %j', async (...order) => {
      expect(await walkBackwards(underTest.store, order, 11)).toEqual(expectedSlugs(order));
    });

    it('a deep cursor continues exactly where it was made, in both directions', async () => {
      const { store } = underTest;
      const order: EventOrder[] = [{ field: 'title', direction: 'asc' }];
      const expected = expectedSlugs(order);
      const deep = await store.listEvents(null, order, { first: MAX_PAGE_SIZE, after: undefined });
      const cursor = (await store.listEvents(null, order, { first: MAX_PAGE_SIZE, after: deep.cursors.at(-1) }))
        .cursors[57]!;
      const position = MAX_PAGE_SIZE + 57;
      const slugsOf = async (page: { first?: number; last?: number; after?: string; before?: string }) =>
        (await store.listEvents(null, order, page)).rows.map((row) => row.slug);
      expect(await slugsOf({ first: 5, after: cursor })).toEqual(expected.slice(position + 1, position + 6));
      expect(await slugsOf({ last: 5, before: cursor })).toEqual(expected.slice(position - 5, position));
    });

    it('refuses `first` and `last` together with BAD_USER_INPUT, even when each is valid', async () => {
      await expect(underTest.store.listEvents(null, [], { first: 5, last: 5 })).rejects.toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'last' }),
      );
    });

    it.each([0, MAX_PAGE_SIZE + 1, 2.5])('refuses a page size of %s and accepts the bounds 1 and 100', async (size) => {
      const { store } = underTest;
      await expect(store.listEvents(null, [], { first: size })).rejects.toThrow(QueryError);
      await expect(store.listEvents(null, [], { last: size })).rejects.toThrow(QueryError);
      expect((await store.listEvents(null, [], { first: 1 })).rows).toHaveLength(1);
      expect((await store.listEvents(null, [], { last: MAX_PAGE_SIZE })).rows).toHaveLength(MAX_PAGE_SIZE);
    });
  },
  { dataset },
);

forEachStore(
  'date ranges at their edges',
  (underTest) => {
    const slugsMatching = async (filter: EventFilter) => {
      const slugs: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await underTest.store.listEvents(filter, [], { first: MAX_PAGE_SIZE, after });
        slugs.push(...page.rows.map((row) => row.slug));
        if (!page.hasNextPage) return slugs.sort();
        after = page.cursors.at(-1);
      }
    };
    const rowsWhere = (keep: (row: (typeof allRows)[number]) => boolean) =>
      allRows
        .filter(keep)
        .map((row) => row.slug)
        .sort();

    it('WITHIN keeps only events whose whole span lies in the range, checking both ends', async () => {
      // January 2001 holds the "2001-01" and "2001-01-15" events, not the year "2001" that starts in it.
      const within = await slugsMatching({ from: '2001-01', to: '2001-01' });
      expect(within).toEqual(rowsWhere((row) => row.date_earliest >= '2001-01-01' && row.date_latest <= '2001-01-31'));
      expect(within.length).toBeGreaterThan(0);
      expect(within.length).toBeLessThan(rowsWhere((row) => row.date_earliest.startsWith('2001')).length);
      // A range that starts inside June 2010 must leave out the month and the year that start before it.
      expect(await slugsMatching({ from: '2010-06-02', to: '2010' })).toEqual([]);
    });

    it('OVERLAPS keeps every event that shares at least one day with the range', async () => {
      expect(await slugsMatching({ from: '2001-01-20', to: '2001-02', dateMatch: 'overlaps' })).toEqual(
        rowsWhere((row) => row.date_latest >= '2001-01-20' && row.date_earliest <= '2001-02-28'),
      );
      expect(await slugsMatching({ from: '2010-12-31', dateMatch: 'overlaps' })).toEqual(
        rowsWhere((row) => row.date_latest >= '2010-12-31'),
      );
    });

    it('refuses a range whose start is after its end with INVALID_DATE on filter.from', async () => {
      await expect(underTest.store.listEvents({ from: '2011', to: '2010' }, [], {})).rejects.toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', argument: 'filter.from' }),
      );
      // The same day at both ends is a valid range.
      expect(await slugsMatching({ from: '2001-01-15', to: '2001-01-15' })).toEqual(
        rowsWhere((row) => row.date_latest === '2001-01-15'),
      );
    });
  },
  { dataset },
);

forEachStore(
  'exports over several batches',
  (underTest) => {
    const exported = async (filter: EventFilter | null, batchSize?: number) => {
      const rows = [];
      for await (const batch of underTest.store.exportEvents(filter, batchSize)) rows.push(...batch);
      return rows;
    };
    const exportedSlugs = async (filter: EventFilter | null, batchSize?: number) =>
      (await exported(filter, batchSize)).map((row) => row.event.slug);

    it.each([7, 100, EVENT_COUNT - 1, EVENT_COUNT])(
      'streams every event once, in date order, in batches of %i',
      async (size) => {
        expect(await exportedSlugs(null, size)).toEqual(expectedSlugs([]));
      },
    );

    it('keeps the filter on every batch, not just the first', async () => {
      expect(await exportedSlugs({ kinds: ['agreement'] }, 10)).toEqual(
        expectedSlugs([]).filter((slug) => allRows.find((row) => row.slug === slug)!.kind === 'agreement'),
      );
    });

    it('carries each event its own participants, sector and citation in every batch', async () => {
      const rows = await exported(null, 25);
      expect(rows.every((row) => row.participants.map((p) => p.slug).join() === 'pakistan,russia')).toBe(true);
      expect(rows.every((row) => row.sectors.length === 1 && row.citations.length === 1)).toBe(true);
    });
  },
  { dataset },
);

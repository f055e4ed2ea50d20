import { afterAll, describe, expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import { QueryError } from '../errors/query-error.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { actorBySlug, eventPagesByActorIds, listActors } from './actors.ts';
import { countEvents, type EventFilter, listEvents } from './events.ts';

const store = openFixtureStore();
afterAll(() => closeStore(store));

const slugs = (filter: EventFilter) => listEvents(store, filter, [], { first: 100 }).rows.map((row) => row.slug);

describe('listEvents', () => {
  it('orders by date by default and pages forwards and backwards over the same rows', () => {
    const all = listEvents(store, null, [], { first: 100 }).rows.map((row) => row.slug);
    expect(all).toEqual(['2014-russia-lifts-arms-embargo', '2016-druzhba-exercise', '2024-10-trade-pledge']);

    const first = listEvents(store, null, [], { first: 2 });
    expect(first.hasNextPage).toBe(true);
    const second = listEvents(store, null, [], { first: 2, after: first.cursors[1] });
    expect(second.rows.map((row) => row.slug)).toEqual(['2024-10-trade-pledge']);
    expect(second.hasNextPage).toBe(false);

    const lastTwo = listEvents(store, null, [], { last: 2 });
    expect(lastTwo.rows.map((row) => row.slug)).toEqual(all.slice(1));
    expect(lastTwo.hasPreviousPage).toBe(true);
    const beforeThose = listEvents(store, null, [], { last: 2, before: lastTwo.cursors[0] });
    expect(beforeThose.rows.map((row) => row.slug)).toEqual(all.slice(0, 1));
  });

  it.each([
    [[]],
    [[{ field: 'title', direction: 'desc' }]],
    [
      [
        { field: 'kind', direction: 'asc' },
        { field: 'date', direction: 'desc' },
      ],
    ],
  ] as const)('pages forwards and backwards over the same sequence, ordered by %j', (order) => {
    const walk = (forward: boolean) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = listEvents(
          store,
          null,
          order,
          forward ? { first: 1, after: cursor } : { last: 1, before: cursor },
        );
        seen.push(...page.rows.map((row) => row.slug));
        if (!(forward ? page.hasNextPage : page.hasPreviousPage)) return seen;
        cursor = forward ? page.cursors.at(-1) : page.cursors[0];
      }
    };
    const forwards = walk(true);
    expect(forwards).toHaveLength(3);
    expect(walk(false).reverse()).toEqual(forwards);
  });

  it('orders by title descending with a stable tie-break', () => {
    const rows = listEvents(store, null, [{ field: 'title', direction: 'desc' }], { first: 10 }).rows.map(
      (row) => row.title,
    );
    expect(rows).toEqual([...rows].sort().reverse());
  });

  it('rejects page sizes outside 1..100 and cursors from another ordering', () => {
    expect(() => listEvents(store, null, [], { first: 101 })).toThrow(/`first` must be between 1 and 100; got 101/);
    expect(() => listEvents(store, null, [], { first: 0 })).toThrow(QueryError);
    const cursor = listEvents(store, null, [], { first: 1 }).cursors[0]!;
    expect(() => listEvents(store, null, [{ field: 'title', direction: 'asc' }], { first: 1, after: cursor })).toThrow(
      /different ordering/,
    );
    expect(() => listEvents(store, null, [], { after: 'bm9uc2Vuc2U' })).toThrow(/not a cursor this API issued/);
  });

  it('matches a year-dated event to a June filter only when overlaps are asked for', () => {
    expect(slugs({ from: '2014-06', to: '2014-06' })).toEqual([]);
    expect(slugs({ from: '2014-06', to: '2014-06', dateMatch: 'overlaps' })).toEqual([
      '2014-russia-lifts-arms-embargo',
    ]);
    expect(slugs({ from: '2014', to: '2016' })).toEqual(['2014-russia-lifts-arms-embargo', '2016-druzhba-exercise']);
    expect(() => slugs({ from: '2014-02-30' })).toThrow(/not a real day/);
  });

  it('combines kinds, sectors, actors (any or all), text, conflicts and cited sources', () => {
    expect(slugs({ kinds: ['pledge', 'military_exercise'] })).toEqual([
      '2016-druzhba-exercise',
      '2024-10-trade-pledge',
    ]);
    expect(slugs({ sectors: ['security', 'energy'] })).toEqual(['2016-druzhba-exercise', '2024-10-trade-pledge']);
    expect(slugs({ actors: ['pakistan', 'mikhail-mishustin'] })).toHaveLength(3);
    expect(slugs({ actors: ['pakistan', 'russia'], actorsMatch: 'all', sectors: ['security'] })).toEqual([
      '2016-druzhba-exercise',
    ]);
    expect(slugs({ text: 'DRUZHBA' })).toEqual(['2016-druzhba-exercise']);
    expect(slugs({ text: 'emb*' })).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(slugs({ hasConflicts: true })).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(countEvents(store, { hasConflicts: false })).toBe(2);
    expect(slugs({ sources: ['fixture-journal'] })).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(slugs({ sources: ['fixture-journal', 'fixture-news'], kinds: ['pledge'] })).toEqual([
      '2024-10-trade-pledge',
    ]);
    expect(slugs({ sources: ['no-such-document'] })).toEqual([]);
    expect(() => slugs({ actors: ['atlantis'] })).toThrow(/No actor has the slug "atlantis"/);
  });
});

describe('statements prepared per shape of filter', () => {
  // Pairs that bind the same values but need different SQL: a statement prepared for one must never
  // answer the other.
  const pairs: [EventFilter, EventFilter][] = [
    [
      { from: '2014-06', to: '2014-06' },
      { from: '2014-06', to: '2014-06', dateMatch: 'overlaps' },
    ],
    [{ actors: ['pakistan', 'mikhail-mishustin'] }, { actors: ['pakistan', 'mikhail-mishustin'], actorsMatch: 'all' }],
    [{ hasConflicts: true }, { hasConflicts: false }],
    [{ from: '2016' }, { to: '2016' }],
    [{ from: '2014-06' }, { from: '2014-06', dateMatch: 'overlaps' }],
  ];

  it.each(pairs)('answer %j and then %j as separate stores would', (first, second) => {
    const answers = (order: EventFilter[]) => {
      const fresh = openFixtureStore();
      try {
        return order.map((filter) => ({
          page: listEvents(fresh, filter, [], { first: 100 }).rows.map((row) => row.slug),
          count: countEvents(fresh, filter),
        }));
      } finally {
        closeStore(fresh);
      }
    };
    const [firstAlone] = answers([first]);
    const [secondAlone] = answers([second]);
    expect(answers([first, second])).toEqual([firstAlone, secondAlone]);
    expect(answers([second, first])).toEqual([secondAlone, firstAlone]);
    expect(firstAlone).not.toEqual(secondAlone);
  });

  it('answers the rows between two cursors, in both directions', () => {
    const all = listEvents(store, null, [], { first: 100 });
    const between = (page: { first?: number; last?: number }) =>
      listEvents(store, null, [], { ...page, after: all.cursors[0], before: all.cursors[2] }).rows.map(
        (row) => row.slug,
      );
    expect(between({ first: 10 })).toEqual([all.rows[1]!.slug]);
    expect(between({ last: 10 })).toEqual([all.rows[1]!.slug]);
  });

  it('binds each request its own values, cursor and page size into a shared statement', () => {
    const all = listEvents(store, null, [], { first: 100 }).rows.map((row) => row.slug);
    for (let index = 0; index < all.length; index++) {
      const cursor = listEvents(store, null, [], { first: index + 1 }).cursors[index]!;
      expect(listEvents(store, null, [], { first: 1, after: cursor }).rows.map((row) => row.slug)).toEqual(
        all.slice(index + 1, index + 2),
      );
    }
    expect(slugs({ from: '2016' })).toEqual(all.slice(1));
    expect(slugs({ from: '2024' })).toEqual(all.slice(2));
  });
});

describe('actors', () => {
  it('finds actors by any word of a name or alias, ignoring case and accents', () => {
    const names = (text: string) => listActors(store, { text }, { first: 10 }).rows.map((row) => row.slug);
    expect(names('moscow')).toEqual(['russia']);
    expect(names('ussr')).toEqual(['soviet-union']);
    expect(names('mishu')).toEqual(['mikhail-mishustin']);
    expect(names('SHÉHBAZ')).toEqual(['shehbaz-sharif']);
  });

  it('pages the events of several actors in one go', () => {
    const pakistan = actorBySlug(store, 'pakistan')!.id;
    const mishustin = actorBySlug(store, 'mikhail-mishustin')!.id;
    const pages = eventPagesByActorIds(store, [pakistan, mishustin], [], { first: 1 });
    expect(pages.get(pakistan)!.rows.map((row) => row.slug)).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(pages.get(pakistan)!.hasNextPage).toBe(true);
    expect(pages.get(mishustin)!.rows.map((row) => row.slug)).toEqual(['2024-10-trade-pledge']);
    expect(pages.get(mishustin)!.hasNextPage).toBe(false);
  });
});

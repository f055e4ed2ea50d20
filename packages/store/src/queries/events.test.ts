import { expect, it } from 'vitest';
import { QueryError } from '../errors/query-error.ts';
import { WALK_FROM_EVENTS } from '../paging/actor-pages.ts';
import { openSyntheticStore } from '../synthetic/cache.ts';
import { forEachStore } from '../testing/both-stores.ts';
import type { EventFilter } from './events.ts';

forEachStore('listEvents', (underTest) => {
  const slugs = async (filter: EventFilter) =>
    (await underTest.store.listEvents(filter, [], { first: 100 })).rows.map((row) => row.slug);

  it('orders by date by default and pages forwards and backwards over the same rows', async () => {
    const { store } = underTest;
    const all = (await store.listEvents(null, [], { first: 100 })).rows.map((row) => row.slug);
    expect(all).toEqual(['2014-russia-lifts-arms-embargo', '2016-druzhba-exercise', '2024-10-trade-pledge']);

    const first = await store.listEvents(null, [], { first: 2 });
    expect(first.hasNextPage).toBe(true);
    const second = await store.listEvents(null, [], { first: 2, after: first.cursors[1] });
    expect(second.rows.map((row) => row.slug)).toEqual(['2024-10-trade-pledge']);
    expect(second.hasNextPage).toBe(false);

    const lastTwo = await store.listEvents(null, [], { last: 2 });
    expect(lastTwo.rows.map((row) => row.slug)).toEqual(all.slice(1));
    expect(lastTwo.hasPreviousPage).toBe(true);
    const beforeThose = await store.listEvents(null, [], { last: 2, before: lastTwo.cursors[0] });
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
  ] as const)('pages forwards and backwards over the same sequence, ordered by %j', async (order) => {
    const walk = async (forward: boolean) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await underTest.store.listEvents(
          null,
          order,
          forward ? { first: 1, after: cursor } : { last: 1, before: cursor },
        );
        seen.push(...page.rows.map((row) => row.slug));
        if (!(forward ? page.hasNextPage : page.hasPreviousPage)) return seen;
        cursor = forward ? page.cursors.at(-1) : page.cursors[0];
      }
    };
    const forwards = await walk(true);
    expect(forwards).toHaveLength(3);
    expect((await walk(false)).reverse()).toEqual(forwards);
  });

  it('orders by title descending with a stable tie-break', async () => {
    const page = await underTest.store.listEvents(null, [{ field: 'title', direction: 'desc' }], { first: 10 });
    const titles = page.rows.map((row) => row.title);
    expect(titles).toEqual([...titles].sort().reverse());
  });

  it('rejects page sizes outside 1..100 and cursors from another ordering', async () => {
    const { store } = underTest;
    await expect(store.listEvents(null, [], { first: 101 })).rejects.toThrow(
      /`first` must be between 1 and 100; got 101/,
    );
    await expect(store.listEvents(null, [], { first: 0 })).rejects.toThrow(QueryError);
    const cursor = (await store.listEvents(null, [], { first: 1 })).cursors[0]!;
    await expect(
      store.listEvents(null, [{ field: 'title', direction: 'asc' }], { first: 1, after: cursor }),
    ).rejects.toThrow(/different ordering/);
    await expect(store.listEvents(null, [], { after: 'bm9uc2Vuc2U' })).rejects.toThrow(/not a cursor this API issued/);
  });

  it('matches a year-dated event to a June filter only when overlaps are asked for', async () => {
    expect(await slugs({ from: '2014-06', to: '2014-06' })).toEqual([]);
    expect(await slugs({ from: '2014-06', to: '2014-06', dateMatch: 'overlaps' })).toEqual([
      '2014-russia-lifts-arms-embargo',
    ]);
    expect(await slugs({ from: '2014', to: '2016' })).toEqual([
      '2014-russia-lifts-arms-embargo',
      '2016-druzhba-exercise',
    ]);
    await expect(slugs({ from: '2014-02-30' })).rejects.toThrow(/not a real day/);
  });

  it('keeps the events named by slug, and nothing for a slug no event has', async () => {
    expect(await slugs({ slugs: ['2024-10-trade-pledge', '2014-russia-lifts-arms-embargo'] })).toEqual([
      '2014-russia-lifts-arms-embargo',
      '2024-10-trade-pledge',
    ]);
    expect(await slugs({ slugs: ['2024-10-trade-pledge'], kinds: ['visit'] })).toEqual([]);
    expect(await slugs({ slugs: ['no-such-event'] })).toEqual([]);
    expect(await underTest.store.countEvents({ slugs: ['2016-druzhba-exercise'] })).toBe(1);
  });

  it('combines kinds, sectors, actors (any or all), conflicts and cited sources', async () => {
    expect(await slugs({ kinds: ['pledge', 'military_exercise'] })).toEqual([
      '2016-druzhba-exercise',
      '2024-10-trade-pledge',
    ]);
    expect(await slugs({ sectors: ['security', 'energy'] })).toEqual(['2016-druzhba-exercise', '2024-10-trade-pledge']);
    expect(await slugs({ actors: ['pakistan', 'mikhail-mishustin'] })).toHaveLength(3);
    expect(await slugs({ actors: ['pakistan', 'russia'], actorsMatch: 'all', sectors: ['security'] })).toEqual([
      '2016-druzhba-exercise',
    ]);
    expect(await slugs({ hasConflicts: true })).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(await underTest.store.countEvents({ hasConflicts: false })).toBe(2);
    expect(await slugs({ sources: ['fixture-journal'] })).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(await slugs({ sources: ['fixture-journal', 'fixture-news'], kinds: ['pledge'] })).toEqual([
      '2024-10-trade-pledge',
    ]);
    expect(await slugs({ sources: ['no-such-document'] })).toEqual([]);
    await expect(slugs({ actors: ['atlantis'] })).rejects.toThrow(/No actor has the slug "atlantis"/);
  });
});

forEachStore('listEvents filtered by text', (underTest) => {
  it('finds words and prefixes in any case', async () => {
    const slugs = async (text: string) =>
      (await underTest.store.listEvents({ text }, [], { first: 100 })).rows.map((row) => row.slug);
    expect(await slugs('DRUZHBA')).toEqual(['2016-druzhba-exercise']);
    expect(await slugs('emb*')).toEqual(['2014-russia-lifts-arms-embargo']);
  });

  it('finds actors by any word of a name or alias, ignoring case and accents', async () => {
    const names = async (text: string) =>
      (await underTest.store.listActors({ text }, { first: 10 })).rows.map((row) => row.slug);
    expect(await names('moscow')).toEqual(['russia']);
    expect(await names('ussr')).toEqual(['soviet-union']);
    expect(await names('mishu')).toEqual(['mikhail-mishustin']);
    expect(await names('SHÉHBAZ')).toEqual(['shehbaz-sharif']);
  });
});

forEachStore('statements prepared per shape of filter', (underTest) => {
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

  it.each(pairs)('answer %j and then %j as separate stores would', async (first, second) => {
    const answers = async (order: EventFilter[]) => {
      const fresh = await underTest.reconnect();
      const answered = [];
      for (const filter of order)
        answered.push({
          page: (await fresh.listEvents(filter, [], { first: 100 })).rows.map((row) => row.slug),
          count: await fresh.countEvents(filter),
        });
      return answered;
    };
    const [firstAlone] = await answers([first]);
    const [secondAlone] = await answers([second]);
    expect(await answers([first, second])).toEqual([firstAlone, secondAlone]);
    expect(await answers([second, first])).toEqual([secondAlone, firstAlone]);
    expect(firstAlone).not.toEqual(secondAlone);
  });

  it('answers the rows between two cursors, in both directions', async () => {
    const { store } = underTest;
    const all = await store.listEvents(null, [], { first: 100 });
    const between = async (page: { first?: number; last?: number }) =>
      (await store.listEvents(null, [], { ...page, after: all.cursors[0], before: all.cursors[2] })).rows.map(
        (row) => row.slug,
      );
    expect(await between({ first: 10 })).toEqual([all.rows[1]!.slug]);
    expect(await between({ last: 10 })).toEqual([all.rows[1]!.slug]);
  });

  it('binds each request its own values, cursor and page size into a shared statement', async () => {
    const { store } = underTest;
    const all = (await store.listEvents(null, [], { first: 100 })).rows.map((row) => row.slug);
    for (let index = 0; index < all.length; index++) {
      const cursor = (await store.listEvents(null, [], { first: index + 1 })).cursors[index]!;
      const next = await store.listEvents(null, [], { first: 1, after: cursor });
      expect(next.rows.map((row) => row.slug)).toEqual(all.slice(index + 1, index + 2));
    }
    const slugs = async (filter: EventFilter) =>
      (await store.listEvents(filter, [], { first: 100 })).rows.map((row) => row.slug);
    expect(await slugs({ from: '2016' })).toEqual(all.slice(1));
    expect(await slugs({ from: '2024' })).toEqual(all.slice(2));
  });
});

forEachStore('actors', (underTest) => {
  it('pages the events of several actors in one go', async () => {
    const { store } = underTest;
    const pakistan = (await store.actorBySlug('pakistan'))!.id;
    const mishustin = (await store.actorBySlug('mikhail-mishustin'))!.id;
    const pages = await store.eventPagesByActorIds([pakistan, mishustin], [], { first: 1 });
    expect(pages.get(pakistan)!.rows.map((row) => row.slug)).toEqual(['2014-russia-lifts-arms-embargo']);
    expect(pages.get(pakistan)!.hasNextPage).toBe(true);
    expect(pages.get(mishustin)!.rows.map((row) => row.slug)).toEqual(['2024-10-trade-pledge']);
    expect(pages.get(mishustin)!.hasNextPage).toBe(false);
  });
});

const withHubs = { built: () => openSyntheticStore({ events: 4_000 }).store };

forEachStore(
  "a hub's events, a page at a time",
  (underTest) => {
    it('pages an actor past WALK_FROM_EVENTS as the events list filtered by that actor does, beside a smaller one', async () => {
      const { store } = underTest;
      const [hub, small] = await underTest
        .sql<{ id: number; slug: string; count: number }>(
          `select actors.id, actors.slug, actor_event_counts.event_count as count from actor_event_counts
         join actors on actors.id = actor_event_counts.actor_id order by event_count desc, actor_id`,
        )
        .then((rows) => [
          rows[0]!,
          rows.find((row) => Number(row.count) < WALK_FROM_EVENTS && Number(row.count) > 30)!,
        ]);
      expect(Number(hub!.count)).toBeGreaterThanOrEqual(WALK_FROM_EVENTS);
      expect((await store.eventCountsByActorIds([hub!.id])).get(hub!.id)).toBe(
        await store.countEvents({ actors: [hub!.slug] }),
      );
      for (const order of [[], [{ field: 'title', direction: 'desc' }]] as const) {
        let after: string | undefined;
        let listedAfter: string | undefined;
        for (let page = 0; page < 2; page++) {
          const pages = await store.eventPagesByActorIds([hub!.id, small!.id], order, { first: 25, after });
          for (const actor of [hub!, small!]) {
            if (actor === small && page > 0) continue;
            const listed = await store.listEvents({ actors: [actor.slug] }, order, {
              first: 25,
              ...(actor === hub ? { after: listedAfter } : {}),
            });
            const mine = pages.get(actor.id)!;
            expect(mine.rows.map((row) => row.slug)).toEqual(listed.rows.map((row) => row.slug));
            expect(mine.hasNextPage).toBe(listed.hasNextPage);
            if (actor === hub) listedAfter = listed.cursors.at(-1);
          }
          after = pages.get(hub!.id)!.cursors.at(-1);
        }
      }
    });
  },
  { dataset: withHubs },
);

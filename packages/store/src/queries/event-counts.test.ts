import { expect, it } from 'vitest';
import type { EventFilter } from '../paging/event-filter.ts';
import { openSyntheticStore } from '../synthetic/cache.ts';
import { forEachStore } from '../testing/both-stores.ts';

const generated = { built: () => openSyntheticStore({ events: 4_000 }).store };

forEachStore(
  'counting events from the kept totals, or up to a limit',
  (underTest) => {
    const countOf = async (text: string) => Number((await underTest.sql<{ n: number | string }>(text))[0]!.n);
    /** The two busiest actors, which share the most events. */
    const busiest = async () => {
      const [pair] = await underTest.sql<{ actor_id: number; other_id: number }>(
        'select actor_id, other_id from actor_pair_counts order by weight desc, actor_id, other_id limit 1',
      );
      const slugOf = async (id: number) =>
        (await underTest.sql<{ slug: string }>(`select slug from actors where id = ${id}`))[0]!.slug;
      return {
        ids: [pair!.actor_id, pair!.other_id],
        slugs: [await slugOf(pair!.actor_id), await slugOf(pair!.other_id)],
      };
    };
    const tookPart = (id: number) =>
      `exists (select 1 from event_participants p where p.event_id = events.id and p.actor_id = ${id})`;
    const inSector = (sector: string) =>
      `exists (select 1 from event_sectors s where s.event_id = events.id and s.sector = '${sector}')`;

    it('answers every filter a kept total counts with the number of live events it matches', async () => {
      const { store } = underTest;
      const { ids, slugs } = await busiest();
      const archived = await countOf('select count(*) as n from events where archived_at is not null');
      expect(archived).toBeGreaterThan(0);
      const cases: [EventFilter | null, string][] = [
        [null, 'archived_at is null'],
        [
          { from: '2000', to: '2009', kinds: ['arms_deal'] },
          "archived_at is null and date_earliest >= '2000-01-01' and date_latest <= '2009-12-31' and kind = 'arms_deal'",
        ],
        [{ actors: [slugs[0]!] }, `archived_at is null and ${tookPart(ids[0]!)}`],
        [
          { sectors: ['defence'], from: '2000' },
          `archived_at is null and date_earliest >= '2000-01-01' and ${inSector('defence')}`,
        ],
        [
          { actors: [slugs[0]!], from: '2001', kinds: ['arms_deal'] },
          `archived_at is null and date_earliest >= '2001-01-01' and kind = 'arms_deal' and ${tookPart(ids[0]!)}`,
        ],
        [{ actors: [slugs[1]!, slugs[1]!], actorsMatch: 'all' }, `archived_at is null and ${tookPart(ids[1]!)}`],
        [
          { actors: [slugs[1]!, slugs[0]!], actorsMatch: 'all' },
          `archived_at is null and ${tookPart(ids[0]!)} and ${tookPart(ids[1]!)}`,
        ],
      ];
      for (const [filter, where] of cases) {
        const expected = await countOf(`select count(*) as n from events where ${where}`);
        expect(expected, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(await store.countEvents(filter), JSON.stringify(filter)).toBe(expected);
        // However many they are: the kept total is exact, so the bounded count is too.
        expect(await store.countEventsUpTo(filter, 10), JSON.stringify(filter)).toEqual({
          count: expected,
          limited: false,
        });
      }
    });

    it('counts what no kept total answers up to the limit, says when it stopped there, and exactly below it', async () => {
      const { store } = underTest;
      const { ids, slugs } = await busiest();
      const cases: [EventFilter, string][] = [
        [
          { sectors: ['defence'], from: '2000-06-15' },
          `archived_at is null and date_earliest >= '2000-06-15' and ${inSector('defence')}`,
        ],
        [
          { actors: slugs, actorsMatch: 'any' },
          `archived_at is null and (${tookPart(ids[0]!)} or ${tookPart(ids[1]!)})`,
        ],
        [
          { actors: [slugs[0]!], from: '2001-06' },
          `archived_at is null and date_earliest >= '2001-06-01' and ${tookPart(ids[0]!)}`,
        ],
      ];
      for (const [filter, where] of cases) {
        const expected = await countOf(`select count(*) as n from events where ${where}`);
        expect(expected).toBeGreaterThan(100);
        expect(await store.countEvents(filter), JSON.stringify(filter)).toBe(expected);
        expect(await store.countEventsUpTo(filter, 100), JSON.stringify(filter)).toEqual({ count: 100, limited: true });
        expect(await store.countEventsUpTo(filter, expected), JSON.stringify(filter)).toEqual({
          count: expected,
          limited: false,
        });
      }
    });

    it('refuses an unknown actor as listing does, and counts an actor in no live event as none', async () => {
      const { store } = underTest;
      await expect(store.countEventsUpTo({ actors: ['nobody-at-all'] }, 10)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const [idle] = await underTest.sql<{ slug: string }>(
        'select slug from actors where id not in (select actor_id from actor_event_counts where event_count > 0) order by id limit 1',
      );
      if (idle) expect(await store.countEventsUpTo({ actors: [idle.slug] }, 10)).toEqual({ count: 0, limited: false });
    });
  },
  { dataset: generated },
);

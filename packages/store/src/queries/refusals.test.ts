// Every refusal of the event list carries the code, the argument and a message a caller can act
// on (docs/querying.md, "Errors"), and each filter keeps its rule at the edges. Written from the
// mutants that survived in pagination.ts and events.ts.
import { expect, it } from 'vitest';
import { forEachStore } from '../testing/both-stores.ts';
import { openSyntheticStore } from '../testing/synthetic-events.ts';
import type { EventFilter } from './events.ts';

const EVENT_COUNT = 40;

/** The generated events, one of them archived, and one only Pakistan took part in. */
function withArchivedAndOneSided() {
  const store = openSyntheticStore(EVENT_COUNT);
  store.$client.exec(`update events set archived_at = '2026-01-01T00:00:00Z' where slug = 'synthetic-0000'`);
  store.$client.exec(
    `delete from event_participants where actor_id = 2 and event_id = (select id from events where slug = 'synthetic-0001')`,
  );
  return store;
}
const dataset = { built: withArchivedAndOneSided };

/** What a refused call was refused with. */
async function refusal(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    const { code, argument, message } = error as { code: string; argument?: string; message: string };
    return { code, argument, message };
  }
  throw new Error('expected a refusal');
}
const cursor = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

forEachStore(
  'refusals name their code, argument and reason',
  (underTest) => {
    it.each([
      ['filter.from', { from: 'June 2014' }],
      ['filter.to', { to: '2014-13' }],
    ] as const)('a bad date in %s is INVALID_DATE on that argument', async (argument, filter) => {
      expect(await refusal(() => underTest.store.listEvents(filter, [], {}))).toMatchObject({
        code: 'INVALID_DATE',
        argument,
      });
    });

    it('a range that ends before it starts says which dates', async () => {
      expect(await refusal(() => underTest.store.countEvents({ from: '2011', to: '2010' }))).toEqual({
        code: 'INVALID_DATE',
        argument: 'filter.from',
        message: 'filter.from (2011) is after filter.to (2010).',
      });
    });

    it('unknown actors are NOT_FOUND, naming only the unknown slugs', async () => {
      expect(await refusal(() => underTest.store.countEvents({ actors: ['pakistan', 'nobody', 'noone'] }))).toEqual({
        code: 'NOT_FOUND',
        argument: 'filter.actors',
        message: 'No actor has the slug "nobody", "noone". Look slugs up with the actors query.',
      });
    });

    it('page sizes out of range are BAD_USER_INPUT on the argument given', async () => {
      expect(await refusal(() => underTest.store.listEvents(null, [], { first: 101 }))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'first',
        message: '`first` must be between 1 and 100; got 101. Page through larger results with cursors.',
      });
      expect(await refusal(() => underTest.store.listEvents(null, [], { last: 0 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'last',
      });
      expect(await refusal(() => underTest.store.listEvents(null, [], { first: 1, last: 1 }))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'last',
        message: 'Pass either `first` or `last`, not both.',
      });
    });

    it.each([
      ['not base64 JSON', 'garbage!'],
      ['not a list', cursor()],
      ['no ordering first', Buffer.from(JSON.stringify([1, '2001-01-01', '2001-12-31', 1])).toString('base64url')],
      ['too few keys', cursor('date:asc', '2001-01-01', 1)],
      ['too many keys', cursor('date:asc', '2001-01-01', '2001-12-31', 1, 2)],
      ['a key that is an object', cursor('date:asc', '2001-01-01', { x: 1 }, 1)],
      ['a key that is null', cursor('date:asc', null, '2001-12-31', 1)],
    ])('a cursor with %s is INVALID_CURSOR on after or before', async (_what, bad) => {
      const message = /is not a cursor this API issued/;
      expect(await refusal(() => underTest.store.listEvents(null, [], { after: bad }))).toMatchObject({
        code: 'INVALID_CURSOR',
        argument: 'after',
        message: expect.stringMatching(message),
      });
      expect(await refusal(() => underTest.store.listEvents(null, [], { last: 2, before: bad }))).toMatchObject({
        code: 'INVALID_CURSOR',
        argument: 'before',
        message: expect.stringMatching(message),
      });
    });

    it('a cursor from another ordering is INVALID_CURSOR naming both orderings', async () => {
      const { store } = underTest;
      const titleCursor = (await store.listEvents(null, [{ field: 'title', direction: 'asc' }], { first: 1 }))
        .cursors[0];
      expect(await refusal(() => underTest.store.listEvents(null, [], { after: titleCursor }))).toEqual({
        code: 'INVALID_CURSOR',
        argument: 'after',
        message:
          '`after` was issued for a different ordering (title:asc); this query orders by date:asc. Start again without a cursor.',
      });
      const twoKeys = (
        await store.listEvents(
          null,
          [
            { field: 'kind', direction: 'asc' },
            { field: 'title', direction: 'desc' },
          ],
          { first: 1 },
        )
      ).cursors[0];
      expect(
        await refusal(() =>
          underTest.store.listEvents(null, [{ field: 'kind', direction: 'asc' }], { after: twoKeys }),
        ),
      ).toMatchObject({ code: 'INVALID_CURSOR', message: expect.stringContaining('(kind:asc,title:desc)') });
    });
  },
  { dataset },
);

forEachStore(
  'filters at their edges',
  (underTest) => {
    const slugs = async (filter: EventFilter) =>
      (await underTest.store.listEvents(filter, [], { first: 100 })).rows.map((row) => row.slug);

    it('leaves archived events out of every filtered list unless asked', async () => {
      expect(await slugs({ kinds: ['meeting'] })).not.toContain('synthetic-0000');
      expect(await slugs({ from: '2001' })).not.toContain('synthetic-0000');
      expect(await slugs({ kinds: ['meeting'], includeArchived: true })).toContain('synthetic-0000');
      expect(await underTest.store.countEvents(null)).toBe(EVENT_COUNT - 1);
    });

    it('takes a range open at either end', async () => {
      expect(await slugs({ from: '2010' })).toHaveLength((await slugs({ from: '2010', to: '9999' })).length);
      expect((await slugs({ to: '2001' })).length).toBeGreaterThan(0);
    });

    it('ALL needs every actor to take part, ANY one of them', async () => {
      const both = { actors: ['pakistan', 'russia'] };
      expect(await slugs({ ...both, actorsMatch: 'all' })).not.toContain('synthetic-0001');
      expect(await slugs({ ...both, actorsMatch: 'any' })).toContain('synthetic-0001');
      expect(await slugs({ actors: ['russia'] })).not.toContain('synthetic-0001');
    });
  },
  { dataset },
);

forEachStore(
  'the text filter',
  (underTest) => {
    it('a search the index cannot take is INVALID_SEARCH on filter.text', async () => {
      expect(await refusal(() => underTest.store.countEvents({ text: 'a\u0000b' }))).toMatchObject({
        code: 'INVALID_SEARCH',
        argument: 'filter.text',
      });
    });

    it('a text of spaces alone filters nothing out', async () => {
      expect(await underTest.store.countEvents({ text: '   ' })).toBe(EVENT_COUNT - 1);
    });
  },
  { dataset },
);

forEachStore(
  'lookups',
  (underTest) => {
    it('finds events by IDs and by slug, and nothing for none', async () => {
      const { store } = underTest;
      const [first, second] = (await store.listEvents(null, [], { first: 2 })).rows;
      expect((await store.eventsByIds([second!.id, first!.id])).map((row) => row.slug).sort()).toEqual(
        [first!.slug, second!.slug].sort(),
      );
      expect(await store.eventsByIds([])).toEqual([]);
      expect(await store.eventBySlug(first!.slug)).toEqual(first);
      expect(await store.eventBySlug('no-such-event')).toBeUndefined();
    });
  },
  { dataset },
);

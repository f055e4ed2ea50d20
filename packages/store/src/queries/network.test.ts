import { afterAll, describe, expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openSyntheticStore } from '../synthetic/cache.ts';
import { forEachStore, type StoreUnderTest } from '../testing/both-stores.ts';
import { fixtureVisit } from '../testing/fixture-store.ts';
import type { EventFilter, EventOrder, EventRow } from './events.ts';
import {
  DEFAULT_NETWORK_EDGES,
  DEFAULT_NETWORK_NODES,
  type EventPosition,
  MAX_NETWORK_EDGES,
  MAX_NETWORK_NODES,
  type NetworkOptions,
} from './network.ts';

/** An event's period in SQL both databases read: its year, or its span when it spans years. */
const PERIOD = `case when substr(e.date_earliest, 1, 4) = substr(e.date_latest, 1, 4) then substr(e.date_earliest, 1, 4)
  else e.date_earliest || '/' || e.date_latest end`;

/** The summaries as the triggers keep them. */
const summaries = async (underTest: StoreUnderTest) => ({
  sectorPeriods: await underTest.sql(
    'select sector, period, kind, count from sector_period_counts where count <> 0 order by sector, period, kind',
  ),
  actorPeriods: await underTest.sql(
    'select actor_id, period, kind, count from actor_period_counts where count <> 0 order by actor_id, period, kind',
  ),
  actors: await underTest.sql('select actor_id, event_count from actor_event_counts order by actor_id'),
  pairs: await underTest.sql(
    'select actor_id, other_id, weight, first_date, last_date from actor_pair_counts order by actor_id, other_id',
  ),
});

/** The same counted from scratch over the live events, as the migration first fills them. */
const recounted = async (underTest: StoreUnderTest) => ({
  sectorPeriods: await underTest.sql(
    `select s.sector, ${PERIOD} as period, e.kind, cast(count(*) as integer) as count from event_sectors s
     join events e on e.id = s.event_id and e.archived_at is null group by 1, 2, 3 order by 1, 2, 3`,
  ),
  actorPeriods: await underTest.sql(
    `select p.actor_id, ${PERIOD} as period, e.kind, cast(count(distinct p.event_id) as integer) as count
     from event_participants p join events e on e.id = p.event_id and e.archived_at is null group by 1, 2, 3 order by 1, 2, 3`,
  ),
  actors: await underTest.sql(
    `select p.actor_id, cast(count(distinct p.event_id) as integer) as event_count from event_participants p
     join events e on e.id = p.event_id and e.archived_at is null group by p.actor_id order by p.actor_id`,
  ),
  pairs: await underTest.sql(
    `select a.actor_id, b.actor_id as other_id, cast(count(distinct a.event_id) as integer) as weight,
       min(e.date_earliest) as first_date, max(e.date_latest) as last_date
     from event_participants a join event_participants b on b.event_id = a.event_id and b.actor_id > a.actor_id
     join events e on e.id = a.event_id and e.archived_at is null group by a.actor_id, b.actor_id order by a.actor_id, other_id`,
  ),
});

/** Every part of the network at once: `maxNodes` nodes and the `maxEdges` heaviest edges between them. */
async function wholeNetwork(
  store: BilateralStore,
  filter: EventFilter | null,
  {
    maxNodes = DEFAULT_NETWORK_NODES,
    maxEdges = DEFAULT_NETWORK_EDGES,
    ...options
  }: NetworkOptions & { maxNodes?: number; maxEdges?: number } = {},
) {
  const network = await store.readActorNetwork(filter, options);
  return {
    nodes: await network.nodes(maxNodes),
    edges: await network.edges(maxEdges, maxNodes),
    nodeCount: await network.nodeCount(),
    edgeCount: await network.edgeCount(),
    eventsSince: network.eventsSince,
  };
}

/** Every row of a paged list, walking its cursors. */
async function everyRow(
  list: (after: string | undefined) => Promise<{ rows: EventRow[]; cursors: string[]; hasNextPage: boolean }>,
) {
  const rows: EventRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await list(after);
    rows.push(...page.rows);
    if (!page.hasNextPage) return rows;
    after = page.cursors.at(-1);
  }
}

/** True when `row` is at or after `since` in date order (the events a limited network counted). */
const atOrAfter = (row: EventRow, since: EventPosition) =>
  row.dateEarliest > since.dateEarliest ||
  (row.dateEarliest === since.dateEarliest &&
    (row.dateLatest > since.dateLatest || (row.dateLatest === since.dateLatest && row.id >= since.id)));

forEachStore(
  'the actor network summaries',
  (underTest) => {
    let editor: { keyId: number };
    const idOf = async (slug: string) => (await underTest.store.actorBySlug(slug))!.id;
    const eventId = async (slug: string) =>
      (await underTest.sql<{ id: number }>(`select id from events where slug = '${slug}'`))[0]!.id;
    const save = async (slug: string, change: (current: Record<string, unknown> | null) => unknown, create = false) =>
      underTest.store.saveRecord(
        'event',
        create
          ? { operation: 'create', change: change }
          : {
              id: await eventId(slug),
              operation: 'update',
              change: (current) => change(current as Record<string, unknown>) as never,
            },
        editor,
      );
    const expectExact = async () => expect(await summaries(underTest)).toEqual(await recounted(underTest));

    it('equal a count from scratch after the seeds load and after every kind of write', async () => {
      const { store } = underTest;
      editor = { keyId: (await store.createApiKey('write', 'test')).key.id };
      await expectExact();
      const kept = await summaries(underTest);
      for (const part of ['pairs', 'sectorPeriods', 'actorPeriods'] as const)
        expect(kept[part].length).toBeGreaterThan(0);
      // A new event, one actor in two roles: it counts once.
      await save(
        '2001-old-talks',
        () => ({
          ...fixtureVisit('2001-old-talks'),
          date: '2001',
          participants: [
            { actor: 'pakistan', role: 'host' },
            { actor: 'pakistan', role: 'participant' },
            { actor: 'russia', role: 'visitor' },
            { actor: 'shehbaz-sharif', role: 'participant' },
          ],
        }),
        true,
      );
      await expectExact();
      const [pakistan, russia] = [await idOf('pakistan'), await idOf('russia')];
      const pakistanRussia = async () =>
        (await wholeNetwork(store, null)).edges.find(
          (edge) => edge.sourceId === Math.min(pakistan, russia) && edge.targetId === Math.max(pakistan, russia),
        )!;
      expect((await pakistanRussia()).firstDate).toBe('2001-01-01');
      // The event on the pair's first day moves later: the first day is read again from the other shared events.
      await save('2001-old-talks', (current) => ({ ...current, date: '2030-05' }));
      await expectExact();
      expect(await pakistanRussia()).toMatchObject({ firstDate: '2014-01-01', lastDate: '2030-05-31' });
      // Sectors replaced and the kind changed, then the sectors changed alone.
      await save('2001-old-talks', (current) => ({ ...current, kind: 'agreement', sectors: ['energy', 'defence'] }));
      await expectExact();
      await save('2001-old-talks', (current) => ({ ...current, sectors: ['energy'] }));
      await expectExact();
      // Participants replaced: one leaves, one joins, the double role goes.
      await save('2001-old-talks', (current) => ({
        ...current,
        participants: [
          { actor: 'pakistan', role: 'host' },
          { actor: 'mikhail-mishustin', role: 'visitor' },
        ],
      }));
      await expectExact();
      // Archived, restored, archived again while its date sits on a boundary.
      for (const archived of [true, false]) {
        await save('2016-druzhba-exercise', (current) => ({ ...current, archived: archived || undefined }));
        await expectExact();
      }
      await save('2014-russia-lifts-arms-embargo', (current) => ({ ...current, archived: true }));
      await expectExact();
      // Archived, then restored with a new date in the same write.
      await save('2001-old-talks', (current) => ({ ...current, archived: true }));
      await expectExact();
      await save('2001-old-talks', (current) => ({ ...current, archived: undefined, date: '1999' }));
      await expectExact();
      await underTest.sql(`delete from events where id = ${await eventId('2016-druzhba-exercise')}`);
      await expectExact();
      await store.mergeActors({ from: await idOf('shehbaz-sharif'), into: pakistan }, editor);
      await expectExact();
    });

    it('refuse a participant moved in place, which they could not follow', async () => {
      await expect(
        underTest.sql(
          `update event_participants set actor_id = ${await idOf('soviet-union')} where actor_id = ${await idOf('russia')}`,
        ),
      ).rejects.toThrow(/replaced, not moved/);
      await expectExact();
    });
  },
  { fresh: 'test' },
);

forEachStore('a filter the summaries cannot answer', (underTest) => {
  it('is counted when its only condition is hasConflicts: false, as the network and statistics', async () => {
    const { store } = underTest;
    // The fixture's 2014 embargo has conflicts; Russia took part in no other event without them but Druzhba.
    const network = await wholeNetwork(store, { hasConflicts: false });
    const russia = (await store.actorBySlug('russia'))!.id;
    expect(network.nodes.find((node) => node.actorId === russia)?.eventCount).toBe(1);
    expect(network).toEqual(await wholeNetwork(store, { hasConflicts: false, from: '0001' }));
    expect((await store.eventStats({ hasConflicts: false }, ['year'])).totalCount).toBe(2);
  });
});

const generated = { built: () => openSyntheticStore({ events: 1_500 }).store };

forEachStore(
  'the actor network over generated data',
  (underTest) => {
    const everyEvent = { from: '0001' };

    it('keeps its summaries exact through the bulk load', async () => {
      expect(await summaries(underTest)).toEqual(await recounted(underTest));
    });

    it('answers without a filter from the summaries exactly as by counting the events', async () => {
      for (const options of [
        {},
        { minWeight: 3, maxNodes: 50, maxEdges: 40 },
        { maxNodes: MAX_NETWORK_NODES, maxEdges: MAX_NETWORK_EDGES },
      ]) {
        const fromSummary = await wholeNetwork(underTest.store, null, options);
        expect(fromSummary).toEqual(await wholeNetwork(underTest.store, everyEvent, options));
        expect(fromSummary.eventsSince).toBeNull();
      }
    });

    it('returns the most active actors and the heaviest edges between them, every edge between returned nodes', async () => {
      const { store } = underTest;
      const network = await wholeNetwork(store, null, { maxNodes: 30, maxEdges: 50 });
      expect(network.nodes).toHaveLength(30);
      expect(network.edges).toHaveLength(50);
      expect(network.nodeCount).toBeGreaterThan(30);
      expect(network.edgeCount).toBeGreaterThan(50);
      const returned = new Set(network.nodes.map((node) => node.actorId));
      for (const edge of network.edges) expect(returned.has(edge.sourceId) && returned.has(edge.targetId)).toBe(true);
      const byRank = (a: { weight: number; sourceId: number; targetId: number }, b: typeof a) =>
        b.weight - a.weight || a.sourceId - b.sourceId || a.targetId - b.targetId;
      expect(network.edges).toEqual([...network.edges].sort(byRank));
      expect(network.nodes.map((node) => node.eventCount)).toEqual(
        network.nodes.map((node) => node.eventCount).sort((a, b) => b - a),
      );
      // No edge between returned nodes that was left out is heavier than the lightest returned one.
      const all = (await wholeNetwork(store, null, { maxNodes: 30, maxEdges: MAX_NETWORK_EDGES })).edges;
      expect(all.slice(0, 50)).toEqual(network.edges);
      const lightest = network.nodes.at(-1)!.eventCount;
      const outside = (
        await wholeNetwork(store, null, { maxNodes: MAX_NETWORK_NODES, maxEdges: MAX_NETWORK_EDGES })
      ).edges.filter((edge) => !returned.has(edge.sourceId) || !returned.has(edge.targetId));
      for (const edge of outside) expect(edge.weight).toBeLessThanOrEqual(lightest);
    });

    it('counts a filtered network from at most the limit of the most recent matching events, and says from where', async () => {
      const { store } = underTest;
      const filter = { sectors: ['defence' as const] };
      const whole = await wholeNetwork(store, filter);
      expect(whole.eventsSince).toBeNull();
      const limited = await wholeNetwork(store, filter, { eventLimit: 100 });
      const since = limited.eventsSince!;
      expect(since).not.toBeNull();
      const matching = await everyRow((after) => store.listEvents(filter, [], { first: 100, after }));
      expect(matching.filter((row) => atOrAfter(row, since))).toHaveLength(100);
      expect(limited.nodeCount).toBeLessThan(whole.nodeCount);
      // An edge's events, listed under the same bound, number its weight; without the bound, more.
      const [heaviest] = limited.edges;
      const pair = [heaviest!.sourceId, heaviest!.targetId];
      const shared = (bound: EventPosition | null) =>
        everyRow((after) => store.listSharedEvents(filter, pair, [], { first: 100, after }, bound));
      expect(await shared(since)).toHaveLength(heaviest!.weight);
      expect((await shared(null)).length).toBeGreaterThan(heaviest!.weight);
    });

    it("pages a pair's shared events as the events every one of the pair took part in", async () => {
      const { store } = underTest;
      const { edges } = await wholeNetwork(store, null, { maxNodes: MAX_NETWORK_NODES, maxEdges: MAX_NETWORK_EDGES });
      expect(edges[0]!.weight).toBeGreaterThan(200);
      expect(edges.at(-1)!.weight).toBeLessThan(200);
      for (const edge of [...edges.slice(0, 3), ...edges.slice(-3)]) {
        const pair = [edge.sourceId, edge.targetId];
        const slugs = (await store.actorsByIds(pair)).map((actor) => actor.slug);
        const orders: EventOrder[][] = [[], [{ field: 'title', direction: 'desc' }]];
        for (const order of orders) {
          const everyOne = await store.listEvents({ actors: slugs, actorsMatch: 'all' }, order, { first: 4 });
          const listed = await store.listSharedEvents(null, pair, order, { first: 4 });
          expect(listed.rows.map((row) => row.id)).toEqual(everyOne.rows.map((row) => row.id));
          const next = await store.listSharedEvents(null, pair, order, { first: 50, after: listed.cursors.at(-1) });
          expect(listed.rows.length + next.rows.length).toBe(Math.min(edge.weight, 54));
        }
      }
    });

    it('refuses sizes out of range with the argument named', async () => {
      const { store } = underTest;
      const network = await store.readActorNetwork(null);
      await expect(network.nodes(MAX_NETWORK_NODES + 1)).rejects.toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'first' }),
      );
      await expect(network.edges(MAX_NETWORK_EDGES + 1, 10)).rejects.toThrow(
        expect.objectContaining({ argument: 'first' }),
      );
      await expect(network.edges(10, 0)).rejects.toThrow(expect.objectContaining({ argument: 'amongNodes' }));
      await expect(store.readActorNetwork(null, { minWeight: 0 })).rejects.toThrow(
        expect.objectContaining({ argument: 'minWeight' }),
      );
    });

    it("lists an actor's relationships from the pair summary as by counting the events", async () => {
      const { store } = underTest;
      const [hub] = (await wholeNetwork(store, null)).nodes;
      const relationships = await store.relationshipsByActorIds([hub!.actorId], Number.MAX_SAFE_INTEGER);
      const network = await wholeNetwork(store, everyEvent, {
        maxNodes: MAX_NETWORK_NODES,
        maxEdges: MAX_NETWORK_EDGES,
      });
      for (const edge of network.edges.filter((candidate) => candidate.sourceId === hub!.actorId).slice(0, 20)) {
        expect(relationships.find((relationship) => relationship.otherId === edge.targetId)).toMatchObject({
          weight: edge.weight,
          firstDate: edge.firstDate,
          lastDate: edge.lastDate,
        });
      }
      expect(relationships.map((relationship) => relationship.weight)).toEqual(
        relationships.map((relationship) => relationship.weight).sort((a, b) => b - a),
      );
    });

    it("gives each actor's first relationships up to a limit, in the order of the whole list, and counts them all", async () => {
      const { store } = underTest;
      const [hub, second] = (await wholeNetwork(store, null)).nodes;
      const actorIds = [hub!.actorId, second!.actorId];
      const everyRelationship = await store.relationshipsByActorIds(actorIds, Number.MAX_SAFE_INTEGER);
      const firstThree = await store.relationshipsByActorIds(actorIds, 3);
      const counts = await store.relationshipCountsByActorIds(actorIds);
      for (const actorId of actorIds) {
        const all = everyRelationship.filter((relationship) => relationship.actorId === actorId);
        expect(all.length).toBeGreaterThan(3);
        expect(firstThree.filter((relationship) => relationship.actorId === actorId)).toEqual(all.slice(0, 3));
        expect(counts.get(actorId)).toBe(all.length);
      }
      expect(await store.relationshipCountsByActorIds([])).toEqual(new Map());
    });
  },
  { dataset: generated },
);

describe('the actor network on SQLite', () => {
  const store = generated.built();
  afterAll(() => closeStore(store));

  it("reads the unfiltered network through the summaries' indexes, never scanning the pairs", () => {
    const plan = (query: string, ...params: unknown[]) =>
      store.$client
        .prepare(`explain query plan ${query}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail);
    expect(
      plan('select actor_id, event_count from actor_event_counts order by event_count desc, actor_id limit 100'),
    ).toEqual(['SCAN actor_event_counts USING COVERING INDEX actor_event_counts_rank']);
    const edges = plan(
      `select actor_id from actor_pair_counts where actor_id in (select value from json_each(?))
       and other_id in (select value from json_each(?)) and weight >= 1 order by weight desc, actor_id, other_id limit 100`,
      '[1,2]',
      '[1,2]',
    );
    expect(edges[0]).toMatch(/^SEARCH actor_pair_counts USING INDEX \w+ \((actor_id|other_id)=\?/);
    expect(plan('select count(*) from actor_pair_counts where weight >= ?', 2)).toEqual([
      'SEARCH actor_pair_counts USING COVERING INDEX actor_pair_counts_weight (weight>?)',
    ]);
  });
});

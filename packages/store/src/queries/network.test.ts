import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../curation/keys.ts';
import { mergeActors } from '../curation/merge-actors.ts';
import { saveRecord } from '../curation/save-record.ts';
import { closeStore, type Store } from '../db/client.ts';
import { actors, events } from '../db/schema.ts';
import { openSyntheticStore } from '../synthetic/cache.ts';
import { fixtureVisit, openFixtureStore } from '../testing/fixture-store.ts';
import { countEvents, listEvents } from './events.ts';
import {
  actorNetwork,
  eventsSinceSql,
  listSharedEvents,
  MAX_NETWORK_EDGES,
  MAX_NETWORK_NODES,
  readActorNetwork,
  relationshipsByActorIds,
  sharedEventsSql,
} from './network.ts';
import { eventStats } from './stats.ts';

/** The summaries as the triggers keep them. */
const summaries = (store: Store) => ({
  actors: store.$client.prepare('select actor_id, event_count from actor_event_counts order by actor_id').all(),
  pairs: store.$client
    .prepare(
      'select actor_id, other_id, weight, first_date, last_date from actor_pair_counts order by actor_id, other_id',
    )
    .all(),
});

/** The same counted from scratch over the live events, as the migration first fills them. */
const recounted = (store: Store) => ({
  actors: store.$client
    .prepare(
      `select p.actor_id, count(distinct p.event_id) as event_count from event_participants p
       join events e on e.id = p.event_id and e.archived_at is null group by p.actor_id order by p.actor_id`,
    )
    .all(),
  pairs: store.$client
    .prepare(
      `select a.actor_id, b.actor_id as other_id, count(distinct a.event_id) as weight, min(e.date_earliest) as first_date,
         max(e.date_latest) as last_date
       from event_participants a join event_participants b on b.event_id = a.event_id and b.actor_id > a.actor_id
       join events e on e.id = a.event_id and e.archived_at is null group by a.actor_id, b.actor_id order by a.actor_id, other_id`,
    )
    .all(),
});

describe('the actor network summaries', () => {
  let store: Store;
  let editor: { keyId: number };
  const idOf = (slug: string) => store.select({ id: actors.id }).from(actors).where(eq(actors.slug, slug)).get()!.id;
  const eventId = (slug: string) => store.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()!.id;
  const save = (slug: string, change: (current: Record<string, unknown> | null) => unknown, create = false) =>
    saveRecord(
      store,
      'event',
      create
        ? { operation: 'create', change }
        : { id: eventId(slug), operation: 'update', change: (current) => change(current as Record<string, unknown>) },
      editor,
    );
  const expectExact = () => expect(summaries(store)).toEqual(recounted(store));

  beforeEach(() => {
    store = openFixtureStore();
    editor = { keyId: createApiKey(store, 'write', 'test').key.id };
  });
  afterEach(() => closeStore(store));

  it('equal a count from scratch after the seeds load and after every kind of write', () => {
    expectExact();
    expect(summaries(store).pairs.length).toBeGreaterThan(0);
    // A new event, one actor in two roles: it counts once.
    save(
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
    expectExact();
    const pakistanRussia = () =>
      actorNetwork(store, null).edges.find(
        (edge) =>
          edge.sourceId === Math.min(idOf('pakistan'), idOf('russia')) &&
          edge.targetId === Math.max(idOf('pakistan'), idOf('russia')),
      )!;
    expect(pakistanRussia().firstDate).toBe('2001-01-01');
    // The event on the pair's first day moves later: the first day is read again from the other shared events.
    save('2001-old-talks', (current) => ({ ...current, date: '2030-05' }));
    expectExact();
    expect(pakistanRussia()).toMatchObject({ firstDate: '2014-01-01', lastDate: '2030-05-31' });
    // Participants replaced: one leaves, one joins, the double role goes.
    save('2001-old-talks', (current) => ({
      ...current,
      participants: [
        { actor: 'pakistan', role: 'host' },
        { actor: 'mikhail-mishustin', role: 'visitor' },
      ],
    }));
    expectExact();
    // Archived, restored, archived again while its date sits on a boundary.
    for (const archived of [true, false]) {
      save('2016-druzhba-exercise', (current) => ({ ...current, archived: archived || undefined }));
      expectExact();
    }
    save('2014-russia-lifts-arms-embargo', (current) => ({ ...current, archived: true }));
    expectExact();
    // Archived, then restored with a new date in the same write.
    save('2001-old-talks', (current) => ({ ...current, archived: true }));
    expectExact();
    save('2001-old-talks', (current) => ({ ...current, archived: undefined, date: '1999' }));
    expectExact();
    store.$client.prepare('delete from events where id = ?').run(eventId('2016-druzhba-exercise'));
    expectExact();
    mergeActors(store, { from: idOf('shehbaz-sharif'), into: idOf('pakistan') }, editor);
    expectExact();
  });

  it('refuse a participant moved in place, which they could not follow', () => {
    expect(() =>
      store.$client
        .prepare('update event_participants set actor_id = ? where actor_id = ?')
        .run(idOf('soviet-union'), idOf('russia')),
    ).toThrow(/replaced, not moved/);
    expectExact();
  });
});

describe('a filter the summaries cannot answer', () => {
  it('is counted when its only condition is hasConflicts: false, as the network and statistics', () => {
    const fixture = openFixtureStore();
    try {
      // The fixture's 2014 embargo has conflicts; Russia took part in no other event without them but Druzhba.
      const network = actorNetwork(fixture, { hasConflicts: false });
      const russia = fixture.select({ id: actors.id }).from(actors).where(eq(actors.slug, 'russia')).get()?.id;
      expect(network.nodes.find((node) => node.actorId === russia)?.eventCount).toBe(1);
      expect(network).toEqual(actorNetwork(fixture, { hasConflicts: false, from: '0001' }));
      expect(eventStats(fixture, { hasConflicts: false }, ['year']).totalCount).toBe(2);
    } finally {
      closeStore(fixture);
    }
  });
});

describe('actorNetwork over generated data', () => {
  const { store } = openSyntheticStore({ events: 1_500 });
  afterAll(() => closeStore(store));
  const everyEvent = { from: '0001' };

  it('keeps its summaries exact through the bulk load', () => {
    expect(summaries(store)).toEqual(recounted(store));
  });

  it('answers without a filter from the summaries exactly as by counting the events', () => {
    for (const options of [
      {},
      { minWeight: 3, maxNodes: 50, maxEdges: 40 },
      { maxNodes: MAX_NETWORK_NODES, maxEdges: MAX_NETWORK_EDGES },
    ]) {
      const fromSummary = actorNetwork(store, null, options);
      expect(fromSummary).toEqual(actorNetwork(store, everyEvent, options));
      expect(fromSummary.eventsSince).toBeNull();
    }
  });

  it('returns the most active actors and the heaviest edges between them, every edge between returned nodes', () => {
    const network = actorNetwork(store, null, { maxNodes: 30, maxEdges: 50 });
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
    const all = actorNetwork(store, null, { maxNodes: 30, maxEdges: MAX_NETWORK_EDGES }).edges;
    expect(all.slice(0, 50)).toEqual(network.edges);
    const lightest = network.nodes.at(-1)!.eventCount;
    const outside = actorNetwork(store, null, {
      maxNodes: MAX_NETWORK_NODES,
      maxEdges: MAX_NETWORK_EDGES,
    }).edges.filter((edge) => !returned.has(edge.sourceId) || !returned.has(edge.targetId));
    for (const edge of outside) expect(edge.weight).toBeLessThanOrEqual(lightest);
  });

  it('counts a filtered network from at most the limit of the most recent matching events, and says from where', () => {
    const filter = { sectors: ['defence' as const] };
    const whole = actorNetwork(store, filter);
    expect(whole.eventsSince).toBeNull();
    const limited = actorNetwork(store, filter, { eventLimit: 100 });
    expect(limited.eventsSince).not.toBeNull();
    expect(countEvents(store, filter, eventsSinceSql(limited.eventsSince))).toBe(100);
    expect(limited.nodeCount).toBeLessThan(whole.nodeCount);
    // An edge's events, listed under the same bound, number its weight; without the bound, more.
    const [heaviest] = limited.edges;
    const shared = sharedEventsSql([heaviest!.sourceId, heaviest!.targetId]);
    expect(countEvents(store, filter, and(shared, eventsSinceSql(limited.eventsSince)))).toBe(heaviest!.weight);
    expect(countEvents(store, filter, shared)).toBeGreaterThan(heaviest!.weight);
  });

  it("pages a pair's shared events the same whether it reads them by ID (rare pairs) or walks the events (common ones)", () => {
    const edges = actorNetwork(store, null, { maxNodes: MAX_NETWORK_NODES, maxEdges: MAX_NETWORK_EDGES }).edges;
    expect(edges[0]!.weight).toBeGreaterThan(200);
    expect(edges.at(-1)!.weight).toBeLessThan(200);
    for (const edge of [...edges.slice(0, 3), ...edges.slice(-3)]) {
      const pair = [edge.sourceId, edge.targetId];
      for (const order of [[], [{ field: 'title' as const, direction: 'desc' as const }]]) {
        const walked = listEvents(store, null, order, { first: 4 }, sharedEventsSql(pair));
        const listed = listSharedEvents(store, null, pair, order, { first: 4 });
        expect(listed.rows.map((row) => row.id)).toEqual(walked.rows.map((row) => row.id));
        const next = listSharedEvents(store, null, pair, order, { first: 50, after: listed.cursors.at(-1) });
        expect(listed.rows.length + next.rows.length).toBe(Math.min(edge.weight, 54));
      }
    }
  });

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

  it('refuses sizes out of range with the argument named', () => {
    const network = readActorNetwork(store, null);
    expect(() => network.nodes(MAX_NETWORK_NODES + 1)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'first' }),
    );
    expect(() => network.edges(MAX_NETWORK_EDGES + 1, 10)).toThrow(expect.objectContaining({ argument: 'first' }));
    expect(() => network.edges(10, 0)).toThrow(expect.objectContaining({ argument: 'amongNodes' }));
    expect(() => readActorNetwork(store, null, { minWeight: 0 })).toThrow(
      expect.objectContaining({ argument: 'minWeight' }),
    );
  });

  it("lists an actor's relationships from the pair summary as by counting the events", () => {
    const [hub] = actorNetwork(store, null).nodes;
    const relationships = relationshipsByActorIds(store, [hub!.actorId]);
    const network = actorNetwork(store, everyEvent, { maxNodes: MAX_NETWORK_NODES, maxEdges: MAX_NETWORK_EDGES });
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
});

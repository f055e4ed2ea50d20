/**
 * Co-participation network: actors are nodes, and two actors are joined by an edge weighted by
 * the number of events both took part in, with the first and last of those events' dates.
 *
 * Both the answer and the work are bounded. Callers ask for the most active actors and the
 * heaviest edges between them, in sizes with a ceiling, so no edge names an actor outside the
 * answer. Without a filter, nodes and edges are read from the `actor_event_counts` and
 * `actor_pair_counts` summaries (kept by triggers), so the cost does not grow with the number of
 * events; with a filter, the network is counted from at most `NETWORK_EVENT_LIMIT` matching events,
 * the most recent.
 */
import { and, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { eventParticipants, events } from '../db/schema.ts';
import {
  boundedInteger,
  countParticipations,
  DEFAULT_NETWORK_EDGES,
  DEFAULT_NETWORK_NODES,
  type EventPosition,
  edgeBound,
  edgesAmong,
  NETWORK_EVENT_LIMIT,
  type NetworkEdge,
  type NetworkNode,
  type NetworkOptions,
  nodeBound,
  type ParticipationRow,
} from '../statistics/network.ts';
import {
  type EventFilter,
  type EventOrder,
  type EventRow,
  eventFilterSql,
  keepsEveryLiveEvent,
  listEvents,
} from './events.ts';
import type { Page, PageArgs } from './pagination.ts';

export {
  DEFAULT_NETWORK_EDGES,
  DEFAULT_NETWORK_NODES,
  type EventPosition,
  MAX_NETWORK_EDGES,
  MAX_NETWORK_NODES,
  NETWORK_EVENT_LIMIT,
  type NetworkEdge,
  type NetworkNode,
  type NetworkOptions,
} from '../statistics/network.ts';

/**
 * The network of the events matching one filter, read as each part is asked for: the lists come in
 * the sizes the caller picks, and parts nobody asks for are never counted.
 */
export interface ActorNetworkReader {
  /** Set when the filter matched more than the event limit: only the events from here on are counted. */
  readonly eventsSince: EventPosition | null;
  /** Actors in the whole network (in at least one counted event). */
  nodeCount(): number;
  /** Pairs in the whole network with at least `minWeight` shared events. */
  edgeCount(): number;
  /** The `first` most active actors, most active first (ties by actor ID). */
  nodes(first: number): NetworkNode[];
  /**
   * The `first` heaviest pairs whose two actors are both among the `amongNodes` most active (those
   * `nodes(amongNodes)` returns), heaviest first (ties by source, then target ID).
   */
  edges(first: number, amongNodes: number): NetworkEdge[];
}

/**
 * The network of the events matching `filter`. Without a filter it reads the `actor_event_counts` and
 * `actor_pair_counts` summaries, so its cost does not grow with the number of events; with one it
 * counts at most `eventLimit` matching events, the most recent.
 */
export function readActorNetwork(
  store: Store,
  filter: EventFilter | null | undefined,
  options: NetworkOptions = {},
): ActorNetworkReader {
  const minWeight = boundedInteger(options.minWeight ?? 1, 1, Number.MAX_SAFE_INTEGER, 'minWeight');
  return keepsEveryLiveEvent(filter)
    ? summarisedNetwork(store, minWeight)
    : countedNetwork(store, filter, minWeight, options.eventLimit ?? NETWORK_EVENT_LIMIT);
}

/** The whole answer at once (`maxNodes` nodes and the `maxEdges` heaviest edges between them), for callers that want every part. */
export function actorNetwork(
  store: Store,
  filter: EventFilter | null | undefined,
  {
    maxNodes = DEFAULT_NETWORK_NODES,
    maxEdges = DEFAULT_NETWORK_EDGES,
    ...options
  }: NetworkOptions & {
    maxNodes?: number;
    maxEdges?: number;
  } = {},
) {
  const network = readActorNetwork(store, filter, options);
  return {
    nodes: network.nodes(maxNodes),
    edges: network.edges(maxEdges, maxNodes),
    nodeCount: network.nodeCount(),
    edgeCount: network.edgeCount(),
    eventsSince: network.eventsSince,
  };
}

/** The unfiltered network from the summaries: the top nodes by index, the pairs between them by primary key. */
function summarisedNetwork(store: Store, minWeight: number): ActorNetworkReader {
  // Read once per size: a request asks for its nodes and for the edges among the same nodes.
  const nodeLists = new Map<number, NetworkNode[]>();
  const nodes = (first: number) => {
    let list = nodeLists.get(first);
    if (!list) {
      list = store.all<NetworkNode>(sql`
        select actor_id as actorId, event_count as eventCount from actor_event_counts
        order by event_count desc, actor_id limit ${first}`);
      nodeLists.set(first, list);
    }
    return list;
  };
  return {
    eventsSince: null,
    nodeCount: () => store.get<{ n: number }>(sql`select count(*) as n from actor_event_counts`).n,
    edgeCount: () =>
      store.get<{ n: number }>(sql`select count(*) as n from actor_pair_counts where weight >= ${minWeight}`).n,
    nodes: (first) => nodes(nodeBound(first, 'first')),
    edges: (first, amongNodes) => {
      const ids = JSON.stringify(nodes(nodeBound(amongNodes, 'amongNodes')).map((node) => node.actorId));
      return store.all<NetworkEdge>(sql`
        select actor_id as sourceId, other_id as targetId, weight, first_date as firstDate, last_date as lastDate
        from actor_pair_counts
        where actor_id in (select value from json_each(${ids})) and other_id in (select value from json_each(${ids}))
          and weight >= ${minWeight}
        order by weight desc, actor_id, other_id limit ${edgeBound(first)}`);
    },
  };
}

/** SQL for the events at or after `since` in date order (the events a limited network counted); none when null. */
export const eventsSinceSql = (since: EventPosition | null | undefined): SQL | undefined =>
  since
    ? sql`(${events.dateEarliest}, ${events.dateLatest}, ${events.id}) >= (${since.dateEarliest}, ${since.dateLatest}, ${since.id})`
    : undefined;

/**
 * A filtered network, counted the first time a part is asked for from the participations of the
 * `eventLimit` most recent matching events (one more is read to tell whether the limit applied).
 * They are read in one statement that walks the date index from the newest event, so it stops at the
 * limit, and counted here in one pass for nodes and pairs alike: at most a few tens of thousands of
 * rows, where SQLite needed a statement for each and a self-join for the pairs.
 */
function countedNetwork(
  store: Store,
  filter: EventFilter | null | undefined,
  minWeight: number,
  eventLimit: number,
): ActorNetworkReader {
  const filterSql = eventFilterSql(store, filter) ?? sql`1`;
  let counted: ReturnType<typeof countParticipations> | undefined;
  const count = () => {
    counted ??= countParticipations(
      store.values<ParticipationRow>(sql`
        select m.id, p.actor_id, m.date_earliest, m.date_latest
        from (select ${events.id} as id, ${events.dateEarliest} as date_earliest, ${events.dateLatest} as date_latest
          from ${events} where ${filterSql}
          order by ${events.dateEarliest} desc, ${events.dateLatest} desc, ${events.id} desc limit ${eventLimit + 1}) m
        left join ${eventParticipants} p on p.event_id = m.id
        order by m.date_earliest desc, m.date_latest desc, m.id desc`),
      minWeight,
      eventLimit,
    );
    return counted;
  };
  return {
    get eventsSince() {
      return count().since;
    },
    nodeCount: () => count().nodes.length,
    edgeCount: () => count().pairs.length,
    nodes: (first) => count().nodes.slice(0, nodeBound(first, 'first')),
    edges: (first, amongNodes) => edgesAmong(count(), first, amongNodes),
  };
}

/** SQL for the events every one of `actorIds` took part in: an edge's or a relationship's shared events. */
export function sharedEventsSql(actorIds: readonly number[]): SQL | undefined {
  return and(
    ...actorIds.map(
      (actorId) =>
        sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.actorId} = ${actorId})`,
    ),
  );
}

export interface Relationship {
  actorId: number;
  otherId: number;
  weight: number;
  firstDate: string;
  lastDate: string;
}

/**
 * Each actor's first `limit` neighbours, heaviest first (ties by the other actor's ID), for many
 * actors in one statement, from the pair summary. They are ranked in SQL, so a hub's tens of
 * thousands of pairs never reach JavaScript for a page of ten.
 */
export function relationshipsByActorIds(store: Store, actorIds: readonly number[], limit: number): Relationship[] {
  if (!actorIds.length) return [];
  const ids = JSON.stringify(actorIds);
  return store.all<Relationship>(sql`
    select actorId, otherId, weight, firstDate, lastDate from (
      select *, row_number() over (partition by actorId order by weight desc, otherId) as position from (
        select actor_id as actorId, other_id as otherId, weight, first_date as firstDate, last_date as lastDate
        from actor_pair_counts where actor_id in (select value from json_each(${ids}))
        union all
        select other_id, actor_id, weight, first_date, last_date
        from actor_pair_counts where other_id in (select value from json_each(${ids}))))
    where position <= ${limit}
    order by actorId, position`);
}

/** How many other actors each actor shares a live event with; actors with none are absent. */
export function relationshipCountsByActorIds(store: Store, actorIds: readonly number[]): Map<number, number> {
  if (!actorIds.length) return new Map();
  const ids = JSON.stringify(actorIds);
  return new Map(
    store.values<[number, number]>(sql`
      select actorId, count(*) from (
        select actor_id as actorId from actor_pair_counts where actor_id in (select value from json_each(${ids}))
        union all
        select other_id from actor_pair_counts where other_id in (select value from json_each(${ids})))
      group by actorId`),
  );
}

/**
 * Up to this many shared events, a page of two actors' shared events is read by their IDs, found
 * through the rarer actor's participations; past it, by walking the events in page order and probing
 * each for both actors, where shared events come often enough to fill a page soon. Walking in order
 * reads most events before it finds three of a rare pair; reading by ID fetches and sorts every shared
 * event, which past a few hundred cost more than the walk (measured at 100,000 events).
 */
const SHARED_BY_ID_LIMIT = 200;

function sharedEventsRestriction(store: Store, actorIds: readonly number[]): SQL | undefined {
  if (actorIds.length !== 2) return sharedEventsSql(actorIds);
  const [low, high] = [...actorIds].sort((a, b) => a - b) as [number, number];
  const pair = store.get<{ weight: number }>(
    sql`select weight from actor_pair_counts where actor_id = ${low} and other_id = ${high}`,
  );
  if (pair && pair.weight > SHARED_BY_ID_LIMIT) return sharedEventsSql(actorIds);
  const counts = new Map(
    store.values<[number, number]>(
      sql`select actor_id, event_count from actor_event_counts where actor_id in (${low}, ${high})`,
    ),
  );
  const [rarer, other] = (counts.get(low) ?? 0) <= (counts.get(high) ?? 0) ? [low, high] : [high, low];
  // Walks the rarer actor's participations and probes the other's, never the other way round.
  const ids = store
    .values<[number]>(sql`select x.event_id from ${eventParticipants} x where x.actor_id = ${rarer}
      and exists (select 1 from ${eventParticipants} y where y.event_id = x.event_id and y.actor_id = ${other})`)
    .map(([id]) => id);
  return sql`${events.id} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * A page of the matching events every one of `actorIds` took part in: an edge's or a relationship's
 * events; `since` keeps a limited network's edge to the events it counted.
 */
export const listSharedEvents = (
  store: Store,
  filter: EventFilter | null | undefined,
  actorIds: readonly number[],
  order: readonly EventOrder[],
  page: PageArgs,
  since?: EventPosition | null,
): Page<EventRow> =>
  listEvents(store, filter, order, page, and(sharedEventsRestriction(store, actorIds), eventsSinceSql(since)));

/**
 * Co-participation network: actors are nodes, and two actors are joined by an edge weighted by
 * the number of events both took part in, with the first and last of those events' dates.
 *
 * Both the answer and the work are bounded. The answer holds the `maxNodes` most active actors and
 * the `maxEdges` heaviest edges between them, so no edge names an actor that is not in the answer.
 * Without a filter, nodes and edges are read from the `actor_event_counts` and `actor_pair_counts`
 * summaries (kept by triggers), so the cost does not grow with the number of events. With a filter,
 * the network is counted from at most `NETWORK_EVENT_LIMIT` matching events, the most recent.
 */
import { and, desc, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { eventParticipants, events } from '../db/schema.ts';
import { QueryError } from './errors.ts';
import { type EventFilter, type EventOrder, type EventRow, eventFilterSql, listEvents } from './events.ts';
import type { Page, PageArgs } from './pagination.ts';

/** Nodes returned when the caller does not say: about what a force-directed drawing keeps legible. */
export const DEFAULT_NETWORK_NODES = 100;
/** The most nodes one answer holds. */
export const MAX_NETWORK_NODES = 200;
/** Edges returned when the caller does not say. */
export const DEFAULT_NETWORK_EDGES = 100;
/** The most edges one answer holds. */
export const MAX_NETWORK_EDGES = 500;
/**
 * A filtered network is counted from at most this many matching events, the most recent (by date,
 * latest first), so its cost is bounded however many events match; `ActorNetwork.eventsSince` says
 * when it applied. At 10,000 events the count takes a few hundred milliseconds.
 */
export const NETWORK_EVENT_LIMIT = 10_000;

export interface NetworkNode {
  actorId: number;
  eventCount: number;
}

export interface NetworkEdge {
  sourceId: number;
  targetId: number;
  weight: number;
  /** Earliest possible day of the first shared event. */
  firstDate: string;
  /** Latest possible day of the last shared event. */
  lastDate: string;
}

/** A place in the events' date order (earliest day, latest day, ID): the oldest event a limited network counts. */
export interface EventPosition {
  dateEarliest: string;
  dateLatest: string;
  id: number;
}

export interface NetworkOptions {
  /** Leave out pairs with fewer shared events. */
  minWeight?: number;
  maxNodes?: number;
  maxEdges?: number;
  /** How many matching events a filtered network counts at most; NETWORK_EVENT_LIMIT unless a test lowers it. */
  eventLimit?: number;
}

export interface ActorNetwork {
  /** The `maxNodes` most active actors, most active first (ties by actor ID). */
  nodes: NetworkNode[];
  /** The `maxEdges` heaviest pairs between returned nodes, heaviest first (ties by source, then target ID). */
  edges: NetworkEdge[];
  /** Actors in the whole network (in at least one counted event). */
  nodeCount: number;
  /** Pairs in the whole network with at least `minWeight` shared events. */
  edgeCount: number;
  /** Set when the filter matched more than NETWORK_EVENT_LIMIT events: only the events from here on were counted. */
  eventsSince: EventPosition | null;
}

function boundedInteger(value: number, least: number, most: number, argument: string): number {
  if (!Number.isInteger(value) || value < least || value > most) {
    const range = most === Number.MAX_SAFE_INTEGER ? `at least ${least}` : `between ${least} and ${most}`;
    throw new QueryError('BAD_USER_INPUT', `\`${argument}\` must be ${range}; got ${value}.`, argument);
  }
  return value;
}

/** Nodes, edges and their totals, counted in SQL: no event row reaches JavaScript. */
export function actorNetwork(
  store: Store,
  filter: EventFilter | null | undefined,
  options: NetworkOptions = {},
): ActorNetwork {
  const bounds = {
    minWeight: boundedInteger(options.minWeight ?? 1, 1, Number.MAX_SAFE_INTEGER, 'minWeight'),
    maxNodes: boundedInteger(options.maxNodes ?? DEFAULT_NETWORK_NODES, 1, MAX_NETWORK_NODES, 'maxNodes'),
    maxEdges: boundedInteger(options.maxEdges ?? DEFAULT_NETWORK_EDGES, 1, MAX_NETWORK_EDGES, 'maxEdges'),
    eventLimit: options.eventLimit ?? NETWORK_EVENT_LIMIT,
  };
  return hasNoCondition(filter) ? summarisedNetwork(store, bounds) : countedNetwork(store, filter, bounds);
}

/** True when the filter keeps every live event, so the summaries answer for it. */
const hasNoCondition = (filter: EventFilter | null | undefined) =>
  !filter ||
  Object.entries(filter).every(
    ([field, value]) =>
      field === 'dateMatch' ||
      field === 'actorsMatch' ||
      value == null ||
      value === false ||
      (Array.isArray(value) && !value.length),
  );

type Bounds = Required<NetworkOptions>;

const idsJson = (nodes: readonly NetworkNode[]) => JSON.stringify(nodes.map((node) => node.actorId));

/** The unfiltered network from the summaries: the top nodes by index, their pairs by primary key. */
function summarisedNetwork(store: Store, { minWeight, maxNodes, maxEdges }: Bounds): ActorNetwork {
  const nodes = store.all<NetworkNode>(sql`
    select actor_id as actorId, event_count as eventCount from actor_event_counts
    order by event_count desc, actor_id limit ${maxNodes}`);
  const ids = idsJson(nodes);
  const edges = store.all<NetworkEdge>(sql`
    select actor_id as sourceId, other_id as targetId, weight, first_date as firstDate, last_date as lastDate
    from actor_pair_counts
    where actor_id in (select value from json_each(${ids})) and other_id in (select value from json_each(${ids}))
      and weight >= ${minWeight}
    order by weight desc, actor_id, other_id limit ${maxEdges}`);
  const { nodeCount } = store.get<{ nodeCount: number }>(sql`select count(*) as nodeCount from actor_event_counts`)!;
  const { edgeCount } = store.get<{ edgeCount: number }>(
    sql`select count(*) as edgeCount from actor_pair_counts where weight >= ${minWeight}`,
  )!;
  return { nodes, edges, nodeCount, edgeCount, eventsSince: null };
}

const NEWEST_FIRST = [desc(events.dateEarliest), desc(events.dateLatest), desc(events.id)];

/** The oldest of the `eventLimit` most recent matching events, when more than that many match. */
function limitPosition(store: Store, matching: SQL | undefined, eventLimit: number): EventPosition | null {
  const [last, beyond] = store
    .select({ dateEarliest: events.dateEarliest, dateLatest: events.dateLatest, id: events.id })
    .from(events)
    .where(matching)
    .orderBy(...NEWEST_FIRST)
    .limit(2)
    .offset(eventLimit - 1)
    .all();
  return beyond ? last! : null;
}

/** SQL for the events at or after `since` in date order (the events a limited network counted); none when null. */
export const eventsSinceSql = (since: EventPosition | null | undefined): SQL | undefined =>
  since
    ? sql`(${events.dateEarliest}, ${events.dateLatest}, ${events.id}) >= (${since.dateEarliest}, ${since.dateLatest}, ${since.id})`
    : undefined;

/** A filtered network counted from the matching events (at most NETWORK_EVENT_LIMIT of them). */
function countedNetwork(
  store: Store,
  filter: EventFilter | null | undefined,
  { minWeight, maxNodes, maxEdges, eventLimit }: Bounds,
): ActorNetwork {
  const filterSql = eventFilterSql(store, filter);
  const eventsSince = limitPosition(store, filterSql, eventLimit);
  const matching = store
    .select({ id: events.id, dateEarliest: events.dateEarliest, dateLatest: events.dateLatest })
    .from(events)
    .where(and(filterSql, eventsSinceSql(eventsSince)));
  // An actor can hold two roles in one event; it takes part once.
  const tookPart = sql`with matching as ${matching}, took_part as (
      select distinct p.event_id, p.actor_id, m.date_earliest, m.date_latest
      from ${eventParticipants} p join matching m on m.id = p.event_id)`;
  const allNodes = store.all<NetworkNode>(sql`${tookPart}
    select actor_id as actorId, count(*) as eventCount from took_part
    group by actor_id order by eventCount desc, actorId`);
  const nodes = allNodes.slice(0, maxNodes);
  const ids = idsJson(nodes);
  // Every pair is counted (for edgeCount, taken over the whole network by the window) before the
  // answer keeps the pairs between returned nodes.
  const rows = store.all<NetworkEdge & { edgeCount: number }>(sql`${tookPart},
    pairs as (
      select a.actor_id as sourceId, b.actor_id as targetId, count(*) as weight,
        min(a.date_earliest) as firstDate, max(a.date_latest) as lastDate, count(*) over () as edgeCount
      from took_part a join took_part b on b.event_id = a.event_id and b.actor_id > a.actor_id
      group by a.actor_id, b.actor_id having count(*) >= ${minWeight})
    select * from pairs
    where sourceId in (select value from json_each(${ids})) and targetId in (select value from json_each(${ids}))
    order by weight desc, sourceId, targetId limit ${maxEdges}`);
  const edgeCount = rows[0]?.edgeCount ?? pairCount(store, tookPart, minWeight);
  const edges = rows.map(({ edgeCount: _total, ...edge }) => edge);
  return { nodes, edges, nodeCount: allNodes.length, edgeCount, eventsSince };
}

/** The number of pairs when none lies between the returned nodes (so the edge query returned no total). */
const pairCount = (store: Store, tookPart: SQL, minWeight: number) =>
  store.get<{ n: number }>(sql`${tookPart}
    select count(*) as n from (select 1 from took_part a join took_part b on b.event_id = a.event_id and b.actor_id > a.actor_id
      group by a.actor_id, b.actor_id having count(*) >= ${minWeight})`)!.n;

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

/** Every actor's neighbours, heaviest first, for many actors in one statement, from the pair summary. */
export function relationshipsByActorIds(store: Store, actorIds: readonly number[]): Relationship[] {
  if (!actorIds.length) return [];
  const ids = JSON.stringify(actorIds);
  return store.all<Relationship>(sql`
    select actorId, otherId, weight, firstDate, lastDate from (
      select actor_id as actorId, other_id as otherId, weight, first_date as firstDate, last_date as lastDate
      from actor_pair_counts where actor_id in (select value from json_each(${ids}))
      union all
      select other_id, actor_id, weight, first_date, last_date
      from actor_pair_counts where other_id in (select value from json_each(${ids})))
    order by actorId, weight desc, otherId`);
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
): Page<EventRow> => listEvents(store, filter, order, page, and(sharedEventsSql(actorIds), eventsSinceSql(since)));

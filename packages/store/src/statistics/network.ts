/**
 * Co-participation network, the part both databases share: actors are nodes, and two actors are
 * joined by an edge weighted by the number of events both took part in, with the first and last of
 * those events' dates.
 *
 * Both the answer and the work are bounded. Callers ask for the most active actors and the
 * heaviest edges between them, in sizes with a ceiling, so no edge names an actor outside the
 * answer. Without a filter, nodes and edges are read from the `actor_event_counts` and
 * `actor_pair_counts` summaries (kept by triggers), so the cost does not grow with the number of
 * events; with a filter, the network is counted from at most `NETWORK_EVENT_LIMIT` matching events,
 * the most recent.
 *
 * Each database reads the summaries or the participations its own way (`queries/network.ts`,
 * `postgres-store/insight-reads.ts`); the bounds, the counting of participations and the edges
 * among the top nodes are here.
 */
import { QueryError } from '../errors/query-error.ts';

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
 * latest first), so its cost is bounded however many events match; `eventsSince` says when it
 * applied. At 5,000 events of the 100,000-event synthetic data the count takes about 100 ms.
 */
export const NETWORK_EVENT_LIMIT = 5_000;

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
  /** How many matching events a filtered network counts at most; NETWORK_EVENT_LIMIT unless a test lowers it. */
  eventLimit?: number;
}

export function boundedInteger(value: number, least: number, most: number, argument: string): number {
  if (!Number.isInteger(value) || value < least || value > most) {
    const range = most === Number.MAX_SAFE_INTEGER ? `at least ${least}` : `between ${least} and ${most}`;
    throw new QueryError('BAD_USER_INPUT', `\`${argument}\` must be ${range}; got ${value}.`, argument);
  }
  return value;
}

export const nodeBound = (first: number, argument: string) => boundedInteger(first, 1, MAX_NETWORK_NODES, argument);
export const edgeBound = (first: number) => boundedInteger(first, 1, MAX_NETWORK_EDGES, 'first');

export const byRank = (a: NetworkEdge, b: NetworkEdge) =>
  b.weight - a.weight || a.sourceId - b.sourceId || a.targetId - b.targetId;

export type ParticipationRow = [eventId: number, actorId: number | null, dateEarliest: string, dateLatest: string];

/**
 * Nodes (most active first) and pairs of at least `minWeight` (heaviest first) from participation rows
 * grouped by event, newest event first; an event past the first `eventLimit` only tells that the limit applied.
 */
export function countParticipations(rows: readonly ParticipationRow[], minWeight: number, eventLimit: number) {
  const eventCounts = new Map<number, number>();
  // Keyed by the smaller actor ID, then the larger: small integer keys, which Maps hash fastest.
  const pairs = new Map<number, Map<number, NetworkEdge>>();
  // The oldest event counted so far; it becomes `since` when an event beyond the limit follows it.
  let oldest: EventPosition | null = null;
  let since: EventPosition | null = null;
  let eventsCounted = 0;
  for (let start = 0; start < rows.length; ) {
    const [eventId, , firstDate, lastDate] = rows[start]!;
    if (eventsCounted === eventLimit) {
      since = oldest;
      break;
    }
    // An actor can hold two roles in one event; it takes part once.
    const actorIds = new Set<number>();
    for (; start < rows.length && rows[start]![0] === eventId; start++) {
      const actorId = rows[start]![1];
      if (actorId !== null) actorIds.add(actorId);
    }
    eventsCounted++;
    oldest = { dateEarliest: firstDate, dateLatest: lastDate, id: eventId };
    const sorted = [...actorIds].sort((a, b) => a - b);
    for (const [index, sourceId] of sorted.entries()) {
      eventCounts.set(sourceId, (eventCounts.get(sourceId) ?? 0) + 1);
      const partners = pairs.get(sourceId) ?? new Map<number, NetworkEdge>();
      pairs.set(sourceId, partners);
      for (const targetId of sorted.slice(index + 1)) {
        const pair = partners.get(targetId);
        if (!pair) partners.set(targetId, { sourceId, targetId, weight: 1, firstDate, lastDate });
        else {
          pair.weight++;
          if (firstDate < pair.firstDate) pair.firstDate = firstDate;
          if (lastDate > pair.lastDate) pair.lastDate = lastDate;
        }
      }
    }
  }
  const nodes = [...eventCounts]
    .map(([actorId, eventCount]) => ({ actorId, eventCount }))
    .sort((a, b) => b.eventCount - a.eventCount || a.actorId - b.actorId);
  const kept = [...pairs.values()]
    .flatMap((partners) => [...partners.values()])
    .filter((pair) => pair.weight >= minWeight);
  return { nodes, pairs: kept.sort(byRank), since };
}

/** The `first` heaviest of `pairs` whose two actors are both among the `amongNodes` first `nodes`. */
export function edgesAmong(
  counted: { nodes: readonly NetworkNode[]; pairs: readonly NetworkEdge[] },
  first: number,
  amongNodes: number,
): NetworkEdge[] {
  const among = new Set(counted.nodes.slice(0, nodeBound(amongNodes, 'amongNodes')).map((node) => node.actorId));
  const bound = edgeBound(first);
  const edges: NetworkEdge[] = [];
  for (const pair of counted.pairs) {
    if (edges.length === bound) break;
    if (among.has(pair.sourceId) && among.has(pair.targetId)) edges.push(pair);
  }
  return edges;
}

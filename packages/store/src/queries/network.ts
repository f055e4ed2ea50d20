/**
 * Co-participation network: actors are nodes, and two actors are joined by an edge weighted by
 * the number of events both took part in, with the first and last of those events' dates.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { eventParticipants } from '../db/schema.ts';
import type { EventFilter } from './events.ts';
import { filteredEvents } from './stats.ts';

export interface NetworkEdge {
  sourceId: number;
  targetId: number;
  weight: number;
  /** Earliest possible day of the first shared event. */
  firstDate: string;
  /** Latest possible day of the last shared event. */
  lastDate: string;
  eventIds: number[];
}

export interface ActorNetwork {
  nodes: { actorId: number; eventCount: number }[];
  edges: NetworkEdge[];
}

export function actorNetwork(store: Store, filter: EventFilter | null | undefined, minWeight = 1): ActorNetwork {
  const events = filteredEvents(store, filter);
  const participation = events.length
    ? store
        .selectDistinct({ eventId: eventParticipants.eventId, actorId: eventParticipants.actorId })
        .from(eventParticipants)
        .where(
          inArray(
            eventParticipants.eventId,
            events.map((event) => event.id),
          ),
        )
        .orderBy(eventParticipants.eventId, eventParticipants.actorId)
        .all()
    : [];

  const eventCounts = new Map<number, number>();
  const actorsByEvent = new Map<number, number[]>();
  for (const { eventId, actorId } of participation) {
    eventCounts.set(actorId, (eventCounts.get(actorId) ?? 0) + 1);
    actorsByEvent.set(eventId, [...(actorsByEvent.get(eventId) ?? []), actorId]);
  }

  const edges = new Map<string, NetworkEdge>();
  // In date order, so each edge lists its shared events earliest first.
  for (const { id: eventId, dateEarliest, dateLatest } of events) {
    const actorIds = actorsByEvent.get(eventId) ?? [];
    for (let i = 0; i < actorIds.length; i++) {
      for (let j = i + 1; j < actorIds.length; j++) {
        const [sourceId, targetId] = [actorIds[i]!, actorIds[j]!].sort((a, b) => a - b) as [number, number];
        const key = `${sourceId}-${targetId}`;
        const edge = edges.get(key) ?? {
          sourceId,
          targetId,
          weight: 0,
          firstDate: dateEarliest,
          lastDate: dateLatest,
          eventIds: [],
        };
        edge.weight++;
        edge.eventIds.push(eventId);
        if (dateEarliest < edge.firstDate) edge.firstDate = dateEarliest;
        if (dateLatest > edge.lastDate) edge.lastDate = dateLatest;
        edges.set(key, edge);
      }
    }
  }
  const kept = [...edges.values()]
    .filter((edge) => edge.weight >= minWeight)
    .sort((a, b) => b.weight - a.weight || a.sourceId - b.sourceId || a.targetId - b.targetId);
  return {
    nodes: [...eventCounts]
      .map(([actorId, eventCount]) => ({ actorId, eventCount }))
      .sort((a, b) => b.eventCount - a.eventCount || a.actorId - b.actorId),
    edges: kept,
  };
}

export interface Relationship {
  actorId: number;
  otherId: number;
  weight: number;
  firstDate: string;
  lastDate: string;
  eventIds: number[];
}

/** Every actor's neighbours, heaviest first, for many actors in one statement. */
export function relationshipsByActorIds(store: Store, actorIds: readonly number[]): Relationship[] {
  if (!actorIds.length) return [];
  const rows = store.all<{
    actorId: number;
    otherId: number;
    weight: number;
    firstDate: string;
    lastDate: string;
    eventIds: string;
  }>(sql`
    with took_part as (
      select distinct event_id, actor_id from event_participants
      where event_id not in (select id from events where archived_at is not null))
    select a.actor_id as actorId, b.actor_id as otherId, count(*) as weight,
      min(e.date_earliest) as firstDate, max(e.date_latest) as lastDate, group_concat(e.id) as eventIds
    from took_part a
    join took_part b on b.event_id = a.event_id and b.actor_id <> a.actor_id
    join events e on e.id = a.event_id
    where a.actor_id in (${sql.join(
      actorIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    group by a.actor_id, b.actor_id
    order by a.actor_id, weight desc, b.actor_id`);
  return rows.map((row) => ({
    ...row,
    eventIds: row.eventIds
      .split(',')
      .map(Number)
      .sort((x, y) => x - y),
  }));
}

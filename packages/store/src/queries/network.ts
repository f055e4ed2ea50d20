/**
 * Co-participation network: actors are nodes, and two actors are joined by an edge weighted by
 * the number of events both took part in, with the first and last of those events' dates.
 */
import { and, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { eventParticipants, events } from '../db/schema.ts';
import { type EventFilter, type EventOrder, type EventRow, eventFilterSql, listEvents } from './events.ts';
import type { Page, PageArgs } from './pagination.ts';

export interface NetworkEdge {
  sourceId: number;
  targetId: number;
  weight: number;
  /** Earliest possible day of the first shared event. */
  firstDate: string;
  /** Latest possible day of the last shared event. */
  lastDate: string;
}

export interface ActorNetwork {
  nodes: { actorId: number; eventCount: number }[];
  edges: NetworkEdge[];
}

/**
 * Nodes and edges counted in SQL: the matching events never reach JavaScript, and the answer grows
 * with the number of actors and pairs, not with the number of events.
 */
export function actorNetwork(store: Store, filter: EventFilter | null | undefined, minWeight = 1): ActorNetwork {
  const matching = store
    .select({ id: events.id, dateEarliest: events.dateEarliest, dateLatest: events.dateLatest })
    .from(events)
    .where(eventFilterSql(store, filter));
  // An actor can hold two roles in one event; it takes part once.
  const tookPart = sql`took_part as (select distinct p.event_id, p.actor_id, m.date_earliest, m.date_latest
      from ${eventParticipants} p join matching m on m.id = p.event_id)`;
  const nodes = store.all<{ actorId: number; eventCount: number }>(sql`
    with matching as ${matching}, ${tookPart}
    select actor_id as actorId, count(*) as eventCount from took_part
    group by actor_id order by eventCount desc, actorId`);
  const edges = store.all<NetworkEdge>(sql`
    with matching as ${matching}, ${tookPart}
    select a.actor_id as sourceId, b.actor_id as targetId, count(*) as weight,
      min(a.date_earliest) as firstDate, max(a.date_latest) as lastDate
    from took_part a join took_part b on b.event_id = a.event_id and b.actor_id > a.actor_id
    group by a.actor_id, b.actor_id having count(*) >= ${minWeight}
    order by weight desc, sourceId, targetId`);
  return { nodes, edges };
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

/** Every actor's neighbours, heaviest first, for many actors in one statement. */
export function relationshipsByActorIds(store: Store, actorIds: readonly number[]): Relationship[] {
  if (!actorIds.length) return [];
  const rows = store.all<{
    actorId: number;
    otherId: number;
    weight: number;
    firstDate: string;
    lastDate: string;
  }>(sql`
    select a.actor_id as actorId, b.actor_id as otherId, count(distinct a.event_id) as weight,
      min(e.date_earliest) as firstDate, max(e.date_latest) as lastDate
    from event_participants a
    join event_participants b on b.event_id = a.event_id and b.actor_id <> a.actor_id
    join events e on e.id = a.event_id and e.archived_at is null
    where a.actor_id in (${sql.join(
      actorIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    group by a.actor_id, b.actor_id
    order by a.actor_id, weight desc, b.actor_id`);
  return rows;
}

/** A page of the matching events every one of `actorIds` took part in: an edge's or a relationship's events. */
export const listSharedEvents = (
  store: Store,
  filter: EventFilter | null | undefined,
  actorIds: readonly number[],
  order: readonly EventOrder[],
  page: PageArgs,
): Page<EventRow> => listEvents(store, filter, order, page, sharedEventsSql(actorIds));

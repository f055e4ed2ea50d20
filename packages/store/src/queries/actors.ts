import { and, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { actors, eventParticipants, events } from '../db/schema.ts';
import { WALK_FROM_EVENTS } from '../paging/actor-pages.ts';
import type { ActorKind } from '../vocabulary/terms.ts';
import { type EventOrder, type EventRow, eventSortKeys, listEvents, liveEventSql } from './events.ts';
import { groupedPages } from './grouped-pages.ts';
import { type Page, type PageArgs, planPage } from './pagination.ts';
import { type ActorRow, eventCountsByActorIds } from './related.ts';
import { toFtsQuery } from './text-search.ts';

export interface ActorFilter {
  /** Matches the start of any word of the actor's name or of any alias, ignoring case and accents. */
  text?: string | null;
  kinds?: ActorKind[] | null;
}

export function actorFilterSql(filter: ActorFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.kinds?.length) conditions.push(inArray(actors.kind, filter.kinds));
  if (filter.text != null) {
    const query = toFtsQuery(filter.text, 'filter.text', { prefixEveryWord: true });
    if (query) conditions.push(sql`${actors.id} in (select rowid from actor_search where actor_search match ${query})`);
  }
  return and(...conditions);
}

const ACTOR_KEYS = [
  { column: actors.name, direction: 'asc' as const, value: (row: ActorRow) => row.name },
  { column: actors.id, direction: 'asc' as const, value: (row: ActorRow) => row.id },
];

/** Actors in name order. */
export function listActors(store: Store, filter: ActorFilter | null | undefined, page: PageArgs): Page<ActorRow> {
  const plan = planPage('name:asc', ACTOR_KEYS, page);
  return plan.finish(
    store
      .select()
      .from(actors)
      .where(and(actorFilterSql(filter), plan.where))
      .orderBy(...plan.orderBy)
      .limit(plan.limit)
      .all(),
  );
}

export function countActors(store: Store, filter: ActorFilter | null | undefined): number {
  return store.select({ n: sql<number>`count(*)` }).from(actors).where(actorFilterSql(filter)).get()!.n;
}

export function actorBySlug(store: Store, slug: string): ActorRow | undefined {
  return store.select().from(actors).where(eq(actors.slug, slug)).get();
}

/**
 * One page of events per actor: the actors with fewer than WALK_FROM_EVENTS live events in one
 * statement that gathers and sorts their events; each busier one by walking the events in page order
 * and keeping its own (`listEvents` with the actor's participation as the condition), as on
 * PostgreSQL. Gathering a hub's hundreds of thousands of events to serve one page took seconds.
 */
export function eventPagesByActorIds(
  store: Store,
  actorIds: readonly number[],
  order: readonly EventOrder[],
  page: PageArgs,
): Map<number, Page<EventRow>> {
  const counts = eventCountsByActorIds(store, actorIds);
  const walked = actorIds.filter((id) => (counts.get(id) ?? 0) >= WALK_FROM_EVENTS);
  const gathered = actorIds.filter((id) => !walked.includes(id));
  const pages = gatheredEventPages(store, gathered, order, page);
  for (const actorId of walked)
    pages.set(
      actorId,
      listEvents(
        store,
        null,
        order,
        page,
        exists(
          store
            .select({ one: sql`1` })
            .from(eventParticipants)
            .where(and(eq(eventParticipants.eventId, events.id), eq(eventParticipants.actorId, actorId))),
        ),
      ),
    );
  return pages;
}

/** One page of events per actor, for many actors in one statement. */
function gatheredEventPages(
  store: Store,
  actorIds: readonly number[],
  order: readonly EventOrder[],
  page: PageArgs,
): Map<number, Page<EventRow>> {
  const { keys, ordering } = eventSortKeys(order);
  // An actor can hold two roles in one event; count the event once.
  const tookPart = store
    .selectDistinct({ eventId: eventParticipants.eventId, actorId: eventParticipants.actorId })
    .from(eventParticipants)
    .where(inArray(eventParticipants.actorId, [...actorIds]))
    .as('took_part');
  return groupedPages(store, {
    table: events,
    parent: tookPart.actorId,
    join: (query) => query.innerJoin(tookPart, eq(tookPart.eventId, events.id)),
    restrict: liveEventSql,
    parentIds: actorIds,
    ordering,
    keys,
    args: page,
  });
}

import { and, eq, exists, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { FuzzyDateError, parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { Store } from '../db/client.ts';
import { actors, claims, eventParticipants, eventSectors, events } from '../db/schema.ts';
import type { EventKind } from '../vocabulary/event-kinds.ts';
import type { Sector } from '../vocabulary/terms.ts';
import { batchedLookup, inBatch } from './batched.ts';
import { QueryError } from './errors.ts';
import { type Page, type PageArgs, planPage, type SortKey } from './pagination.ts';
import { toFtsQuery } from './text-search.ts';

export type EventRow = typeof events.$inferSelect;

export interface EventFilter {
  /** Fuzzy date; the range starts at its earliest day. */
  from?: string | null;
  /** Fuzzy date; the range ends at its latest day. */
  to?: string | null;
  /** `within`: the event's whole possible span lies in the range; `overlaps`: any part of it does. */
  dateMatch?: 'within' | 'overlaps' | null;
  kinds?: EventKind[] | null;
  /** Actor slugs. */
  actors?: string[] | null;
  /** `any`: at least one of the actors took part; `all`: every one of them did. */
  actorsMatch?: 'any' | 'all' | null;
  sectors?: Sector[] | null;
  text?: string | null;
  hasConflicts?: boolean | null;
  /** Archived events (tombstones) are left out unless this is true. `text` never matches them: the search index holds live events only. */
  includeArchived?: boolean | null;
}

export type EventOrderField = 'date' | 'title' | 'kind';
export interface EventOrder {
  field: EventOrderField;
  direction: 'asc' | 'desc';
}

/** Parses a filter date, turning a bad one into the caller's INVALID_DATE error. */
export function dateBound(value: string, argument: string) {
  try {
    return parseFuzzyDate(value);
  } catch (error) {
    if (error instanceof FuzzyDateError) throw new QueryError('INVALID_DATE', error.message, argument);
    throw error;
  }
}

/** SQL for events whose claims hold more than one distinct value for some field. */
export const hasConflictSql = sql`exists (select 1 from ${claims} where ${claims.eventId} = ${events.id} group by ${claims.field} having count(distinct ${claims.value}) > 1)`;

/** SQL for events that are not archived: what every list shows unless asked otherwise. */
export const liveEventSql = isNull(events.archivedAt);

export function eventFilterSql(store: Store, filter: EventFilter | null | undefined): SQL | undefined {
  if (!filter) return liveEventSql;
  const conditions: (SQL | undefined)[] = [filter.includeArchived ? undefined : liveEventSql];
  const from = filter.from ? dateBound(filter.from, 'filter.from').earliest : undefined;
  const to = filter.to ? dateBound(filter.to, 'filter.to').latest : undefined;
  if (from && to && from > to)
    throw new QueryError(
      'INVALID_DATE',
      `filter.from (${filter.from}) is after filter.to (${filter.to}).`,
      'filter.from',
    );
  const overlaps = filter.dateMatch === 'overlaps';
  if (from) conditions.push(overlaps ? sql`${events.dateLatest} >= ${from}` : sql`${events.dateEarliest} >= ${from}`);
  if (to) conditions.push(overlaps ? sql`${events.dateEarliest} <= ${to}` : sql`${events.dateLatest} <= ${to}`);
  if (filter.kinds?.length) conditions.push(inArray(events.kind, filter.kinds));
  if (filter.sectors?.length) {
    conditions.push(
      exists(
        store
          .select({ one: sql`1` })
          .from(eventSectors)
          .where(and(eq(eventSectors.eventId, events.id), inArray(eventSectors.sector, filter.sectors))),
      ),
    );
  }
  if (filter.actors?.length) {
    const actorIds = resolveActorSlugs(store, filter.actors, 'filter.actors');
    const tookPart = (ids: number[]) =>
      exists(
        store
          .select({ one: sql`1` })
          .from(eventParticipants)
          .where(and(eq(eventParticipants.eventId, events.id), inArray(eventParticipants.actorId, ids))),
      );
    if (filter.actorsMatch === 'all') conditions.push(...actorIds.map((id) => tookPart([id])));
    else conditions.push(tookPart(actorIds));
  }
  if (filter.text != null) {
    const query = toFtsQuery(filter.text, 'filter.text');
    if (query) conditions.push(sql`${events.id} in (select rowid from event_search where event_search match ${query})`);
  }
  if (filter.hasConflicts != null) conditions.push(filter.hasConflicts ? hasConflictSql : sql`not ${hasConflictSql}`);
  return and(...conditions);
}

export function resolveActorSlugs(store: Store, slugs: string[], argument: string): number[] {
  const found = store
    .select({ id: actors.id, slug: actors.slug })
    .from(actors)
    .where(inArray(actors.slug, slugs))
    .all();
  const missing = slugs.filter((slug) => !found.some((row) => row.slug === slug));
  if (missing.length) {
    throw new QueryError(
      'NOT_FOUND',
      `No actor has the slug ${missing.map((slug) => `"${slug}"`).join(', ')}. Look slugs up with the actors query.`,
      argument,
    );
  }
  return found.map((row) => row.id);
}

const ORDER_KEYS: Record<EventOrderField, (direction: 'asc' | 'desc') => SortKey<EventRow>[]> = {
  date: (direction) => [
    { column: events.dateEarliest, direction, value: (row) => row.dateEarliest },
    { column: events.dateLatest, direction, value: (row) => row.dateLatest },
  ],
  title: (direction) => [{ column: events.title, direction, value: (row) => row.title }],
  kind: (direction) => [
    { column: events.kind, direction, value: (row) => row.kind },
    { column: events.dateEarliest, direction, value: (row) => row.dateEarliest },
    { column: events.dateLatest, direction, value: (row) => row.dateLatest },
  ],
};

export const DEFAULT_EVENT_ORDER: EventOrder[] = [{ field: 'date', direction: 'asc' }];

export function eventSortKeys(order: readonly EventOrder[]) {
  const effective = order.length ? order : DEFAULT_EVENT_ORDER;
  // The ID breaks ties in the direction of the last key, so a one-direction order is one row value
  // that an index on (keys..., id) serves from either end (see `beyond` in pagination.ts).
  const keys: SortKey<EventRow>[] = [
    ...effective.flatMap((entry) => ORDER_KEYS[entry.field](entry.direction)),
    { column: events.id, direction: effective.at(-1)!.direction, value: (row) => row.id },
  ];
  return { keys, ordering: effective.map((entry) => `${entry.field}:${entry.direction}`).join(',') || 'id' };
}

export function listEvents(
  store: Store,
  filter: EventFilter | null | undefined,
  order: readonly EventOrder[],
  page: PageArgs,
  /** A further condition, such as the bucket of a statistic (`bucketSql`) or the events two actors share. */
  restrict?: SQL,
): Page<EventRow> {
  const { keys, ordering } = eventSortKeys(order);
  const plan = planPage(ordering, keys, page);
  // The cursor bound comes first: with two lower bounds on the date index (the cursor and a `from`
  // filter), SQLite seeks by the first, and the cursor is the one that keeps deep pages cheap.
  const rows = store
    .select()
    .from(events)
    .where(and(plan.where, eventFilterSql(store, filter), restrict))
    .orderBy(...plan.orderBy)
    .limit(plan.limit)
    .all();
  return plan.finish(rows);
}

export function countEvents(store: Store, filter: EventFilter | null | undefined, restrict?: SQL): number {
  return store
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(and(eventFilterSql(store, filter), restrict))
    .get()!.n;
}

export const eventsByIds = batchedLookup<EventRow>((store) => store.select().from(events).where(inBatch(events.id)));

export function eventBySlug(store: Store, slug: string): EventRow | undefined {
  return store.select().from(events).where(eq(events.slug, slug)).get();
}

import { and, eq, exists, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { FuzzyDateError, parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { Store } from '../db/client.ts';
import { actors, citations, claims, eventParticipants, eventSectors, events, sources } from '../db/schema.ts';
import type { EventKind } from '../vocabulary/event-kinds.ts';
import { keysOf, type Sector } from '../vocabulary/terms.ts';
import { batchedLookup, inBatch } from './batched.ts';
import { inlineValues, NamedValues, preparedByShape, type ValueBinder } from './bound-values.ts';
import { QueryError } from './errors.ts';
import { readThroughIndex } from './indexed-by.ts';
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
  /** Source slugs: events that cite any of these documents in their own citations. */
  sources?: string[] | null;
  /** Archived events (tombstones) are left out unless this is true. `text` never matches them: the search index holds live events only. */
  includeArchived?: boolean | null;
}

const absent = (value: unknown) => value == null || value === '';
const noneListed = (value: readonly unknown[] | null | undefined) => !value?.length;
const always = () => true;

/** For each filter field, whether its value lets every live event through. */
const FILTERS_NOTHING: { [Field in keyof Required<EventFilter>]: (value: EventFilter[Field]) => boolean } = {
  from: absent,
  to: absent,
  // How dates or actors combine filters nothing by itself.
  dateMatch: always,
  kinds: noneListed,
  actors: noneListed,
  actorsMatch: always,
  sectors: noneListed,
  text: absent,
  // false is a condition: only events on which sources agree.
  hasConflicts: absent,
  sources: noneListed,
  includeArchived: (value) => !value,
};

/**
 * True when `filter` keeps every live event, apart from the fields in `besides` (which the caller
 * applies itself), so summaries kept over all live events (statistics, the network) answer for it.
 */
export function keepsEveryLiveEvent(
  filter: EventFilter | null | undefined,
  besides: readonly (keyof EventFilter)[] = [],
): boolean {
  const filtersNothing = <Field extends keyof EventFilter>(field: Field) =>
    besides.includes(field) || FILTERS_NOTHING[field](filter?.[field]);
  return keysOf(FILTERS_NOTHING).every(filtersNothing);
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

/**
 * The condition for `filter`. Its values go through `binder`: inline by default, or as named
 * placeholders when the caller prepares one statement per shape of filter (`listEvents`).
 */
export function eventFilterSql(
  store: Store,
  filter: EventFilter | null | undefined,
  binder: ValueBinder = inlineValues,
): SQL | undefined {
  if (!filter) return liveEventSql;
  if (filter.includeArchived) binder.form('archived included');
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
  if (overlaps && (from || to)) binder.form('overlaps');
  if (from) {
    const bound = binder.value('from', from);
    conditions.push(overlaps ? sql`${events.dateLatest} >= ${bound}` : sql`${events.dateEarliest} >= ${bound}`);
  }
  if (to) {
    const bound = binder.value('to', to);
    conditions.push(overlaps ? sql`${events.dateEarliest} <= ${bound}` : sql`${events.dateLatest} <= ${bound}`);
  }
  if (filter.kinds?.length)
    conditions.push(
      inArray(
        events.kind,
        filter.kinds.map((kind, index) => binder.value(`kind${index}`, kind)),
      ),
    );
  if (filter.sectors?.length) {
    const sectors = filter.sectors.map((sector, index) => binder.value(`sector${index}`, sector));
    conditions.push(
      exists(
        store
          .select({ one: sql`1` })
          .from(eventSectors)
          .where(and(eq(eventSectors.eventId, events.id), inArray(eventSectors.sector, sectors))),
      ),
    );
  }
  if (filter.actors?.length) {
    const actorIds = resolveActorSlugs(store, filter.actors, 'filter.actors').map((id, index) =>
      binder.value(`actor${index}`, id),
    );
    const tookPart = (ids: (typeof actorIds)[number][]) =>
      exists(
        store
          .select({ one: sql`1` })
          .from(eventParticipants)
          .where(and(eq(eventParticipants.eventId, events.id), inArray(eventParticipants.actorId, ids))),
      );
    if (filter.actorsMatch === 'all') {
      binder.form('every actor');
      conditions.push(...actorIds.map((id) => tookPart([id])));
    } else conditions.push(tookPart(actorIds));
  }
  if (filter.text != null) {
    const query = toFtsQuery(filter.text, 'filter.text');
    if (query)
      conditions.push(
        sql`${events.id} in (select rowid from event_search where event_search match ${binder.value('text', query)})`,
      );
  }
  if (filter.sources?.length) {
    const slugs = filter.sources.map((slug, index) => binder.value(`source${index}`, slug));
    conditions.push(
      exists(
        store
          .select({ one: sql`1` })
          .from(citations)
          .innerJoin(sources, eq(sources.id, citations.sourceId))
          .where(and(eq(citations.eventId, events.id), inArray(sources.slug, slugs))),
      ),
    );
  }
  if (filter.hasConflicts != null) {
    binder.form(filter.hasConflicts ? 'conflicts' : 'no conflicts');
    conditions.push(filter.hasConflicts ? hasConflictSql : sql`not ${hasConflictSql}`);
  }
  return and(...conditions);
}

const actorsBySlugs = batchedLookup<{ id: number; slug: string }, string>((store) =>
  store.select({ id: actors.id, slug: actors.slug }).from(actors).where(inBatch(actors.slug)),
);

export function resolveActorSlugs(store: Store, slugs: string[], argument: string): number[] {
  const found = actorsBySlugs(store, slugs);
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

const eventColumns = getTableColumns(events);

/**
 * The index that reads the rest of a cursor's tie: the one leading with the ordering's first key. It
 * is named because with ANALYZE statistics SQLite chose a skip-scan of events_kind_date for a date
 * tie, then sorted all of the tie: 70 ms for one page at a million events.
 */
function tieIndex(order: readonly EventOrder[], filter: EventFilter | null | undefined): string {
  const leading = (order[0] ?? DEFAULT_EVENT_ORDER[0]!).field;
  if (leading === 'title') return 'events_title';
  if (leading === 'kind') return 'events_kind_date';
  return filter?.includeArchived ? 'events_date' : 'events_live_date';
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
  const binder = new NamedValues();
  const plan = planPage(ordering, keys, page, binder);
  const filterSql = eventFilterSql(store, filter, binder);
  const limit = sql.placeholder('limit');
  const rows = plan.fetch((part) => {
    // The cursor bound comes first: with two lower bounds on the date index (the cursor and a `from`
    // filter), SQLite seeks by the first, and the cursor is the one that keeps deep pages cheap.
    const build = (db: Store) => {
      const tie = part.name === 'tie' ? readThroughIndex(events, tieIndex(order, filter)) : undefined;
      return db
        .select(tie?.columns ?? eventColumns)
        .from(tie?.source ?? events)
        .where(and(part.where, filterSql, restrict))
        .orderBy(...plan.orderBy)
        .limit(limit);
    };
    // A restriction binds its own values inline, so its SQL is not told by the shape: build it each time.
    const query = restrict ? build(store) : preparedByShape(store, `listEvents ${part.name}`, binder.shapeKey, build);
    return query.all({ ...binder.values, limit: part.limit });
  });
  return plan.finish(rows);
}

export function countEvents(store: Store, filter: EventFilter | null | undefined, restrict?: SQL): number {
  const binder = new NamedValues();
  const condition = and(eventFilterSql(store, filter, binder), restrict);
  const build = (db: Store) => db.select({ n: sql<number>`count(*)` }).from(events).where(condition);
  const query = restrict ? build(store) : preparedByShape(store, 'countEvents', binder.shapeKey, build);
  return query.get(binder.values)!.n;
}

export const eventsByIds = batchedLookup<EventRow>((store) => store.select().from(events).where(inBatch(events.id)));

export function eventBySlug(store: Store, slug: string): EventRow | undefined {
  return store.select().from(events).where(eq(events.slug, slug)).get();
}

import { and, eq, exists, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { dateBound } from '../dates/date-bound.ts';
import type { Store } from '../db/client.ts';
import { actors, citations, claims, eventParticipants, eventSectors, events, sources } from '../db/schema.ts';
import { QueryError } from '../errors/query-error.ts';
import { dateRangeSql, type EventFilter } from '../paging/event-filter.ts';
import { DEFAULT_EVENT_ORDER, type EventOrder, eventSortKeys as sortKeysOf } from '../paging/event-order.ts';
import { batchedLookup } from './batched.ts';
import { inlineValues, NamedValues, preparedByShape, type ValueBinder } from './bound-values.ts';
import { readThroughIndex } from './indexed-by.ts';
import { type Page, type PageArgs, planPage } from './pagination.ts';
import { toFtsQuery } from './text-search.ts';

export type EventRow = typeof events.$inferSelect;

export { type EventFilter, keepsEveryLiveEvent } from '../paging/event-filter.ts';

export type { EventOrder, EventOrderField } from '../paging/event-order.ts';
export { dateBound };

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
  conditions.push(...dateRangeSql(events, filter, binder));
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
  if (filter.slugs?.length)
    conditions.push(
      inArray(
        events.slug,
        filter.slugs.map((slug, index) => binder.value(`slug${index}`, slug)),
      ),
    );
  if (filter.text != null) {
    const query = toFtsQuery(filter.text, 'filter.text');
    if (query)
      conditions.push(
        sql`${events.id} in (select rowid from event_search where event_search match ${binder.value('text', query)})`,
      );
  }
  if (filter.hasConflicts != null) {
    binder.form(filter.hasConflicts ? 'conflicts' : 'no conflicts');
    conditions.push(filter.hasConflicts ? hasConflictSql : sql`not ${hasConflictSql}`);
  }
  return and(...conditions);
}

const actorsBySlugs = batchedLookup<{ id: number; slug: string }, string>((store, keys) =>
  store.select({ id: actors.id, slug: actors.slug }).from(actors).where(keys(actors.slug)),
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

export { DEFAULT_EVENT_ORDER };

export const eventSortKeys = (order: readonly EventOrder[]) => sortKeysOf<EventRow>(events, order);

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

export const eventsByIds = batchedLookup<EventRow>((store, keys) => store.select().from(events).where(keys(events.id)));

export function eventBySlug(store: Store, slug: string): EventRow | undefined {
  return store.select().from(events).where(eq(events.slug, slug)).get();
}

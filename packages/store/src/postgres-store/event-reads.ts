/**
 * Events on PostgreSQL: the filter, pages in every order, counts, lookups, and the pages of a
 * statistics bucket, of events several actors share and of each actor's events. The semantics are
 * those of `queries/events.ts` and its neighbours on SQLite; what differs is only how PostgreSQL is
 * asked (slugs resolved to IDs first, as the design notes measured; IDs bound as one array).
 */
import { and, eq, getColumns, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { QueryError } from '../errors/query-error.ts';
import { WALK_FROM_EVENTS } from '../paging/actor-pages.ts';
import { dateRangeSql } from '../paging/event-filter.ts';
import { type EventOrder, eventSortKeys } from '../paging/event-order.ts';
import {
  inlineValues,
  type Page,
  type PageArgs,
  type PageRequest,
  readPageRequest,
  type ValueBinder,
} from '../paging/keyset.ts';
import { NamedValues } from '../paging/prepared-shapes.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import {
  actorEventCounts,
  actors,
  citations,
  claims,
  eventParticipants,
  eventSectors,
  events,
  searchVector,
  sources,
} from '../postgres/schema.ts';
import type { EventFilter, EventRow } from '../queries/events.ts';
import type { EventPosition } from '../queries/network.ts';
import { type BucketKey, bucketSql } from '../statistics/buckets.ts';
import { columnsOf, readPage } from './pages.ts';
import { batchedLookup, inBatch, preparedByShape } from './prepared-statements.ts';
import { matchesSql, NOTHING, toTsQuery } from './text-search.ts';

/** A list bound as one array parameter: inline, or a placeholder of a prepared statement (`NamedValues`). */
type BoundList<Value> = readonly Value[] | Placeholder;

const asArray = <Value>(values: BoundList<Value>) => (Array.isArray(values) ? sql.param([...values]) : values);

/** `column = any($1::int[])`: one bound array, so the statement is the same for every number of IDs. */
export const inIds = (column: SQL | { name: string }, ids: BoundList<number>): SQL =>
  sql`${column} = any(${asArray(ids)}::int[])`;

/** `column = any($1::text[])`, for slugs. */
export const inTexts = (column: SQL | { name: string }, values: BoundList<string>): SQL =>
  sql`${column} = any(${asArray(values)}::text[])`;

/** True when two of an event's claims about one field disagree. */
export const hasConflictSql = sql`exists (select 1 from ${claims} where ${claims.eventId} = ${events.id} group by ${claims.field} having count(distinct ${claims.value}) > 1)`;

const liveEventSql = isNull(events.archivedAt);

const tookPart = (actorIds: BoundList<number>) =>
  sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${inIds(eventParticipants.actorId, actorIds)})`;

const actorsBySlugs = batchedLookup<{ id: number; slug: string }, string>((db) =>
  db.select({ id: actors.id, slug: actors.slug }).from(actors).where(inBatch(actors.slug, 'text')),
);

/** Actor IDs for slugs, or the caller's NOT_FOUND naming those that match no actor. */
export async function resolveActorSlugs(db: PostgresDatabase, slugs: readonly string[], argument: string) {
  const found = await actorsBySlugs(db, slugs);
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

/**
 * The condition for `filter`, as `eventFilterSql` on SQLite; its values go through `binder`, inline by
 * default or as named placeholders when the caller prepares one statement per shape (`listEvents`).
 */
export async function eventFilterSql(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  binder: ValueBinder = inlineValues,
) {
  if (!filter) return liveEventSql;
  if (filter.includeArchived) binder.form('archived included');
  const conditions: (SQL | undefined)[] = [filter.includeArchived ? undefined : liveEventSql];
  conditions.push(...dateRangeSql(events, filter, binder));
  if (filter.kinds?.length) conditions.push(inTexts(events.kind, binder.value('kinds', filter.kinds)));
  if (filter.sectors?.length)
    conditions.push(
      sql`exists (select 1 from ${eventSectors} where ${eventSectors.eventId} = ${events.id} and ${inTexts(eventSectors.sector, binder.value('sectors', filter.sectors))})`,
    );
  if (filter.actors?.length) {
    const actorIds = await resolveActorSlugs(db, filter.actors, 'filter.actors');
    if (filter.actorsMatch === 'all') {
      binder.form('every actor');
      conditions.push(...actorIds.map((id, index) => tookPart(binder.value(`actor${index}`, [id]))));
    } else conditions.push(tookPart(binder.value('actors', actorIds)));
  }
  if (filter.sources?.length)
    conditions.push(
      sql`exists (select 1 from ${citations} join ${sources} on ${sources.id} = ${citations.sourceId} where ${citations.eventId} = ${events.id} and ${inTexts(sources.slug, binder.value('sources', filter.sources))})`,
    );
  if (filter.slugs?.length) conditions.push(inTexts(events.slug, binder.value('slugs', filter.slugs)));
  // As on SQLite, whose event index holds live events only, the text matches live events alone.
  if (filter.text != null) {
    const query = toTsQuery(filter.text, 'filter.text');
    if (query === NOTHING) binder.form('matches nothing');
    if (query !== null)
      conditions.push(
        liveEventSql,
        matchesSql(searchVector(events), query === NOTHING ? NOTHING : binder.value('text', query)),
      );
  }
  if (filter.hasConflicts != null) {
    binder.form(filter.hasConflicts ? 'conflicts' : 'no conflicts');
    conditions.push(filter.hasConflicts ? hasConflictSql : sql`not ${hasConflictSql}`);
  }
  return and(...conditions);
}

/**
 * Whether the best plan for `filter` depends on the values asked for: how many events an actor,
 * kind, sector or source has ranges from a handful to most of them, so such a page is planned for
 * its values on each request. A page bounded only by dates walks the date index whatever the dates.
 */
const planDependsOnValues = (filter: EventFilter | null | undefined) =>
  Boolean(
    filter?.actors?.length ||
      filter?.kinds?.length ||
      filter?.sectors?.length ||
      filter?.sources?.length ||
      filter?.hasConflicts != null,
  );

const sortKeys = (order: readonly EventOrder[]) => eventSortKeys<EventRow>(events, order);

export async function listEvents(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  order: readonly EventOrder[],
  page: PageArgs,
  /** A further condition: a statistics bucket, or the events some actors share. */
  restrict?: SQL,
): Promise<Page<EventRow>> {
  const { keys, ordering } = sortKeys(order);
  // A restriction binds its own values inline, so its SQL is not told by the shape: built each time.
  if (restrict) return readPage(db, events, and(await eventFilterSql(db, filter), restrict), ordering, keys, page);
  const binder = new NamedValues();
  const request = readPageRequest(ordering, keys, page, binder);
  const where = and(await eventFilterSql(db, filter, binder), request.where());
  const query = preparedByShape(
    db,
    'listEvents',
    binder.shapeKey,
    (db) =>
      db
        .select()
        .from(events)
        .where(where)
        .orderBy(...request.orderBy)
        .limit(sql.placeholder('limit')),
    { named: !planDependsOnValues(filter) },
  );
  return request.finish(await query.execute({ ...binder.values, limit: request.limit }));
}

export async function countEvents(db: PostgresDatabase, filter: EventFilter | null | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(events)
    .where(await eventFilterSql(db, filter));
  return row!.n;
}

export async function eventBySlug(db: PostgresDatabase, slug: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.slug, slug));
  return row;
}

export const eventsByIds: (db: PostgresDatabase, ids: readonly number[]) => Promise<EventRow[]> = batchedLookup((db) =>
  db.select().from(events).where(inBatch(events.id)),
);

export const listBucketEvents = (
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  keys: readonly BucketKey[],
  order: readonly EventOrder[],
  page: PageArgs,
) => listEvents(db, filter, order, page, bucketSql({ events, eventSectors, eventParticipants }, keys));

/** The events at or after `since` in date order (those a limited network counted); none when null. */
const eventsSinceSql = (since: EventPosition | null | undefined): SQL | undefined =>
  since
    ? sql`(${events.dateEarliest}, ${events.dateLatest}, ${events.id}) >= (${since.dateEarliest}, ${since.dateLatest}, ${since.id})`
    : undefined;

/** A page of the matching events every one of `actorIds` took part in. */
export const listSharedEvents = (
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  actorIds: readonly number[],
  order: readonly EventOrder[],
  page: PageArgs,
  since?: EventPosition | null,
) => listEvents(db, filter, order, page, and(...actorIds.map((actorId) => tookPart([actorId])), eventsSinceSql(since)));

/** One page of each actor's live events (an actor holding two roles in one event counts it once). */
export async function eventPagesByActorIds(
  db: PostgresDatabase,
  actorIds: readonly number[],
  order: readonly EventOrder[],
  page: PageArgs,
): Promise<Map<number, Page<EventRow>>> {
  const { keys, ordering } = sortKeys(order);
  const request = readPageRequest(ordering, keys, page);
  const pages = new Map<number, Page<EventRow>>();
  if (!actorIds.length) return pages;
  const counts = await db.select().from(actorEventCounts).where(inIds(actorEventCounts.actorId, actorIds));
  const walked = counts.filter((row) => row.eventCount >= WALK_FROM_EVENTS).map((row) => row.actorId);
  const gathered = counts
    .filter((row) => row.eventCount > 0 && row.eventCount < WALK_FROM_EVENTS)
    .map((row) => row.actorId);
  const byActor = new Map<number, EventRow[]>();
  for (const [ids, walk] of [
    [walked, true],
    [gathered, false],
  ] as const) {
    if (!ids.length) continue;
    for (const { actorId, event } of await actorPages(db, ids, walk, request)) {
      const rows = byActor.get(actorId);
      if (rows) rows.push(event);
      else byActor.set(actorId, [event]);
    }
  }
  for (const actorId of actorIds) pages.set(actorId, request.finish(byActor.get(actorId) ?? []));
  return pages;
}

/**
 * Each actor's page, one lateral subquery per actor, in page order. Walking, the test of the
 * actor's part is fenced (`offset 0`) so the planner keeps it a probe per event rather than turning
 * it into the gather; gathering, it is a plain `in`, which the planner answers from the actor's index.
 */
async function actorPages(
  db: PostgresDatabase,
  actorIds: readonly number[],
  walk: boolean,
  request: PageRequest<EventRow>,
) {
  const actorId = sql<number>`parent.actor_id`;
  const tookPart = walk
    ? sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.actorId} = ${actorId} offset 0)`
    : sql`${events.id} in (select ${eventParticipants.eventId} from ${eventParticipants} where ${eventParticipants.actorId} = ${actorId})`;
  const actorPage = db
    .select({
      ...getColumns(events),
      position: sql<number>`row_number() over (order by ${sql.join(request.orderBy, sql`, `)})`.as('position'),
    })
    .from(events)
    .where(and(liveEventSql, request.where(), tookPart))
    .orderBy(...request.orderBy)
    .limit(request.limit)
    .as('actor_page');
  return db
    .select({ actorId, event: columnsOf(events, actorPage) })
    .from(sql`unnest(${sql.param([...actorIds])}::int[]) as parent(actor_id)`)
    .crossJoinLateral(actorPage)
    .orderBy(actorId, actorPage.position);
}

/**
 * Events on PostgreSQL: the filter, pages in every order, counts, lookups, and the pages of a
 * statistics bucket, of events several actors share and of each actor's events. The semantics are
 * those of `queries/events.ts` and its neighbours on SQLite; what differs is only how PostgreSQL is
 * asked (slugs resolved to IDs first, as the design notes measured; IDs bound as one array).
 */
import { and, eq, getColumns, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { dateBound } from '../dates/date-bound.ts';
import { QueryError } from '../errors/query-error.ts';
import { WALK_FROM_EVENTS } from '../paging/actor-pages.ts';
import { type EventOrder, eventSortKeys } from '../paging/event-order.ts';
import { type Page, type PageArgs, type PageRequest, readPageRequest } from '../paging/keyset.ts';
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
import { runNamed } from './named-statement.ts';
import { columnsOf, readPage } from './pages.ts';
import { textFilterSql } from './text-search.ts';

/** `column = any($1::int[])`: one bound array, so the statement is the same for every number of IDs. */
export const inIds = (column: SQL | { name: string }, ids: readonly number[]): SQL =>
  sql`${column} = any(${sql.param([...ids])}::int[])`;

/** `column = any($1::text[])`, for slugs. */
export const inTexts = (column: SQL | { name: string }, values: readonly string[]): SQL =>
  sql`${column} = any(${sql.param([...values])}::text[])`;

/** True when two of an event's claims about one field disagree. */
export const hasConflictSql = sql`exists (select 1 from ${claims} where ${claims.eventId} = ${events.id} group by ${claims.field} having count(distinct ${claims.value}) > 1)`;

const liveEventSql = isNull(events.archivedAt);

const tookPart = (actorIds: readonly number[]) =>
  sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${inIds(eventParticipants.actorId, actorIds)})`;

/** Actor IDs for slugs, or the caller's NOT_FOUND naming those that match no actor. */
export async function resolveActorSlugs(db: PostgresDatabase, slugs: readonly string[], argument: string) {
  const found = await runNamed(
    db.select({ id: actors.id, slug: actors.slug }).from(actors).where(inTexts(actors.slug, slugs)),
  );
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

/** The condition for `filter`, as `eventFilterSql` on SQLite. */
export async function eventFilterSql(db: PostgresDatabase, filter: EventFilter | null | undefined) {
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
  if (from) conditions.push(overlaps ? gte(events.dateLatest, from) : gte(events.dateEarliest, from));
  if (to) conditions.push(overlaps ? lte(events.dateEarliest, to) : lte(events.dateLatest, to));
  if (filter.kinds?.length) conditions.push(inTexts(events.kind, filter.kinds));
  if (filter.sectors?.length)
    conditions.push(
      sql`exists (select 1 from ${eventSectors} where ${eventSectors.eventId} = ${events.id} and ${inTexts(eventSectors.sector, filter.sectors)})`,
    );
  if (filter.actors?.length) {
    const actorIds = await resolveActorSlugs(db, filter.actors, 'filter.actors');
    if (filter.actorsMatch === 'all') conditions.push(...actorIds.map((id) => tookPart([id])));
    else conditions.push(tookPart(actorIds));
  }
  if (filter.sources?.length)
    conditions.push(
      sql`exists (select 1 from ${citations} join ${sources} on ${sources.id} = ${citations.sourceId} where ${citations.eventId} = ${events.id} and ${inTexts(sources.slug, filter.sources)})`,
    );
  if (filter.slugs?.length) conditions.push(inTexts(events.slug, filter.slugs));
  // As on SQLite, whose event index holds live events only, the text matches live events alone.
  if (filter.text != null) {
    const matches = textFilterSql(searchVector(events), filter.text);
    if (matches) conditions.push(liveEventSql, matches);
  }
  if (filter.hasConflicts != null) conditions.push(filter.hasConflicts ? hasConflictSql : sql`not ${hasConflictSql}`);
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
  const condition = and(await eventFilterSql(db, filter), restrict);
  return readPage(db, events, condition, ordering, keys, page, { named: !restrict && !planDependsOnValues(filter) });
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

export async function eventsByIds(db: PostgresDatabase, ids: readonly number[]): Promise<EventRow[]> {
  if (!ids.length) return [];
  return runNamed(db.select().from(events).where(inIds(events.id, ids)));
}

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

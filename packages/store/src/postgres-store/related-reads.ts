/**
 * The batched lookups behind the API's loaders on PostgreSQL (`RelatedLookups`): each takes the IDs
 * of many parents, bound as one array, and answers for all of them in one statement, with the rows
 * of each parent in the order the SQLite lookups give them (`queries/related.ts`). A row joined in
 * by key (a participant's actor, a citation's source) is read through `CROSS JOIN LATERAL (… LIMIT
 * 1)`: the fence keeps PostgreSQL's index nested loop, where a plain join hash-joined every actor
 * and source on each request (docs: the PostgreSQL design notes).
 */
import { asc, type Column, eq, getColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PostgresDatabase } from '../postgres/client.ts';
import {
  actorAliases,
  actorEventCounts,
  actorMerges,
  actorPairCounts,
  actors,
  citations,
  claims,
  eventLinks,
  eventParticipants,
  eventSectors,
  events,
  figureActors,
  offices,
  sources,
} from '../postgres/schema.ts';
import type { Relationship } from '../queries/network.ts';
import type {
  ActorRow,
  AliasRow,
  CitationRow,
  CitationSubject,
  CitationWithSource,
  ClaimRow,
  FigureActorRow,
  OfficeRow,
  ParticipantWithActor,
  SectorRow,
} from '../queries/related.ts';
import { type EventLinkRow, linksOf } from '../vocabulary/event-links.ts';
import { inIds, inTexts } from './event-reads.ts';
import { columnsOf, groupedPages } from './pages.ts';
import { batchedLookup, inBatch } from './prepared-statements.ts';

/**
 * The row of `table` whose ID is `key`, as a fenced lateral subquery named `alias`. A subquery with a
 * LIMIT is never pulled up into the outer join; the key is the primary key, so LIMIT 1 drops no row.
 * (OFFSET 0 would fence too, but drizzle leaves a zero offset out of the SQL.)
 */
const fencedRow = <Table extends typeof actors | typeof sources>(
  db: PostgresDatabase,
  table: Table,
  key: Column,
  alias: string,
) =>
  db
    .select()
    .from(table as typeof actors)
    .where(eq(table.id, key))
    .limit(1)
    .as(alias);

export const participantsByEventIds: (db: PostgresDatabase, ids: readonly number[]) => Promise<ParticipantWithActor[]> =
  batchedLookup((db) => {
    const actor = fencedRow(db, actors, eventParticipants.actorId, 'actor');
    return db
      .select({ ...getColumns(eventParticipants), actor: columnsOf(actors, actor) })
      .from(eventParticipants)
      .crossJoinLateral(actor)
      .where(inBatch(eventParticipants.eventId))
      .orderBy(asc(eventParticipants.eventId), asc(eventParticipants.position));
  });

const citationsBy = (subject: CitationSubject) =>
  batchedLookup<CitationWithSource>((db) => {
    const source = fencedRow(db, sources, citations.sourceId, 'source');
    return db
      .select({ ...getColumns(citations), source: columnsOf(sources, source) })
      .from(citations)
      .crossJoinLateral(source)
      .where(inBatch(citations[subject]))
      .orderBy(asc(citations.position), asc(citations.id));
  });
const citationLookups: Record<CitationSubject, ReturnType<typeof citationsBy>> = {
  eventId: citationsBy('eventId'),
  actorId: citationsBy('actorId'),
  officeId: citationsBy('officeId'),
  claimId: citationsBy('claimId'),
  figureId: citationsBy('figureId'),
};

export const citationsBySubjectIds = (
  db: PostgresDatabase,
  subject: CitationSubject,
  ids: readonly number[],
): Promise<CitationWithSource[]> => citationLookups[subject](db, ids);

/** All rows of `table` whose `column` is one of the batch's IDs, in `order`. */
const rowsWhere = <Row>(table: PgTable, column: PgColumn, order: (PgColumn | SQL)[]) =>
  // drizzle types the rows of a table passed as PgTable loosely; `Row` is that table's row.
  batchedLookup((db) =>
    db
      .select()
      .from(table)
      .where(inBatch(column))
      .orderBy(...order),
  ) as (db: PostgresDatabase, ids: readonly number[]) => Promise<Row[]>;

export const actorsByIds = rowsWhere<ActorRow>(actors, actors.id, [actors.id]);
export const claimsByIds = rowsWhere<ClaimRow>(claims, claims.id, [claims.id]);
export const officesByIds = rowsWhere<OfficeRow>(offices, offices.id, [offices.id]);
export const sectorsByEventIds = rowsWhere<SectorRow>(eventSectors, eventSectors.eventId, [
  eventSectors.eventId,
  eventSectors.sector,
]);
export const claimsByEventIds = rowsWhere<ClaimRow>(claims, claims.eventId, [claims.field, claims.position]);
export const claimsByFigureIds = rowsWhere<ClaimRow>(claims, claims.figureId, [claims.field, claims.position]);
export const aliasesByActorIds = rowsWhere<AliasRow>(actorAliases, actorAliases.actorId, [actorAliases.position]);
export const officesByHolderIds = rowsWhere<OfficeRow>(offices, offices.holderId, [offices.position]);
export const actorsByPredecessorIds = rowsWhere<ActorRow>(actors, actors.predecessorId, [actors.name, actors.id]);
export const actorIdsByFigureIds = rowsWhere<FigureActorRow>(figureActors, figureActors.figureId, [
  figureActors.figureId,
  figureActors.actorId,
]);

/** Links in both directions, so an event shows what it follows and what follows it. */
export async function linksByEventIds(db: PostgresDatabase, ids: readonly number[]): Promise<EventLinkRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(eventLinks)
    .where(sql`${inIds(eventLinks.eventId, ids)} or ${inIds(eventLinks.targetEventId, ids)}`);
  return linksOf(rows, ids);
}

/** Each actor's first `limit` neighbours, heaviest first, ranked in SQL (as `queries/network.ts`). */
export async function relationshipsByActorIds(
  db: PostgresDatabase,
  actorIds: readonly number[],
  limit: number,
): Promise<Relationship[]> {
  if (!actorIds.length) return [];
  const ids = sql.param([...actorIds]);
  const { rows } = await db.execute<Relationship & Record<string, unknown>>(sql`
    select "actorId", "otherId", weight, "firstDate", "lastDate" from (
      select *, row_number() over (partition by "actorId" order by weight desc, "otherId") as position from (
        select actor_id as "actorId", other_id as "otherId", weight, first_date as "firstDate", last_date as "lastDate"
        from ${actorPairCounts} where actor_id = any(${ids}::int[])
        union all
        select other_id, actor_id, weight, first_date, last_date
        from ${actorPairCounts} where other_id = any(${ids}::int[])) pairs) ranked
    where position <= ${limit}
    order by "actorId", position`);
  return rows;
}

/** How many other actors each actor shares a live event with; actors with none are absent. */
export async function relationshipCountsByActorIds(
  db: PostgresDatabase,
  actorIds: readonly number[],
): Promise<Map<number, number>> {
  if (!actorIds.length) return new Map();
  const ids = sql.param([...actorIds]);
  const { rows } = await db.execute<{ actorId: number; count: number }>(sql`
    select "actorId", count(*)::int as count from (
      select actor_id as "actorId" from ${actorPairCounts} where actor_id = any(${ids}::int[])
      union all
      select other_id from ${actorPairCounts} where other_id = any(${ids}::int[])) pairs
    group by "actorId"`);
  return new Map(rows.map((row) => [row.actorId, row.count]));
}

/** Live events per actor, from the trigger-kept totals; actors in none are absent. */
export async function eventCountsByActorIds(
  db: PostgresDatabase,
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(actorEventCounts).where(inIds(actorEventCounts.actorId, ids));
  return new Map(rows.filter((row) => row.eventCount > 0).map((row) => [row.actorId, row.eventCount]));
}

export async function citationCountsBySourceIds(
  db: PostgresDatabase,
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ sourceId: citations.sourceId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(citations)
    .where(inIds(citations.sourceId, ids))
    .groupBy(citations.sourceId);
  return new Map(rows.map((row) => [row.sourceId, row.n]));
}

/** Row IDs for slugs; an actor merged away resolves to the actor it was merged into. */
export async function idsBySlugs(
  db: PostgresDatabase,
  table: 'actors' | 'sources' | 'events',
  slugs: readonly string[],
): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const source = { actors, sources, events }[table] as typeof actors;
  const rows = await db.select({ id: source.id, slug: source.slug }).from(source).where(inTexts(source.slug, slugs));
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const missing = slugs.filter((slug) => !ids.has(slug));
  if (table === 'actors' && missing.length) {
    for (const merge of await db.select().from(actorMerges).where(inTexts(actorMerges.fromSlug, missing)))
      ids.set(merge.fromSlug, merge.intoActorId);
  }
  return ids;
}

const CITATION_KEYS = [
  { column: citations.paragraph, direction: 'asc' as const, value: (row: CitationRow) => row.paragraph },
  { column: citations.id, direction: 'asc' as const, value: (row: CitationRow) => row.id },
];

/** One page of citations per source, in paragraph order. */
export const citationPagesBySourceIds = (
  db: PostgresDatabase,
  sourceIds: readonly number[],
  page: Parameters<typeof groupedPages>[1]['args'],
) =>
  groupedPages<CitationRow>(db, {
    table: citations,
    parent: citations.sourceId,
    restrict: inIds(citations.sourceId, sourceIds),
    parentIds: sourceIds,
    ordering: 'paragraph:asc',
    keys: CITATION_KEYS,
    args: page,
  });

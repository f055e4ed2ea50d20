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
import { runNamed } from './named-statement.ts';
import { columnsOf, groupedPages } from './pages.ts';

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

export async function participantsByEventIds(
  db: PostgresDatabase,
  eventIds: readonly number[],
): Promise<ParticipantWithActor[]> {
  if (!eventIds.length) return [];
  const actor = fencedRow(db, actors, eventParticipants.actorId, 'actor');
  return await runNamed(
    db
      .select({ ...getColumns(eventParticipants), actor: columnsOf(actors, actor) })
      .from(eventParticipants)
      .crossJoinLateral(actor)
      .where(inIds(eventParticipants.eventId, eventIds))
      .orderBy(asc(eventParticipants.eventId), asc(eventParticipants.position)),
  );
}

export async function citationsBySubjectIds(
  db: PostgresDatabase,
  subject: CitationSubject,
  ids: readonly number[],
): Promise<CitationWithSource[]> {
  if (!ids.length) return [];
  const source = fencedRow(db, sources, citations.sourceId, 'source');
  return await runNamed(
    db
      .select({ ...getColumns(citations), source: columnsOf(sources, source) })
      .from(citations)
      .crossJoinLateral(source)
      .where(inIds(citations[subject], ids))
      .orderBy(asc(citations.position), asc(citations.id)),
  );
}

/** All rows of `table` whose `column` is one of `ids`, in `order`. */
const rowsWhere = (
  db: PostgresDatabase,
  table: PgTable,
  column: PgColumn,
  ids: readonly number[],
  order: (PgColumn | SQL)[],
) =>
  ids.length
    ? runNamed(
        db
          .select()
          .from(table)
          .where(inIds(column, ids))
          .orderBy(...order),
      )
    : Promise.resolve([]);

export const actorsByIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, actors, actors.id, ids, [actors.id]) as Promise<ActorRow[]>;
export const claimsByIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, claims, claims.id, ids, [claims.id]) as Promise<ClaimRow[]>;
export const officesByIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, offices, offices.id, ids, [offices.id]) as Promise<OfficeRow[]>;
export const sectorsByEventIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, eventSectors, eventSectors.eventId, ids, [eventSectors.eventId, eventSectors.sector]) as Promise<
    SectorRow[]
  >;
export const claimsByEventIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, claims, claims.eventId, ids, [claims.field, claims.position]) as Promise<ClaimRow[]>;
export const claimsByFigureIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, claims, claims.figureId, ids, [claims.field, claims.position]) as Promise<ClaimRow[]>;
export const aliasesByActorIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, actorAliases, actorAliases.actorId, ids, [actorAliases.position]) as Promise<AliasRow[]>;
export const officesByHolderIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, offices, offices.holderId, ids, [offices.position]) as Promise<OfficeRow[]>;
export const actorsByPredecessorIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, actors, actors.predecessorId, ids, [actors.name, actors.id]) as Promise<ActorRow[]>;
export const actorIdsByFigureIds = (db: PostgresDatabase, ids: readonly number[]) =>
  rowsWhere(db, figureActors, figureActors.figureId, ids, [figureActors.figureId, figureActors.actorId]) as Promise<
    FigureActorRow[]
  >;

/** Links in both directions, so an event shows what it follows and what follows it. */
export async function linksByEventIds(db: PostgresDatabase, ids: readonly number[]): Promise<EventLinkRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(eventLinks)
    .where(sql`${inIds(eventLinks.eventId, ids)} or ${inIds(eventLinks.targetEventId, ids)}`);
  return linksOf(rows, ids);
}

/** Each actor's neighbours, heaviest first, from the trigger-kept pair totals. */
export async function relationshipsByActorIds(
  db: PostgresDatabase,
  actorIds: readonly number[],
): Promise<Relationship[]> {
  if (!actorIds.length) return [];
  const ids = sql.param([...actorIds]);
  const { rows } = await db.execute<Relationship & Record<string, unknown>>(sql`
    select "actorId", "otherId", weight, "firstDate", "lastDate" from (
      select actor_id as "actorId", other_id as "otherId", weight, first_date as "firstDate", last_date as "lastDate"
      from ${actorPairCounts} where actor_id = any(${ids}::int[])
      union all
      select other_id, actor_id, weight, first_date, last_date
      from ${actorPairCounts} where other_id = any(${ids}::int[])) pairs
    order by "actorId", weight desc, "otherId"`);
  return rows;
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

/**
 * Batched lookups: each takes the IDs of many parents and answers for all of them in one
 * statement. The API's per-request loaders call these, so a nested selection costs one query
 * per level, not one per row.
 */
import { and, asc, eq, getColumns, inArray, or, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import {
  actorAliases,
  actorEventCounts,
  actorMerges,
  actors,
  citations,
  claims,
  eventLinks,
  eventParticipants,
  eventSectors,
  events,
  figureActors,
  figures,
  offices,
  sources,
} from '../db/schema.ts';
import { type EventLinkRow, linksOf } from '../vocabulary/event-links.ts';
import { batchedLookup } from './batched.ts';
import { readThroughIndex } from './indexed-by.ts';

export type ActorRow = typeof actors.$inferSelect;
export type AliasRow = typeof actorAliases.$inferSelect;
export type OfficeRow = typeof offices.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type CitationRow = typeof citations.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;
export type ParticipantRow = typeof eventParticipants.$inferSelect;
export type FigureRow = typeof figures.$inferSelect;
export type SectorRow = typeof eventSectors.$inferSelect;
export type FigureActorRow = typeof figureActors.$inferSelect;
/**
 * A participant with its actor, and a citation with its source, each read in one statement: a page
 * of events asks for both, and a separate lookup by ID cost a statement per level. The joins are
 * CROSS JOINs because SQLite then keeps the order written: the rows by the batch's index first, each
 * one's actor or source by primary key. Left to choose, with ANALYZE statistics that make a mostly
 * NULL column (`citations.actor_id`) look unselective, it walked every source and all its citations.
 */
export type ParticipantWithActor = ParticipantRow & { actor: ActorRow };
export type CitationWithSource = CitationRow & { source: SourceRow };

export { groupBy } from '../paging/batches.ts';
export type { EventLinkRow } from '../vocabulary/event-links.ts';

export const actorsByIds = batchedLookup<typeof actors.$inferSelect>((store, keys) =>
  store.select().from(actors).where(keys(actors.id)),
);

export const sourcesByIds = batchedLookup<typeof sources.$inferSelect>((store, keys) =>
  store.select().from(sources).where(keys(sources.id)),
);

export const claimsByIds = batchedLookup<typeof claims.$inferSelect>((store, keys) =>
  store.select().from(claims).where(keys(claims.id)),
);

export const figuresByIds = batchedLookup<typeof figures.$inferSelect>((store, keys) =>
  store.select().from(figures).where(keys(figures.id)),
);

export const officesByIds = batchedLookup<typeof offices.$inferSelect>((store, keys) =>
  store.select().from(offices).where(keys(offices.id)),
);

export const actorsByPredecessorIds = batchedLookup<typeof actors.$inferSelect>((store, keys) =>
  store.select().from(actors).where(keys(actors.predecessorId)).orderBy(asc(actors.name)),
);

/** Participants of many events, each with its actor. */
export const participantsByEventIds = batchedLookup<ParticipantWithActor>((store, keys) =>
  store
    .select({ ...getColumns(eventParticipants), actor: actors })
    .from(eventParticipants)
    .crossJoin(actors)
    .where(and(keys(eventParticipants.eventId), eq(actors.id, eventParticipants.actorId)))
    .orderBy(asc(eventParticipants.position)),
);

export const sectorsByEventIds = batchedLookup<SectorRow>((store, keys) =>
  store.select().from(eventSectors).where(keys(eventSectors.eventId)).orderBy(asc(eventSectors.sector)),
);

export const claimsByEventIds = batchedLookup<typeof claims.$inferSelect>((store, keys) =>
  store.select().from(claims).where(keys(claims.eventId)).orderBy(asc(claims.field), asc(claims.position)),
);

export const claimsByFigureIds = batchedLookup<typeof claims.$inferSelect>((store, keys) =>
  store.select().from(claims).where(keys(claims.figureId)).orderBy(asc(claims.field), asc(claims.position)),
);

export const aliasesByActorIds = batchedLookup<typeof actorAliases.$inferSelect>((store, keys) =>
  store.select().from(actorAliases).where(keys(actorAliases.actorId)).orderBy(asc(actorAliases.position)),
);

export const officesByHolderIds = batchedLookup<typeof offices.$inferSelect>((store, keys) =>
  store.select().from(offices).where(keys(offices.holderId)).orderBy(asc(offices.position)),
);

export const actorIdsByFigureIds = batchedLookup<FigureActorRow>((store, keys) =>
  store.select().from(figureActors).where(keys(figureActors.figureId)),
);

export type CitationSubject = 'eventId' | 'actorId' | 'officeId' | 'claimId' | 'figureId';

/**
 * Each subject's index, named: with ANALYZE statistics, a column that is NULL on almost every row
 * (`citations.actor_id`) makes its index look useless, and SQLite scanned every citation instead.
 */
const CITATION_INDEXES: Record<CitationSubject, string> = {
  eventId: 'citations_event',
  actorId: 'citations_actor',
  officeId: 'citations_office',
  claimId: 'citations_claim',
  figureId: 'citations_figure',
};

const citationLookups = Object.fromEntries(
  (Object.keys(CITATION_INDEXES) as CitationSubject[]).map((subject) => [
    subject,
    batchedLookup<CitationWithSource>((store, keys) => {
      const citing = readThroughIndex(citations, CITATION_INDEXES[subject]);
      return store
        .select({ ...citing.columns, source: sources })
        .from(citing.source)
        .crossJoin(sources)
        .where(and(keys(citations[subject]), eq(sources.id, citations.sourceId)))
        .orderBy(asc(citations.position), asc(citations.id));
    }),
  ]),
) as Record<CitationSubject, (store: Store, ids: readonly number[]) => CitationWithSource[]>;

/** Citations of many events (or actors, offices, claims, figures), in their recorded order, each with its source. */
export const citationsBySubjectIds = (
  store: Store,
  subject: CitationSubject,
  ids: readonly number[],
): CitationWithSource[] => citationLookups[subject](store, ids);

/** Links in both directions, so an event shows what it follows and what follows it (order: `linksOf`). */
export function linksByEventIds(store: Store, ids: readonly number[]): EventLinkRow[] {
  if (!ids.length) return [];
  const rows = store
    .select()
    .from(eventLinks)
    .where(or(inArray(eventLinks.eventId, [...ids]), inArray(eventLinks.targetEventId, [...ids])))
    .all();
  return linksOf(rows, ids);
}

/** Number of distinct events each actor took part in. */
/**
 * Each actor's live events, each counted once whatever roles it held: read from the trigger-kept
 * `actor_event_counts`, as on PostgreSQL (counting a hub's participations took seconds at 1M events).
 */
export function eventCountsByActorIds(store: Store, ids: readonly number[]): Map<number, number> {
  if (!ids.length) return new Map();
  const rows = store
    .select()
    .from(actorEventCounts)
    .where(inArray(actorEventCounts.actorId, [...ids]))
    .all();
  return new Map(rows.filter((row) => row.eventCount > 0).map((row) => [row.actorId, row.eventCount]));
}

export function citationCountsBySourceIds(store: Store, ids: readonly number[]): Map<number, number> {
  if (!ids.length) return new Map();
  const rows = store
    .select({ sourceId: citations.sourceId, n: sql<number>`count(*)` })
    .from(citations)
    .where(inArray(citations.sourceId, [...ids]))
    .groupBy(citations.sourceId)
    .all();
  return new Map(rows.map((row) => [row.sourceId, row.n]));
}

/**
 * Row IDs for slugs of one table; a slug that matches nothing is absent from the map. An actor
 * merged away through the API resolves to the actor it was merged into.
 */
export function idsBySlugs(
  store: Store,
  table: 'actors' | 'sources' | 'events',
  slugs: readonly string[],
): Map<string, number> {
  if (!slugs.length) return new Map();
  const source = { actors, sources, events }[table];
  const rows = store
    .select({ id: source.id, slug: source.slug })
    .from(source as typeof actors)
    .where(inArray(source.slug, [...slugs]))
    .all();
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const missing = slugs.filter((slug) => !ids.has(slug));
  if (table === 'actors' && missing.length) {
    for (const merge of store.select().from(actorMerges).where(inArray(actorMerges.fromSlug, missing)).all())
      ids.set(merge.fromSlug, merge.intoActorId);
  }
  return ids;
}

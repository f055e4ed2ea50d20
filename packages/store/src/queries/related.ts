/**
 * Batched lookups: each takes the IDs of many parents and answers for all of them in one
 * statement. The API's per-request loaders call these, so a nested selection costs one query
 * per level, not one per row.
 */
import { and, asc, inArray, or, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/client.ts';
import {
  actorAliases,
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
import type { EventLinkType } from '../vocabulary/terms.ts';

export type ActorRow = typeof actors.$inferSelect;
export type AliasRow = typeof actorAliases.$inferSelect;
export type OfficeRow = typeof offices.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type CitationRow = typeof citations.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;
export type ParticipantRow = typeof eventParticipants.$inferSelect;
export type FigureRow = typeof figures.$inferSelect;
export interface EventLinkRow {
  eventId: number;
  otherEventId: number;
  type: EventLinkType;
  direction: 'outgoing' | 'incoming';
}

/** Groups rows by a key, keeping each group in the order the rows came in. */
export function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const value = key(row);
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

const none = <Row>(ids: readonly number[], run: () => Row[]): Row[] => (ids.length ? run() : []);

export const actorsByIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(actors)
      .where(inArray(actors.id, [...ids]))
      .all(),
  );

export const sourcesByIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(sources)
      .where(inArray(sources.id, [...ids]))
      .all(),
  );

export const claimsByIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(claims)
      .where(inArray(claims.id, [...ids]))
      .all(),
  );

export const figuresByIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(figures)
      .where(inArray(figures.id, [...ids]))
      .all(),
  );

export const officesByIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(offices)
      .where(inArray(offices.id, [...ids]))
      .all(),
  );

export const actorsByPredecessorIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(actors)
      .where(inArray(actors.predecessorId, [...ids]))
      .orderBy(asc(actors.name))
      .all(),
  );

export const participantsByEventIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(eventParticipants)
      .where(inArray(eventParticipants.eventId, [...ids]))
      .orderBy(asc(eventParticipants.position))
      .all(),
  );

export const sectorsByEventIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(eventSectors)
      .where(inArray(eventSectors.eventId, [...ids]))
      .orderBy(asc(eventSectors.sector))
      .all(),
  );

export const claimsByEventIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(claims)
      .where(inArray(claims.eventId, [...ids]))
      .orderBy(asc(claims.field), asc(claims.position))
      .all(),
  );

export const claimsByFigureIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(claims)
      .where(inArray(claims.figureId, [...ids]))
      .orderBy(asc(claims.field), asc(claims.position))
      .all(),
  );

export const aliasesByActorIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(actorAliases)
      .where(inArray(actorAliases.actorId, [...ids]))
      .orderBy(asc(actorAliases.position))
      .all(),
  );

export const officesByHolderIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(offices)
      .where(inArray(offices.holderId, [...ids]))
      .orderBy(asc(offices.position))
      .all(),
  );

export const actorIdsByFigureIds = (store: Store, ids: readonly number[]) =>
  none(ids, () =>
    store
      .select()
      .from(figureActors)
      .where(inArray(figureActors.figureId, [...ids]))
      .all(),
  );

export type CitationSubject = 'eventId' | 'actorId' | 'officeId' | 'claimId' | 'figureId';

/** Citations of many events (or actors, offices, claims, figures), in their recorded order. */
export function citationsBySubjectIds(store: Store, subject: CitationSubject, ids: readonly number[]): CitationRow[] {
  const column = citations[subject] as SQLiteColumn;
  return none(ids, () =>
    store
      .select()
      .from(citations)
      .where(inArray(column, [...ids]))
      .orderBy(asc(citations.position), asc(citations.id))
      .all(),
  );
}

/** Links in both directions, so an event shows what it follows and what follows it. */
export function linksByEventIds(store: Store, ids: readonly number[]): EventLinkRow[] {
  if (!ids.length) return [];
  const rows = store
    .select()
    .from(eventLinks)
    .where(or(inArray(eventLinks.eventId, [...ids]), inArray(eventLinks.targetEventId, [...ids])))
    .all();
  const wanted = new Set(ids);
  return rows.flatMap((row) => [
    ...(wanted.has(row.eventId)
      ? [{ eventId: row.eventId, otherEventId: row.targetEventId, type: row.type, direction: 'outgoing' as const }]
      : []),
    ...(wanted.has(row.targetEventId)
      ? [{ eventId: row.targetEventId, otherEventId: row.eventId, type: row.type, direction: 'incoming' as const }]
      : []),
  ]);
}

/** Number of distinct events each actor took part in. */
export function eventCountsByActorIds(store: Store, ids: readonly number[]): Map<number, number> {
  if (!ids.length) return new Map();
  const rows = store
    .select({ actorId: eventParticipants.actorId, n: sql<number>`count(distinct ${eventParticipants.eventId})` })
    .from(eventParticipants)
    .where(
      and(
        inArray(eventParticipants.actorId, [...ids]),
        sql`${eventParticipants.eventId} not in (select id from events where archived_at is not null)`,
      ),
    )
    .groupBy(eventParticipants.actorId)
    .all();
  return new Map(rows.map((row) => [row.actorId, row.n]));
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

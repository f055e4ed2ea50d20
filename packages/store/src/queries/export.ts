/**
 * Streams filtered events or actors in batches with their related rows, so an export of
 * any size holds only one batch in memory at a time.
 */
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/client.ts';
import { actorAliases, actors, citations, eventParticipants, eventSectors, events, sources } from '../db/schema.ts';
import { EXPORT_BATCH_SIZE } from '../paging/batches.ts';
import { type ActorFilter, actorFilterSql } from './actors.ts';
import { type EventFilter, type EventRow, eventFilterSql, hasConflictSql } from './events.ts';
import { type ActorRow, groupBy } from './related.ts';

export interface ExportedEvent {
  event: EventRow;
  hasConflicts: boolean;
  sectors: string[];
  participants: { slug: string; name: string; kind: string; country: string | null; role: string }[];
  citations: { source: string; paragraph: number }[];
}

export { EXPORT_BATCH_SIZE };

const countries = alias(actors, 'countries');

/** Validates the filter at once (so a bad filter fails before any output), then streams. */
export function exportEvents(
  store: Store,
  filter: EventFilter | null | undefined,
  batchSize = EXPORT_BATCH_SIZE,
): Generator<ExportedEvent> {
  return eventBatches(store, eventFilterSql(store, filter), batchSize);
}

function* eventBatches(store: Store, condition: SQL | undefined, batchSize: number): Generator<ExportedEvent> {
  let last: { earliest: string; latest: string; id: number } | undefined;
  for (;;) {
    const after = last
      ? sql`(${events.dateEarliest}, ${events.dateLatest}, ${events.id}) > (${last.earliest}, ${last.latest}, ${last.id})`
      : undefined;
    const batch = store
      .select({ event: events, hasConflicts: sql<number>`${hasConflictSql}` })
      .from(events)
      .where(and(condition, after))
      .orderBy(asc(events.dateEarliest), asc(events.dateLatest), asc(events.id))
      .limit(batchSize)
      .all();
    if (batch.length === 0) return;
    const ids = batch.map((row) => row.event.id);
    const sectors = groupBy(
      store.select().from(eventSectors).where(inArray(eventSectors.eventId, ids)).orderBy(eventSectors.sector).all(),
      (row) => row.eventId,
    );
    const participants = groupBy(
      store
        .select({
          eventId: eventParticipants.eventId,
          slug: actors.slug,
          name: actors.name,
          kind: actors.kind,
          country: countries.slug,
          role: eventParticipants.role,
        })
        .from(eventParticipants)
        .innerJoin(actors, eq(actors.id, eventParticipants.actorId))
        .leftJoin(countries, eq(countries.id, actors.countryId))
        .where(inArray(eventParticipants.eventId, ids))
        .orderBy(eventParticipants.position)
        .all(),
      (row) => row.eventId,
    );
    const cited = groupBy(
      store
        .select({ eventId: citations.eventId, source: sources.slug, paragraph: citations.paragraph })
        .from(citations)
        .innerJoin(sources, eq(sources.id, citations.sourceId))
        .where(inArray(citations.eventId, ids))
        .orderBy(citations.position)
        .all(),
      (row) => row.eventId!,
    );
    for (const { event, hasConflicts } of batch) {
      yield {
        event,
        hasConflicts: Boolean(hasConflicts),
        sectors: (sectors.get(event.id) ?? []).map((row) => row.sector),
        participants: (participants.get(event.id) ?? []).map(({ eventId: _, ...participant }) => participant),
        citations: (cited.get(event.id) ?? []).map(({ source, paragraph }) => ({ source, paragraph })),
      };
    }
    const tail = batch.at(-1)!.event;
    last = { earliest: tail.dateEarliest, latest: tail.dateLatest, id: tail.id };
  }
}

export interface ExportedActor {
  actor: ActorRow;
  country: string | null;
  predecessor: string | null;
  aliases: string[];
}

/** Validates the filter at once, like `exportEvents`, then streams actors in ID order. */
export function exportActors(
  store: Store,
  filter: ActorFilter | null | undefined,
  batchSize = EXPORT_BATCH_SIZE,
): Generator<ExportedActor> {
  return actorBatches(store, actorFilterSql(filter), batchSize);
}

function* actorBatches(store: Store, condition: SQL | undefined, batchSize: number): Generator<ExportedActor> {
  let lastId = 0;
  const predecessors = alias(actors, 'predecessors');
  for (;;) {
    const batch = store
      .select({ actor: actors, country: countries.slug, predecessor: predecessors.slug })
      .from(actors)
      .leftJoin(countries, eq(countries.id, actors.countryId))
      .leftJoin(predecessors, eq(predecessors.id, actors.predecessorId))
      .where(and(condition, gt(actors.id, lastId)))
      .orderBy(asc(actors.id))
      .limit(batchSize)
      .all();
    if (batch.length === 0) return;
    const aliases = groupBy(
      store
        .select()
        .from(actorAliases)
        .where(
          inArray(
            actorAliases.actorId,
            batch.map((row) => row.actor.id),
          ),
        )
        .orderBy(actorAliases.position)
        .all(),
      (row) => row.actorId,
    );
    for (const row of batch) yield { ...row, aliases: (aliases.get(row.actor.id) ?? []).map((alias) => alias.name) };
    lastId = batch.at(-1)!.actor.id;
  }
}

/**
 * The export streams on PostgreSQL: the rows and batches of `queries/export.ts` on SQLite, each
 * batch one keyset seek on the page order's index plus one statement per related table, so an
 * export of any size holds one batch in memory and no transaction or cursor stays open between
 * batches (a slow download never pins a connection of the pool).
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { groupBy } from '../paging/batches.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import {
  actorAliases,
  actors,
  citations,
  eventParticipants,
  eventSectors,
  events,
  sources,
} from '../postgres/schema.ts';
import type { ActorFilter } from '../queries/actors.ts';
import type { EventFilter } from '../queries/events.ts';
import type { ExportedActor, ExportedEvent } from '../queries/export.ts';
import { eventFilterSql, hasConflictSql, inIds } from './event-reads.ts';
import { actorFilterSql } from './record-reads.ts';

const countries = alias(actors, 'countries');
const predecessors = alias(actors, 'predecessors');

/**
 * The matching events in date order, `batchSize` at a time. The filter is resolved on the first
 * `next()`, so a filter that cannot run rejects it before any row.
 */
export async function* exportEvents(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  batchSize: number,
): AsyncGenerator<ExportedEvent[]> {
  const condition = await eventFilterSql(db, filter);
  let last: { earliest: string; latest: string; id: number } | undefined;
  for (;;) {
    const after = last
      ? sql`(${events.dateEarliest}, ${events.dateLatest}, ${events.id}) > (${last.earliest}, ${last.latest}, ${last.id})`
      : undefined;
    const batch = await db
      .select({ event: events, hasConflicts: sql<boolean>`${hasConflictSql}` })
      .from(events)
      .where(and(condition, after))
      .orderBy(asc(events.dateEarliest), asc(events.dateLatest), asc(events.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    const ids = batch.map((row) => row.event.id);
    // One after another, not at once: an export holds one of the pool's connections at a time.
    const sectorRows = await db
      .select({ eventId: eventSectors.eventId, sector: eventSectors.sector })
      .from(eventSectors)
      .where(inIds(eventSectors.eventId, ids))
      .orderBy(eventSectors.sector);
    const participantRows = await db
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
      .where(inIds(eventParticipants.eventId, ids))
      .orderBy(eventParticipants.position);
    const citationRows = await db
      .select({ eventId: citations.eventId, source: sources.slug, paragraph: citations.paragraph })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(inIds(citations.eventId, ids))
      .orderBy(citations.position);
    const sectors = groupBy(sectorRows, (row) => row.eventId);
    const participants = groupBy(participantRows, (row) => row.eventId);
    const cited = groupBy(citationRows, (row) => row.eventId);
    yield batch.map(({ event, hasConflicts }) => ({
      event,
      hasConflicts,
      sectors: (sectors.get(event.id) ?? []).map((row) => row.sector),
      participants: (participants.get(event.id) ?? []).map(({ eventId: _, ...participant }) => participant),
      citations: (cited.get(event.id) ?? []).map(({ source, paragraph }) => ({ source, paragraph })),
    }));
    const tail = batch.at(-1)!.event;
    last = { earliest: tail.dateEarliest, latest: tail.dateLatest, id: tail.id };
  }
}

/** Actors in ID order, `batchSize` at a time; the filter checked on the first `next()`, like `exportEvents`. */
export async function* exportActors(
  db: PostgresDatabase,
  filter: ActorFilter | null | undefined,
  batchSize: number,
): AsyncGenerator<ExportedActor[]> {
  const condition = actorFilterSql(filter);
  let lastId = 0;
  for (;;) {
    const batch = await db
      .select({ actor: actors, country: countries.slug, predecessor: predecessors.slug })
      .from(actors)
      .leftJoin(countries, eq(countries.id, actors.countryId))
      .leftJoin(predecessors, eq(predecessors.id, actors.predecessorId))
      .where(and(condition, gt(actors.id, lastId)))
      .orderBy(asc(actors.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    const aliasRows = await db
      .select({ actorId: actorAliases.actorId, name: actorAliases.name })
      .from(actorAliases)
      .where(
        inIds(
          actorAliases.actorId,
          batch.map((row) => row.actor.id),
        ),
      )
      .orderBy(actorAliases.position);
    const aliases = groupBy(aliasRows, (row) => row.actorId);
    yield batch.map((row) => ({ ...row, aliases: (aliases.get(row.actor.id) ?? []).map((alias) => alias.name) }));
    lastId = batch.at(-1)!.actor.id;
  }
}

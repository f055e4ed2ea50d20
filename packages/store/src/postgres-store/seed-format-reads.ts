/**
 * One stored record read back in seed format on PostgreSQL, as `records/read-records.ts` reads it
 * on SQLite: the `before` of a revision, and what a write's change function starts from. Optional
 * fields are absent rather than null, children in their stored order, so a record read here equals
 * (`sameRecord`) the one SQLite reads from the same rows.
 */
import { asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PostgresDatabase } from '../postgres/client.ts';
import {
  actorAliases,
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
} from '../postgres/schema.ts';
import type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from '../seed/format.ts';
import { claimRecordOf, sourceRecordOf } from '../seed/record-columns.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import type { RecordOf } from './record-writes.ts';

const countries = alias(actors, 'countries');
const predecessors = alias(actors, 'predecessors');
const organizations = alias(actors, 'organizations');
const targetEvents = alias(events, 'target_events');

type Subject = 'eventId' | 'actorId' | 'officeId' | 'claimId' | 'figureId';

/** The citations matching `where`, handed out by subject. */
async function readCitations(db: PostgresDatabase, where: SQL | undefined) {
  const rows = await db
    .select({
      eventId: citations.eventId,
      actorId: citations.actorId,
      officeId: citations.officeId,
      claimId: citations.claimId,
      figureId: citations.figureId,
      source: sources.slug,
      paragraph: citations.paragraph,
      note: citations.note,
    })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(where)
    .orderBy(asc(citations.position), asc(citations.id));
  return (subject: Subject, id: number): CitationRecord[] =>
    rows
      .filter((row) => row[subject] === id)
      .map(({ source, paragraph, note }) => ({ source, paragraph, ...(note !== null && { note }) }));
}

async function readClaims(
  db: PostgresDatabase,
  subject: 'eventId' | 'figureId',
  id: number,
  citationsOf: (subject: Subject, id: number) => CitationRecord[],
): Promise<ClaimRecord[]> {
  const rows = await db
    .select()
    .from(claims)
    .where(eq(claims[subject], id))
    .orderBy(asc(claims.position), asc(claims.id));
  return rows.map((row) => claimRecordOf(row, citationsOf('claimId', row.id)));
}

/** Citations of a claimed subject (event or figure): its own and its claims'. */
const claimedCitations = (db: PostgresDatabase, subject: 'eventId' | 'figureId', id: number) =>
  or(
    eq(citations[subject], id),
    inArray(citations.claimId, db.select({ id: claims.id }).from(claims).where(eq(claims[subject], id))),
  );

async function readSource(db: PostgresDatabase, id: number): Promise<SourceRecord | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row ? sourceRecordOf(row) : null;
}

async function readActor(db: PostgresDatabase, id: number): Promise<ActorRecord | null> {
  const [row] = await db
    .select({ actor: actors, country: countries.slug, predecessor: predecessors.slug })
    .from(actors)
    .leftJoin(countries, eq(countries.id, actors.countryId))
    .leftJoin(predecessors, eq(predecessors.id, actors.predecessorId))
    .where(eq(actors.id, id));
  if (!row) return null;
  const aliases = await db
    .select()
    .from(actorAliases)
    .where(eq(actorAliases.actorId, id))
    .orderBy(asc(actorAliases.position), asc(actorAliases.id));
  const held = await db
    .select({ office: offices, organization: organizations.slug })
    .from(offices)
    .leftJoin(organizations, eq(organizations.id, offices.organizationId))
    .where(eq(offices.holderId, id))
    .orderBy(asc(offices.position), asc(offices.id));
  const citationsOf = await readCitations(
    db,
    or(
      eq(citations.actorId, id),
      inArray(citations.officeId, db.select({ id: offices.id }).from(offices).where(eq(offices.holderId, id))),
    ),
  );
  const { actor, country, predecessor } = row;
  return {
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    ...(country !== null && { country }),
    ...(predecessor !== null && { predecessor }),
    aliases: aliases.map((alias) => ({
      name: alias.name,
      kind: alias.kind,
      ...(alias.outsideReason !== null && { outsideReason: alias.outsideReason }),
    })),
    offices: held.map(({ office, organization }) => ({
      title: office.title,
      ...(organization !== null && { organization }),
      ...(office.fromEdtf !== null && { from: office.fromEdtf }),
      ...(office.toEdtf !== null && { to: office.toEdtf }),
      citations: citationsOf('officeId', office.id),
    })),
    citations: citationsOf('actorId', actor.id),
  };
}

async function readEvent(db: PostgresDatabase, id: number): Promise<EventRecord | null> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  if (!row) return null;
  const sectors = await db
    .select()
    .from(eventSectors)
    .where(eq(eventSectors.eventId, id))
    .orderBy(asc(eventSectors.position));
  const participants = await db
    .select({ actor: actors.slug, role: eventParticipants.role })
    .from(eventParticipants)
    .innerJoin(actors, eq(actors.id, eventParticipants.actorId))
    .where(eq(eventParticipants.eventId, id))
    .orderBy(asc(eventParticipants.position));
  const links = await db
    .select({ type: eventLinks.type, event: targetEvents.slug })
    .from(eventLinks)
    .innerJoin(targetEvents, eq(targetEvents.id, eventLinks.targetEventId))
    .where(eq(eventLinks.eventId, id))
    .orderBy(asc(eventLinks.position));
  const citationsOf = await readCitations(db, claimedCitations(db, 'eventId', id));
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    date: row.dateEdtf,
    ...(row.dateBasis !== null && { dateBasis: row.dateBasis }),
    ...(row.place !== null && { place: row.place }),
    sectors: sectors.map(({ sector }) => sector),
    ...(row.amountValue !== null && {
      amount: { value: row.amountValue, currency: row.amountCurrency!, approximate: row.amountApproximate },
    }),
    ...(row.quantityValue !== null && { quantity: { value: row.quantityValue, unit: row.quantityUnit! } }),
    participants,
    citations: citationsOf('eventId', id),
    claims: await readClaims(db, 'eventId', id, citationsOf),
    links,
    ...(row.archivedAt !== null && { archived: true as const }),
  };
}

async function readFigure(db: PostgresDatabase, id: number): Promise<FigureRecord | null> {
  const [row] = await db.select().from(figures).where(eq(figures.id, id));
  if (!row) return null;
  const named = await db
    .select({ actor: actors.slug })
    .from(figureActors)
    .innerJoin(actors, eq(actors.id, figureActors.actorId))
    .where(eq(figureActors.figureId, id))
    .orderBy(asc(figureActors.position));
  const citationsOf = await readCitations(db, claimedCitations(db, 'figureId', id));
  return {
    slug: row.slug,
    label: row.label,
    indicator: row.indicator,
    period: row.periodEdtf,
    actors: named.map(({ actor }) => actor),
    value: row.value,
    ...(row.currency !== null && { currency: row.currency }),
    ...(row.unit !== null && { unit: row.unit }),
    approximate: row.approximate,
    citations: citationsOf('figureId', id),
    claims: await readClaims(db, 'figureId', id, citationsOf),
  };
}

const READERS: { [Type in EntityType]: (db: PostgresDatabase, id: number) => Promise<RecordOf[Type] | null> } = {
  source: readSource,
  actor: readActor,
  event: readEvent,
  figure: readFigure,
};

/** The record of `type` with this ID in seed format, or null when there is none. */
export const readRecord = <T extends EntityType>(
  db: PostgresDatabase,
  type: T,
  id: number,
): Promise<RecordOf[T] | null> => READERS[type](db, id);

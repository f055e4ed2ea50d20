/**
 * Reads stored records back in the seed format (format.ts): the inverse of seed-loader/write.ts. Revision
 * history stores these as before/after snapshots, and export writes them back to seed files.
 */
import { asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/client.ts';
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
} from '../db/schema.ts';
import { groupBy } from '../queries/related.ts';
import type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from '../seed/format.ts';
import { claimRecordOf, sourceRecordOf } from '../seed/record-columns.ts';

/** A store or a transaction. */
export type Reader = Pick<Store, 'select'>;

export interface AllRecords {
  sources: SourceRecord[];
  actors: ActorRecord[];
  events: EventRecord[];
  figures: FigureRecord[];
}

/** Restricts a query to one parent row, or (undefined) reads every row. */
type Scope = number | undefined;
const inScope = (column: SQLiteColumn, id: Scope) => (id === undefined ? undefined : eq(column, id));

const countries = alias(actors, 'countries');
const predecessors = alias(actors, 'predecessors');
const organizations = alias(actors, 'organizations');
const targetEvents = alias(events, 'target_events');

type Subject = 'eventId' | 'actorId' | 'officeId' | 'claimId' | 'figureId';
type CitationsOf = (subject: Subject, id: number) => CitationRecord[];
type ClaimsOf = (subject: 'eventId' | 'figureId', id: number) => ClaimRecord[];

function readCitations(db: Reader, where: SQL | undefined): CitationsOf {
  const rows = db
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
    .orderBy(asc(citations.position), asc(citations.id))
    .all();
  const groups = new Map<Subject, Map<number | null, typeof rows>>();
  return (subject, id) => {
    if (!groups.has(subject))
      groups.set(
        subject,
        groupBy(rows, (row) => row[subject]),
      );
    return (groups.get(subject)!.get(id) ?? []).map(({ source, paragraph, note }) => ({
      source,
      paragraph,
      ...(note !== null && { note }),
    }));
  };
}

function readClaims(db: Reader, where: SQL | undefined, citationsOf: CitationsOf): ClaimsOf {
  const rows = db.select().from(claims).where(where).orderBy(asc(claims.position), asc(claims.id)).all();
  const bySubject = { eventId: groupBy(rows, (row) => row.eventId), figureId: groupBy(rows, (row) => row.figureId) };
  return (subject, id) =>
    (bySubject[subject].get(id) ?? []).map((row) => claimRecordOf(row, citationsOf('claimId', row.id)));
}

/** Citations of a claimed subject (event or figure): its own and its claims'. */
const claimedCitations = (db: Reader, subject: 'eventId' | 'figureId', id: number) =>
  or(
    eq(citations[subject], id),
    inArray(citations.claimId, db.select({ id: claims.id }).from(claims).where(eq(claims[subject], id))),
  );

function sourceRecords(db: Reader, id: Scope): SourceRecord[] {
  return db.select().from(sources).where(inScope(sources.id, id)).orderBy(asc(sources.id)).all().map(sourceRecordOf);
}

function actorRecords(db: Reader, id: Scope, citationsOf: CitationsOf): ActorRecord[] {
  const rows = db
    .select({ actor: actors, country: countries.slug, predecessor: predecessors.slug })
    .from(actors)
    .leftJoin(countries, eq(countries.id, actors.countryId))
    .leftJoin(predecessors, eq(predecessors.id, actors.predecessorId))
    .where(inScope(actors.id, id))
    .orderBy(asc(actors.id))
    .all();
  const aliasesOf = groupBy(
    db
      .select()
      .from(actorAliases)
      .where(inScope(actorAliases.actorId, id))
      .orderBy(asc(actorAliases.position), asc(actorAliases.id))
      .all(),
    (row) => row.actorId,
  );
  const officesOf = groupBy(
    db
      .select({ office: offices, organization: organizations.slug })
      .from(offices)
      .leftJoin(organizations, eq(organizations.id, offices.organizationId))
      .where(inScope(offices.holderId, id))
      .orderBy(asc(offices.position), asc(offices.id))
      .all(),
    (row) => row.office.holderId,
  );
  return rows.map(({ actor, country, predecessor }) => ({
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    ...(country !== null && { country }),
    ...(predecessor !== null && { predecessor }),
    aliases: (aliasesOf.get(actor.id) ?? []).map((row) => ({
      name: row.name,
      kind: row.kind,
      ...(row.outsideReason !== null && { outsideReason: row.outsideReason }),
    })),
    offices: (officesOf.get(actor.id) ?? []).map(({ office, organization }) => ({
      title: office.title,
      ...(organization !== null && { organization }),
      ...(office.fromEdtf !== null && { from: office.fromEdtf }),
      ...(office.toEdtf !== null && { to: office.toEdtf }),
      citations: citationsOf('officeId', office.id),
    })),
    citations: citationsOf('actorId', actor.id),
  }));
}

function eventRecords(db: Reader, id: Scope, citationsOf: CitationsOf, claimsOf: ClaimsOf): EventRecord[] {
  const rows = db.select().from(events).where(inScope(events.id, id)).orderBy(asc(events.id)).all();
  const sectorsOf = groupBy(
    db.select().from(eventSectors).where(inScope(eventSectors.eventId, id)).orderBy(asc(eventSectors.position)).all(),
    (row) => row.eventId,
  );
  const participantsOf = groupBy(
    db
      .select({ eventId: eventParticipants.eventId, actor: actors.slug, role: eventParticipants.role })
      .from(eventParticipants)
      .innerJoin(actors, eq(actors.id, eventParticipants.actorId))
      .where(inScope(eventParticipants.eventId, id))
      .orderBy(asc(eventParticipants.position))
      .all(),
    (row) => row.eventId,
  );
  const linksOf = groupBy(
    db
      .select({ eventId: eventLinks.eventId, type: eventLinks.type, event: targetEvents.slug })
      .from(eventLinks)
      .innerJoin(targetEvents, eq(targetEvents.id, eventLinks.targetEventId))
      .where(inScope(eventLinks.eventId, id))
      .orderBy(asc(eventLinks.position))
      .all(),
    (row) => row.eventId,
  );
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    date: row.dateEdtf,
    ...(row.dateBasis !== null && { dateBasis: row.dateBasis }),
    ...(row.place !== null && { place: row.place }),
    sectors: (sectorsOf.get(row.id) ?? []).map(({ sector }) => sector),
    ...(row.amountValue !== null && {
      amount: { value: row.amountValue, currency: row.amountCurrency!, approximate: row.amountApproximate },
    }),
    ...(row.quantityValue !== null && { quantity: { value: row.quantityValue, unit: row.quantityUnit! } }),
    participants: (participantsOf.get(row.id) ?? []).map(({ actor, role }) => ({
      actor,
      role,
    })),
    citations: citationsOf('eventId', row.id),
    claims: claimsOf('eventId', row.id),
    links: (linksOf.get(row.id) ?? []).map(({ type, event }) => ({
      type,
      event,
    })),
    ...(row.archivedAt !== null && { archived: true as const }),
  }));
}

function figureRecords(db: Reader, id: Scope, citationsOf: CitationsOf, claimsOf: ClaimsOf): FigureRecord[] {
  const rows = db.select().from(figures).where(inScope(figures.id, id)).orderBy(asc(figures.id)).all();
  const actorsOf = groupBy(
    db
      .select({ figureId: figureActors.figureId, actor: actors.slug })
      .from(figureActors)
      .innerJoin(actors, eq(actors.id, figureActors.actorId))
      .where(inScope(figureActors.figureId, id))
      .orderBy(asc(figureActors.position))
      .all(),
    (row) => row.figureId,
  );
  return rows.map((row) => ({
    slug: row.slug,
    label: row.label,
    indicator: row.indicator,
    period: row.periodEdtf,
    actors: (actorsOf.get(row.id) ?? []).map(({ actor }) => actor),
    value: row.value,
    ...(row.currency !== null && { currency: row.currency }),
    ...(row.unit !== null && { unit: row.unit }),
    approximate: row.approximate,
    citations: citationsOf('figureId', row.id),
    claims: claimsOf('figureId', row.id),
  }));
}

export function readSourceRecord(db: Reader, sourceId: number): SourceRecord | null {
  return sourceRecords(db, sourceId)[0] ?? null;
}

export function readActorRecord(db: Reader, actorId: number): ActorRecord | null {
  const citationsOf = readCitations(
    db,
    or(
      eq(citations.actorId, actorId),
      inArray(citations.officeId, db.select({ id: offices.id }).from(offices).where(eq(offices.holderId, actorId))),
    ),
  );
  return actorRecords(db, actorId, citationsOf)[0] ?? null;
}

export function readEventRecord(db: Reader, eventId: number): EventRecord | null {
  const citationsOf = readCitations(db, claimedCitations(db, 'eventId', eventId));
  return eventRecords(db, eventId, citationsOf, readClaims(db, eq(claims.eventId, eventId), citationsOf))[0] ?? null;
}

export function readFigureRecord(db: Reader, figureId: number): FigureRecord | null {
  const citationsOf = readCitations(db, claimedCitations(db, 'figureId', figureId));
  return (
    figureRecords(db, figureId, citationsOf, readClaims(db, eq(claims.figureId, figureId), citationsOf))[0] ?? null
  );
}

/** Every record, ordered by id; each table is read once. */
export function readAllRecords(db: Reader): AllRecords {
  const citationsOf = readCitations(db, undefined);
  const claimsOf = readClaims(db, undefined, citationsOf);
  return {
    sources: sourceRecords(db, undefined),
    actors: actorRecords(db, undefined, citationsOf),
    events: eventRecords(db, undefined, citationsOf, claimsOf),
    figures: figureRecords(db, undefined, citationsOf, claimsOf),
  };
}

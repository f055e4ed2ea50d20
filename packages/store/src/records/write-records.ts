/**
 * Writes one seed-format record into the SQLite tables. The seed loader and the API's mutations both
 * write through these, so a record means the same thing whichever way it arrives. A record's
 * child rows (aliases, participants, citations, claims ...) are replaced wholesale. The values of
 * each row come from `seed/record-columns.ts`, which PostgreSQL's writer shares.
 */
import { eq, inArray, sql } from 'drizzle-orm';
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
  type figures,
  offices,
  sources,
} from '../db/schema.ts';
import type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from '../seed/format.ts';
import * as columns from '../seed/record-columns.ts';
import {
  actorReferences,
  aliasRows,
  type CitationSubjectColumn,
  citationRows,
  claimRow,
  figureActorRows,
  linkRows,
  officeRow,
  participantRows,
  type SlugResolver,
  sectorRows,
} from '../seed/record-columns.ts';

export type { SlugResolver } from '../seed/record-columns.ts';

export type Transaction = Parameters<Parameters<Store['transaction']>[0]>[0];

/** Bookkeeping columns every record table has, which record-rows.ts sets beside a record's own columns. */
export type BookkeepingColumn = 'version' | 'seedHash' | 'seedSlug';

/**
 * Every column of a record's own row, each required: a writer typed `satisfies` this fails to compile
 * when a column is added to its table until the writer sets it. `WrittenApart` names columns another
 * function writes, and why is said where it is used.
 */
export type OwnColumns<Table extends { $inferInsert: object }, WrittenApart extends string = never> = {
  [Column in Exclude<
    keyof Table['$inferInsert'],
    'id' | BookkeepingColumn | WrittenApart
  >]-?: Table['$inferInsert'][Column];
};

// The row values both databases write (seed/record-columns.ts), checked against SQLite's tables.
export const sourceColumns = (record: SourceRecord) =>
  columns.sourceColumns(record) satisfies OwnColumns<typeof sources>;
/** An actor's columns but its references (country, predecessor), which writeActorChildren sets once every actor exists. */
export const actorColumns = (record: ActorRecord) =>
  columns.actorColumns(record) satisfies OwnColumns<typeof actors, 'countryId' | 'predecessorId'>;
/** An event's columns but `archivedAt`, which archiveColumn sets: it depends on whether the row is new. */
export const eventColumns = (record: EventRecord) =>
  columns.eventColumns(record) satisfies OwnColumns<typeof events, 'archivedAt'>;
export const figureColumns = (record: FigureRecord) =>
  columns.figureColumns(record) satisfies OwnColumns<typeof figures>;

/** The archive tombstone's time: kept from the first archiving while the record stays archived. */
export function archiveColumn(record: EventRecord, inserting: boolean) {
  const now = new Date().toISOString();
  if (!record.archived) return { archivedAt: null };
  return { archivedAt: inserting ? now : sql<string>`coalesce(${events.archivedAt}, ${now})` };
}

function writeCitations(
  tx: Transaction,
  ids: SlugResolver,
  list: readonly CitationRecord[],
  subject: CitationSubjectColumn,
) {
  if (list.length === 0) return;
  tx.insert(citations)
    .values(citationRows(ids, list, subject))
    .run();
}

function writeClaims(
  tx: Transaction,
  ids: SlugResolver,
  list: readonly ClaimRecord[],
  subject: { eventId: number } | { figureId: number },
) {
  list.forEach((claim, position) => {
    const { id } = tx
      .insert(claims)
      .values(claimRow(claim, position, subject))
      .returning({ id: claims.id })
      .get();
    writeCitations(tx, ids, claim.citations, { claimId: id });
  });
}

/** Clears the child rows of many actors at once, so an alias can move from one actor to another in one load. */
export function clearActorChildren(tx: Transaction, actorIds: number[]) {
  if (!actorIds.length) return;
  tx.delete(actorAliases).where(inArray(actorAliases.actorId, actorIds)).run();
  tx.delete(offices).where(inArray(offices.holderId, actorIds)).run();
  tx.delete(citations).where(inArray(citations.actorId, actorIds)).run();
}

/** Writes an actor's references, aliases, offices and citations; call clearActorChildren first. */
export function writeActorChildren(tx: Transaction, ids: SlugResolver, actorId: number, record: ActorRecord) {
  tx.update(actors).set(actorReferences(ids, record)).where(eq(actors.id, actorId)).run();
  if (record.aliases.length) tx.insert(actorAliases).values(aliasRows(actorId, record)).run();
  record.offices.forEach((office, position) => {
    const inserted = tx
      .insert(offices)
      .values(officeRow(ids, actorId, office, position))
      .returning({ id: offices.id })
      .get();
    writeCitations(tx, ids, office.citations, { officeId: inserted.id });
  });
  writeCitations(tx, ids, record.citations, { actorId });
}

/** Replaces an event's sectors, participants, citations and claims. Links are written separately (writeEventLinks), once every linked event exists. */
export function writeEventChildren(tx: Transaction, ids: SlugResolver, eventId: number, record: EventRecord) {
  tx.delete(eventSectors).where(eq(eventSectors.eventId, eventId)).run();
  tx.delete(eventParticipants).where(eq(eventParticipants.eventId, eventId)).run();
  tx.delete(claims).where(eq(claims.eventId, eventId)).run();
  tx.delete(citations).where(eq(citations.eventId, eventId)).run();
  tx.insert(eventSectors).values(sectorRows(eventId, record)).run();
  tx.insert(eventParticipants)
    .values(participantRows(ids, eventId, record))
    .run();
  writeCitations(tx, ids, record.citations, { eventId });
  writeClaims(tx, ids, record.claims, { eventId });
}

export function writeEventLinks(tx: Transaction, ids: SlugResolver, eventId: number, record: EventRecord) {
  tx.delete(eventLinks).where(eq(eventLinks.eventId, eventId)).run();
  if (record.links.length)
    tx.insert(eventLinks)
      .values(linkRows(ids, eventId, record))
      .run();
}

export function writeFigureChildren(tx: Transaction, ids: SlugResolver, figureId: number, record: FigureRecord) {
  tx.delete(figureActors).where(eq(figureActors.figureId, figureId)).run();
  tx.delete(claims).where(eq(claims.figureId, figureId)).run();
  tx.delete(citations).where(eq(citations.figureId, figureId)).run();
  tx.insert(figureActors)
    .values(figureActorRows(ids, figureId, record))
    .run();
  writeCitations(tx, ids, record.citations, { figureId });
  writeClaims(tx, ids, record.claims, { figureId });
}

/** Resolves slugs with the database, for writes of single records. */
export function databaseResolver(tx: Transaction): SlugResolver {
  const lookup = (table: typeof actors | typeof sources | typeof events, noun: string) => (slug: string) => {
    const row = tx
      .select({ id: table.id })
      .from(table as typeof actors)
      .where(eq(table.slug, slug))
      .get();
    if (!row) throw new Error(`no ${noun} has the slug "${slug}"; references must be validated before writing`);
    return row.id;
  };
  return { actor: lookup(actors, 'actor'), source: lookup(sources, 'source'), event: lookup(events, 'event') };
}

/**
 * Writes one seed-format record into the PostgreSQL tables, as `records/write-records.ts` and
 * `records/record-rows.ts` do on SQLite: the same row values (`seed/record-columns.ts`), child rows
 * replaced wholesale. Every function runs inside the caller's transaction.
 */
import { eq, inArray, sql } from 'drizzle-orm';
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
import type { OwnColumns } from '../records/write-records.ts';
import type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from '../seed/format.ts';
import {
  actorColumns,
  actorReferences,
  aliasRows,
  type CitationSubjectColumn,
  citationRows,
  claimRow,
  eventColumns,
  figureActorRows,
  figureColumns,
  linkRows,
  officeRow,
  participantRows,
  type SlugResolver,
  sectorRows,
  sourceColumns,
} from '../seed/record-columns.ts';
import type { RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';

export type { RecordOf } from '../seed/write-rules.ts';

export type RecordTable = typeof sources | typeof actors | typeof events | typeof figures;

export const RECORD_TABLES: { [Type in EntityType]: RecordTable } = {
  source: sources,
  actor: actors,
  event: events,
  figure: figures,
};

/** Bookkeeping columns every record table has. */
export type BookkeepingColumns = Partial<Pick<RecordTable['$inferInsert'], 'version' | 'seedHash' | 'seedSlug'>>;

/** The archive tombstone's time: kept from the first archiving while the record stays archived. */
function archiveColumn(record: EventRecord, inserting: boolean) {
  const now = new Date().toISOString();
  if (!record.archived) return { archivedAt: null };
  return { archivedAt: inserting ? now : sql<string>`coalesce(${events.archivedAt}, ${now})` };
}

// The row values both databases write, checked against PostgreSQL's tables as records/write-records.ts checks SQLite's.
const ownColumns = {
  source: (record: SourceRecord) => sourceColumns(record) satisfies OwnColumns<typeof sources>,
  // The references are set by writeActorChildren, once every actor exists.
  actor: (record: ActorRecord) =>
    actorColumns(record) satisfies OwnColumns<typeof actors, 'countryId' | 'predecessorId'>,
  // archivedAt is set by archiveColumn: it depends on whether the row is new.
  event: (record: EventRecord, inserting: boolean) => ({
    ...(eventColumns(record) satisfies OwnColumns<typeof events, 'archivedAt'>),
    ...archiveColumn(record, inserting),
  }),
  figure: (record: FigureRecord) => figureColumns(record) satisfies OwnColumns<typeof figures>,
} as const;

/** Inserts the record's own row with the given bookkeeping columns; returns the new row's ID. */
export async function insertRecordRow<T extends EntityType>(
  tx: PostgresDatabase,
  type: T,
  record: RecordOf[T],
  bookkeeping: BookkeepingColumns,
): Promise<number> {
  const table = RECORD_TABLES[type] as typeof events;
  const columns = (ownColumns[type] as (record: RecordOf[T], inserting: boolean) => object)(record, true);
  const [row] = await tx
    .insert(table)
    .values({ ...columns, ...bookkeeping } as typeof events.$inferInsert)
    .returning({ id: table.id });
  return row!.id;
}

/** Rewrites the row's columns from the record, with the given bookkeeping columns. */
export async function updateRecordRow<T extends EntityType>(
  tx: PostgresDatabase,
  type: T,
  id: number,
  record: RecordOf[T],
  bookkeeping: BookkeepingColumns,
): Promise<void> {
  const table = RECORD_TABLES[type] as typeof events;
  const columns = (ownColumns[type] as (record: RecordOf[T], inserting: boolean) => object)(record, false);
  await tx
    .update(table)
    .set({ ...columns, ...bookkeeping })
    .where(eq(table.id, id));
}

/** Changes only bookkeeping columns. */
export async function markRecordRow(
  tx: PostgresDatabase,
  type: EntityType,
  id: number,
  bookkeeping: BookkeepingColumns,
) {
  const table = RECORD_TABLES[type] as typeof events;
  await tx.update(table).set(bookkeeping).where(eq(table.id, id));
}

async function writeCitations(
  tx: PostgresDatabase,
  ids: SlugResolver,
  list: readonly CitationRecord[],
  subject: CitationSubjectColumn,
) {
  if (list.length) await tx.insert(citations).values(citationRows(ids, list, subject));
}

async function writeClaims(
  tx: PostgresDatabase,
  ids: SlugResolver,
  list: readonly ClaimRecord[],
  subject: { eventId: number } | { figureId: number },
) {
  for (const [position, claim] of list.entries()) {
    const [row] = await tx
      .insert(claims)
      .values(claimRow(claim, position, subject))
      .returning({ id: claims.id });
    await writeCitations(tx, ids, claim.citations, { claimId: row!.id });
  }
}

/** Clears the child rows of many actors at once, so an alias can move from one actor to another in one load. */
export async function clearActorChildren(tx: PostgresDatabase, actorIds: number[]) {
  if (!actorIds.length) return;
  await tx.delete(actorAliases).where(inArray(actorAliases.actorId, actorIds));
  await tx.delete(offices).where(inArray(offices.holderId, actorIds));
  await tx.delete(citations).where(inArray(citations.actorId, actorIds));
}

/** Writes an actor's references, aliases, offices and citations; call clearActorChildren first. */
export async function writeActorChildren(
  tx: PostgresDatabase,
  ids: SlugResolver,
  actorId: number,
  record: ActorRecord,
) {
  await tx.update(actors).set(actorReferences(ids, record)).where(eq(actors.id, actorId));
  if (record.aliases.length) await tx.insert(actorAliases).values(aliasRows(actorId, record));
  for (const [position, office] of record.offices.entries()) {
    const [row] = await tx
      .insert(offices)
      .values(officeRow(ids, actorId, office, position))
      .returning({ id: offices.id });
    await writeCitations(tx, ids, office.citations, { officeId: row!.id });
  }
  await writeCitations(tx, ids, record.citations, { actorId });
}

/** Replaces an event's sectors, participants, citations and claims; links are written by writeEventLinks once every linked event exists. */
export async function writeEventChildren(
  tx: PostgresDatabase,
  ids: SlugResolver,
  eventId: number,
  record: EventRecord,
) {
  await tx.delete(eventSectors).where(eq(eventSectors.eventId, eventId));
  await tx.delete(eventParticipants).where(eq(eventParticipants.eventId, eventId));
  await tx.delete(claims).where(eq(claims.eventId, eventId));
  await tx.delete(citations).where(eq(citations.eventId, eventId));
  if (record.sectors.length) await tx.insert(eventSectors).values(sectorRows(eventId, record));
  if (record.participants.length) await tx.insert(eventParticipants).values(participantRows(ids, eventId, record));
  await writeCitations(tx, ids, record.citations, { eventId });
  await writeClaims(tx, ids, record.claims, { eventId });
}

export async function writeEventLinks(tx: PostgresDatabase, ids: SlugResolver, eventId: number, record: EventRecord) {
  await tx.delete(eventLinks).where(eq(eventLinks.eventId, eventId));
  if (record.links.length) await tx.insert(eventLinks).values(linkRows(ids, eventId, record));
}

export async function writeFigureChildren(
  tx: PostgresDatabase,
  ids: SlugResolver,
  figureId: number,
  record: FigureRecord,
) {
  await tx.delete(figureActors).where(eq(figureActors.figureId, figureId));
  await tx.delete(claims).where(eq(claims.figureId, figureId));
  await tx.delete(citations).where(eq(citations.figureId, figureId));
  if (record.actors.length) await tx.insert(figureActors).values(figureActorRows(ids, figureId, record));
  await writeCitations(tx, ids, record.citations, { figureId });
  await writeClaims(tx, ids, record.claims, { figureId });
}

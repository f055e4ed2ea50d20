/**
 * A record's own columns on SQLite: the row values both databases write (`seed/record-columns.ts`),
 * checked against SQLite's tables, and the archive column, which depends on whether the row is new.
 * `record-rows.ts` writes them; the child rows are written by `plans/write-rows.ts`.
 */
import { sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { type actors, events, type figures, type sources } from '../db/schema.ts';
import type { ActorRecord, EventRecord, FigureRecord, SourceRecord } from '../seed/format.ts';
import * as columns from '../seed/record-columns.ts';

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

/**
 * A record's own row on PostgreSQL: its table by kind, and its columns from the row values both
 * databases share (`seed/record-columns.ts`), checked against PostgreSQL's tables as
 * `records/write-records.ts` checks SQLite's. `statements.ts` inserts and updates them.
 */
import { sql } from 'drizzle-orm';
import { actors, events, figures, sources } from '../postgres/schema.ts';
import type { OwnColumns } from '../records/write-records.ts';
import type { ActorRecord, EventRecord, FigureRecord, SourceRecord } from '../seed/format.ts';
import { actorColumns, eventColumns, figureColumns, sourceColumns } from '../seed/record-columns.ts';
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
export const ownColumns = {
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

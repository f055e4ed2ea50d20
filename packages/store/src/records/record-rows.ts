/**
 * A record's own row (not its child rows), inserted or updated through one writer per kind. Each
 * writer is bound to its table, so drizzle checks the kind's columns against that table; callers
 * that handle any kind pick the writer with `RECORD_ROWS[type]` and need no cast.
 */
import { eq } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { actors, events, figures, sources } from '../db/schema.ts';
import type { RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import {
  actorColumns,
  archiveColumn,
  type BookkeepingColumn,
  eventColumns,
  figureColumns,
  sourceColumns,
  type Transaction,
} from './write-records.ts';

export type { RecordOf } from '../seed/write-rules.ts';

export type RecordTable = typeof sources | typeof actors | typeof events | typeof figures;

/** Bookkeeping columns every record table has (a `Pick` of the union keeps only keys all four share). */
export type BookkeepingColumns = Partial<Pick<RecordTable['$inferInsert'], BookkeepingColumn>>;

export interface RowWriter<Record> {
  /** Inserts the record's row with the given bookkeeping columns; returns the new row's ID. */
  insert(tx: Transaction, record: Record, bookkeeping: BookkeepingColumns): number;
  /** Rewrites the row's columns from the record, with the given bookkeeping columns. */
  update(tx: Transaction, id: number, record: Record, bookkeeping: BookkeepingColumns): void;
  /** Changes only bookkeeping columns. */
  mark(tx: Transaction, id: number, bookkeeping: BookkeepingColumns): void;
}

/** Values a table accepts both to insert and to update a row. */
type RowValues<Table extends RecordTable> = SQLiteInsertValue<Table> & SQLiteUpdateSetSource<Table>;

function rowWriter<Table extends RecordTable, Record>(
  table: Table,
  columns: (record: Record, inserting: boolean) => RowValues<Table>,
): RowWriter<Record> {
  // Widening to the union lets drizzle check the shared bookkeeping columns, which a generic table hides.
  const anyRecordTable: RecordTable = table;
  return {
    insert: (tx, record, bookkeeping) =>
      tx
        .insert(table)
        .values({ ...columns(record, true), ...bookkeeping })
        .returning({ id: table.id })
        .get().id,
    update: (tx, id, record, bookkeeping) => {
      tx.update(table)
        .set({ ...columns(record, false), ...bookkeeping })
        .where(eq(table.id, id))
        .run();
    },
    mark: (tx, id, bookkeeping) => {
      tx.update(anyRecordTable).set(bookkeeping).where(eq(anyRecordTable.id, id)).run();
    },
  };
}

export const RECORD_ROWS: { [Type in EntityType]: RowWriter<RecordOf[Type]> } = {
  source: rowWriter(sources, sourceColumns),
  actor: rowWriter(actors, actorColumns),
  // An event's archive column depends on whether its row is new (write-records.ts, archiveColumn).
  event: rowWriter(events, (record, inserting) => ({ ...eventColumns(record), ...archiveColumn(record, inserting) })),
  figure: rowWriter(figures, figureColumns),
};

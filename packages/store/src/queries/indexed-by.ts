/**
 * `FROM table INDEXED BY index`, for a statement whose plan must not depend on SQLite's statistics.
 * drizzle has no INDEXED BY, and it refuses a table's columns in a SELECT whose FROM it does not
 * recognise as that table; so the columns are selected as expressions that decode as the columns do.
 * The rows keep the table's own row type.
 */
import { getTableColumns, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

type ColumnExpressions<Table extends SQLiteTable> = {
  [Key in keyof InferSelectModel<Table>]: SQL<InferSelectModel<Table>[Key]>;
};

export function readThroughIndex<Table extends SQLiteTable>(table: Table, index: string) {
  const columns = Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [
      key,
      sql`${column}`.mapWith(column as SQLiteColumn),
    ]),
  ) as ColumnExpressions<Table>;
  return { source: sql`${table} indexed by ${sql.identifier(index)}`, columns };
}

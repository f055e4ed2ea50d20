/**
 * Keyset pages on PostgreSQL. A row value seeks the whole key including the ID here (SQLite's stops
 * at a rowid column), so one statement reads a page from any cursor: no split of the cursor's tie.
 * Page arguments and cursors are read by the shared `paging/keyset.ts`, so they mean the same on
 * both databases.
 */
import { and, type Column, getColumns, lte, type SQL, sql } from 'drizzle-orm';
import type { PgSelect, PgTable } from 'drizzle-orm/pg-core';
import { type Page, type PageArgs, readPageRequest, type SortKey } from '../paging/keyset.ts';
import type { PostgresDatabase } from '../postgres/client.ts';

/** Every column of a subquery that selected all of `table`'s, for a nested object in a select. */
export function columnsOf<Table extends PgTable>(table: Table, subquery: object) {
  return Object.fromEntries(
    Object.keys(getColumns(table)).map((key) => [key, (subquery as Record<string, unknown>)[key]]),
  ) as ReturnType<typeof getColumns<Table>>;
}

/**
 * A page of `table`'s rows matching `condition`, in the order of `keys`, built for this request
 * (`listEvents` keeps the events page prepared per shape instead).
 */
export async function readPage<Row>(
  db: PostgresDatabase,
  table: PgTable,
  condition: SQL | undefined,
  ordering: string,
  keys: SortKey<Row>[],
  args: PageArgs,
): Promise<Page<Row>> {
  const request = readPageRequest(ordering, keys, args);
  const rows = await db
    .select()
    .from(table)
    .where(and(condition, request.where()))
    .orderBy(...request.orderBy)
    .limit(request.limit);
  return request.finish(rows as Row[]);
}

/**
 * Pages of child rows for many parents in one statement: a window function numbers each parent's
 * rows in page order and only the first `limit` of each are read (as `queries/grouped-pages.ts`
 * does on SQLite). Every parent asked for has an entry.
 */
export async function groupedPages<Row>(
  db: PostgresDatabase,
  options: {
    table: PgTable;
    /** The column naming each row's parent: of `table`, or of what `join` adds. */
    parent: Column | SQL.Aliased<number>;
    /** Joins in what names each row's parent, when `table` itself does not. */
    join?: (query: PgSelect) => PgSelect;
    /** Restricts rows to the wanted parents. */
    restrict: SQL;
    parentIds: readonly number[];
    ordering: string;
    keys: SortKey<Row>[];
    args: PageArgs;
  },
): Promise<Map<number, Page<Row>>> {
  const request = readPageRequest(options.ordering, options.keys, options.args);
  const pages = new Map<number, Page<Row>>();
  if (!options.parentIds.length) return pages;
  const columns = getColumns(options.table);
  const numbered = db
    .select({
      ...columns,
      parentId: sql<number>`${options.parent}`.as('parent_id'),
      rowNumber:
        sql<number>`row_number() over (partition by ${options.parent} order by ${sql.join(request.orderBy, sql`, `)})`
          .mapWith(Number)
          .as('row_number'),
    })
    .from(options.table)
    .$dynamic();
  // drizzle types a join by the exact query it extends; the caller's join keeps the selection.
  const joined = options.join
    ? (options.join(numbered as unknown as PgSelect) as unknown as typeof numbered)
    : numbered;
  const ranked = joined.where(and(options.restrict, request.where())).as('ranked');
  const rows = (await db
    .select()
    .from(ranked)
    .where(lte(ranked.rowNumber, request.limit))
    .orderBy(ranked.parentId, ranked.rowNumber)) as unknown as (Row & { parentId: number; rowNumber: number })[];
  const byParent = new Map<number, Row[]>();
  for (const { parentId, rowNumber: _, ...row } of rows) {
    const group = byParent.get(parentId);
    if (group) group.push(row as Row);
    else byParent.set(parentId, [row as Row]);
  }
  for (const parentId of options.parentIds) pages.set(parentId, request.finish(byParent.get(parentId) ?? []));
  return pages;
}

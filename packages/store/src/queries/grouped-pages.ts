/**
 * Pages of child rows for many parents in one statement: a window function numbers each
 * parent's rows in page order, and only the first `limit` of each are fetched. Nested
 * connections (an actor's events, a source's citations) use it so that a page of parents
 * costs one query for all their children, whatever its size.
 */
import { and, getColumns, lte, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/client.ts';
import { type Page, type PageArgs, planPage, type SortKey } from './pagination.ts';

/** The caller's columns, numbered within each parent in page order. */
const rankedRows = (store: Store, table: SQLiteTable, parent: SQLiteColumn | SQL.Aliased<number>, orderBy: SQL[]) =>
  store
    .select({
      ...getColumns(table),
      parentId: sql<number>`${parent}`.as('parent_id'),
      rowNumber: sql<number>`row_number() over (partition by ${parent} order by ${sql.join(orderBy, sql`, `)})`.as(
        'row_number',
      ),
    })
    .from(table)
    .$dynamic();

type RankedRows = ReturnType<typeof rankedRows>;

/** Columns the window query adds beside the caller's own. */
interface Ranking {
  parentId: number;
  rowNumber: number;
}

export function groupedPages<Row>(
  store: Store,
  options: {
    table: SQLiteTable;
    /** Column (of `table` or of a joined subquery) that names each row's parent. */
    parent: SQLiteColumn | SQL.Aliased<number>;
    /** Adds any joins the parent column needs. */
    join?: (query: RankedRows) => RankedRows;
    /** Restricts rows to the wanted parents. */
    restrict: SQL;
    parentIds: readonly number[];
    ordering: string;
    keys: SortKey<Row>[];
    args: PageArgs;
  },
): Map<number, Page<Row>> {
  const plan = planPage(options.ordering, options.keys, options.args);
  const pages = new Map<number, Page<Row>>();
  if (options.parentIds.length === 0) return pages;
  const query = rankedRows(store, options.table, options.parent, plan.orderBy);
  const ranked = (options.join ? options.join(query) : query).where(and(options.restrict, plan.where)).as('ranked');
  const rows = store
    .select()
    .from(ranked)
    .where(lte(ranked.rowNumber, plan.limit))
    .orderBy(ranked.parentId, ranked.rowNumber)
    // Typed by the caller: drizzle knows `table` only as some table, the caller knows its Row.
    .all() as (Row & Ranking)[];
  const byParent = new Map<number, Row[]>();
  // Rest of a generic type is an Omit that TypeScript does not relate back to Row.
  for (const { parentId, rowNumber: _, ...row } of rows)
    byParent.set(parentId, [...(byParent.get(parentId) ?? []), row as Row]);
  for (const parentId of options.parentIds) pages.set(parentId, plan.finish(byParent.get(parentId) ?? []));
  return pages;
}

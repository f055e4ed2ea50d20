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

export function groupedPages<Row>(
  store: Store,
  options: {
    table: SQLiteTable;
    /** Column (of `table` or of a joined subquery) that names each row's parent. */
    parent: SQLiteColumn | SQL.Aliased<number>;
    /** Adds any joins the parent column needs. */
    // Callers add joins of their own; drizzle types each joined builder differently.
    join?: (query: any) => any;
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
  const join = options.join ?? ((query: any) => query);
  const ranked = join(
    store
      .select({
        ...getColumns(options.table),
        parentId: sql<number>`${options.parent}`.as('parent_id'),
        rowNumber:
          sql<number>`row_number() over (partition by ${options.parent} order by ${sql.join(plan.orderBy, sql`, `)})`.as(
            'row_number',
          ),
      })
      .from(options.table as SQLiteTable),
  )
    .where(and(options.restrict, plan.where))
    .as('ranked');
  const rows = store
    .select()
    .from(ranked)
    .where(lte(ranked.rowNumber, plan.limit))
    .orderBy(ranked.parentId, ranked.rowNumber)
    .all() as (Row & { parentId: number })[];
  const byParent = new Map<number, Row[]>();
  // Rows come back with the parent key and row number beside the caller's own columns.
  for (const { parentId, rowNumber: _, ...row } of rows as any[])
    byParent.set(parentId, [...(byParent.get(parentId) ?? []), row]);
  for (const parentId of options.parentIds) pages.set(parentId, plan.finish(byParent.get(parentId) ?? []));
  return pages;
}

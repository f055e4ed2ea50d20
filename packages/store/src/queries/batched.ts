/**
 * Batched lookups built and prepared once per store. drizzle builds a query's SQL from its objects
 * on every call, which cost more than running a lookup by primary key; and `IN (?, ?, …)` gives a
 * different statement for every number of IDs. Here the IDs are bound as one JSON array, so one
 * prepared statement serves every batch and the query is built once.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { jitMapped, type Store } from '../db/client.ts';

/** `column IN (the batch's IDs)`; the IDs are bound when the prepared query runs. */
export const inBatch = (column: SQLiteColumn): SQL =>
  sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;

interface PreparedBatch<Row> {
  all(placeholders: { ids: string }): Row[];
}

/** A lookup by many IDs whose query (`build`, using `inBatch`) is prepared on first use for each store. */
export function batchedLookup<Row, Key extends number | string = number>(
  build: (store: Store) => { prepare(): unknown },
) {
  const prepared = new WeakMap<Store, PreparedBatch<Row>>();
  return (store: Store, ids: readonly Key[]): Row[] => {
    if (!ids.length) return [];
    let query = prepared.get(store);
    if (!query) {
      // Prepared once and run on every request: worth a compiled row mapper.
      query = build(jitMapped(store)).prepare() as PreparedBatch<Row>;
      prepared.set(store, query);
    }
    return query.all({ ids: JSON.stringify(ids) });
  };
}

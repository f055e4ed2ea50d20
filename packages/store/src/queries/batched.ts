/**
 * Batched lookups built and prepared once per store. drizzle builds a query's SQL from its objects
 * on every call, which cost more than running a lookup by primary key; and `IN (?, ?, …)` gives a
 * different statement for every number of IDs. Here the IDs are bound as one JSON array, so one
 * prepared statement serves every batch and the query is built once.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { jitMapped, type Store } from '../db/client.ts';

/** Picks the rows of a batch by `column`; the keys are bound when the prepared query runs. */
export type KeyMatch = (column: SQLiteColumn) => SQL;

/** `column IN (the batch's keys)`, bound as one JSON array. */
const inBatch: KeyMatch = (column) => sql`${column} in (select value from json_each(${sql.placeholder('keys')}))`;

/**
 * `column = the one key`: a point lookup (`event(id:)`) batches one key, and reading it through
 * `json_each` took about twice as long in SQLite as comparing the key directly.
 */
const isKey: KeyMatch = (column) => sql`${column} = ${sql.placeholder('key')}`;

interface PreparedBatch<Row> {
  all(placeholders: { keys: string } | { key: number | string }): Row[];
}

/**
 * A lookup by many keys whose query (`build`, matching its key column with the `KeyMatch` it is given)
 * is prepared on first use for each store, once for a batch of one key and once for more.
 */
export function batchedLookup<Row, Key extends number | string = number>(
  build: (store: Store, keys: KeyMatch) => { prepare(): unknown },
) {
  const prepared = new WeakMap<Store, { one: PreparedBatch<Row>; many: PreparedBatch<Row> }>();
  return (store: Store, keys: readonly Key[]): Row[] => {
    if (!keys.length) return [];
    let queries = prepared.get(store);
    if (!queries) {
      // Prepared once and run on every request: worth a compiled row mapper.
      const mapped = jitMapped(store);
      queries = {
        one: build(mapped, isKey).prepare() as PreparedBatch<Row>,
        many: build(mapped, inBatch).prepare() as PreparedBatch<Row>,
      };
      prepared.set(store, queries);
    }
    return keys.length === 1 ? queries.one.all({ key: keys[0]! }) : queries.many.all({ keys: JSON.stringify(keys) });
  };
}

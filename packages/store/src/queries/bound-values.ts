/**
 * How a query's values enter its SQL on SQLite: as named placeholders (`NamedValues`) of a statement
 * prepared once per shape (`preparedByShape`; why in `paging/prepared-shapes.ts`), or inline where
 * they appear (`inlineValues`), for queries that are built once per use anyway.
 */
import { jitMapped, type Store } from '../db/client.ts';
import { ShapeCache } from '../paging/prepared-shapes.ts';

export { inlineValues, type ValueBinder } from '../paging/keyset.ts';
export { NamedValues } from '../paging/prepared-shapes.ts';

const preparedShapes = new ShapeCache<unknown>();

/**
 * The prepared statement for `queryName` in the shape `shapeKey`, built by `build` the first time.
 * `build` must produce the same SQL for the same key: use the key of the `NamedValues` it was built with.
 * It builds on the store it is given, which maps rows with drizzle's compiled (JIT) mappers.
 */
export function preparedByShape<Prepared>(
  store: Store,
  queryName: string,
  shapeKey: string,
  build: (store: Store) => { prepare(): Prepared },
): Prepared {
  // Prepared once and run on every request: worth a compiled row mapper.
  return preparedShapes.get(store, `${queryName}\n${shapeKey}`, () => build(jitMapped(store)).prepare()) as Prepared;
}

/**
 * How a query's values enter its SQL. drizzle builds a query's SQL text and its row mapper from the
 * query objects on every run; for the event page that cost three times what SQLite took to answer
 * it. With `NamedValues`, each value becomes a named placeholder and the builder records the form of
 * the SQL (which clauses, which direction), so every request of the same shape, whatever its values,
 * runs one statement built and prepared once (`preparedByShape`). `inlineValues` binds each value
 * where it appears, for queries that are built once per use anyway.
 */
import { type Placeholder, sql } from 'drizzle-orm';
import { jitMapped, type Store } from '../db/client.ts';
import type { ValueBinder } from '../paging/keyset.ts';

export { inlineValues, type ValueBinder } from '../paging/keyset.ts';

type BindableValue = string | number;

export class NamedValues implements ValueBinder {
  readonly values: Record<string, BindableValue> = {};
  private readonly shape: string[] = [];

  value<Value extends BindableValue>(name: string, value: Value): Placeholder<string, Value> {
    this.values[name] = value;
    this.shape.push(name);
    return sql.placeholder(name);
  }

  form(token: string): void {
    this.shape.push(`(${token})`);
  }

  /** Equal for two queries exactly when their SQL is equal (given the same build function). */
  get shapeKey(): string {
    return this.shape.join(' ');
  }
}

/** Enough for every combination of filter fields clients send in practice; the least recently used go first. */
const SHAPES_PER_STORE = 500;
const preparedShapes = new WeakMap<Store, Map<string, unknown>>();

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
  let shapes = preparedShapes.get(store);
  if (!shapes) {
    shapes = new Map();
    preparedShapes.set(store, shapes);
  }
  const key = `${queryName}\n${shapeKey}`;
  const cached = shapes.get(key) as Prepared | undefined;
  if (cached) {
    shapes.delete(key);
    shapes.set(key, cached);
    return cached;
  }
  // Prepared once and run on every request: worth a compiled row mapper.
  const prepared = build(jitMapped(store)).prepare();
  shapes.set(key, prepared);
  if (shapes.size > SHAPES_PER_STORE) shapes.delete(shapes.keys().next().value!);
  return prepared;
}

/**
 * Statements built and prepared once per shape, on either database. drizzle builds a query's SQL
 * text and its row mapper from the query objects on every run, which cost more than the database
 * took to answer a page. With `NamedValues`, each value becomes a named placeholder and the builder
 * records the form of the SQL (which clauses, which direction), so every request of the same shape,
 * whatever its values, runs one statement kept in a `ShapeCache`.
 */
import { type Placeholder, sql } from 'drizzle-orm';
import type { BindableValue, ValueBinder } from './keyset.ts';

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
const SHAPES_PER_OWNER = 500;

/** Prepared statements by shape key, per database handle (`owner`), the least recently used dropped first. */
export class ShapeCache<Prepared> {
  private readonly owners = new WeakMap<object, Map<string, Prepared>>();

  /** The statement of `owner` for `key`, made by `create` the first time. */
  get(owner: object, key: string, create: () => Prepared): Prepared {
    let shapes = this.owners.get(owner);
    if (!shapes) {
      shapes = new Map();
      this.owners.set(owner, shapes);
    }
    const cached = shapes.get(key);
    if (cached) {
      shapes.delete(key);
      shapes.set(key, cached);
      return cached;
    }
    const prepared = create();
    shapes.set(key, prepared);
    if (shapes.size > SHAPES_PER_OWNER) shapes.delete(shapes.keys().next().value!);
    return prepared;
  }
}

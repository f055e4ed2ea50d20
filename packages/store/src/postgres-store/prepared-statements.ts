/**
 * Statements on PostgreSQL built once and run with each request's values. drizzle builds a query's
 * SQL text and its row mapper from the query objects on every run, and its default mapper allocated
 * more than the rows it mapped; a statement kept here is built once, maps its rows with a compiled
 * mapper (`jitMapped`), and takes its values as placeholders (`paging/prepared-shapes.ts`).
 *
 * Named, the statement is also prepared on the server: the name is drizzle's hash of the SQL text and
 * parameter types, so each shape is parsed once per connection, and after five executions PostgreSQL
 * may keep one generic plan for it instead of planning every request (`plan_cache_mode = auto`).
 * Only for statements whose generic plan is as good for every parameter: not for a filter on actors,
 * whose best plan depends on the actor (a generic plan for a hub took seconds: docs/performance.md).
 * PGlite ignores the name.
 */
import { type Column, type SQL, sql } from 'drizzle-orm';
import { ShapeCache } from '../paging/prepared-shapes.ts';
import { jitMapped, type PostgresDatabase } from '../postgres/client.ts';

export interface PreparedRead<Row> {
  execute(values?: Record<string, unknown>): Promise<Row[]>;
}
interface Preparable<Row> {
  prepare(): PreparedRead<Row>;
}

/**
 * The query as an unnamed statement, planned for its values on every run. drizzle's public
 * `prepare()` always names the statement; `_prepare()` is the same method without the name (checked
 * by the plan tests' hub pages, and drizzle is pinned exactly).
 */
const unnamed = <Row>(query: Preparable<Row>): PreparedRead<Row> =>
  (query as unknown as { _prepare(): PreparedRead<Row> })._prepare();

const shapes = new ShapeCache<PreparedRead<unknown>>();

/**
 * The statement for `queryName` in the shape `shapeKey`, built by `build` the first time; named when
 * `named` (see above). `build` must produce the same SQL for the same key: use the key of the
 * `NamedValues` it was built with.
 */
export function preparedByShape<Row>(
  db: PostgresDatabase,
  queryName: string,
  shapeKey: string,
  build: (db: PostgresDatabase) => Preparable<Row>,
  { named }: { named: boolean },
): PreparedRead<Row> {
  const key = `${queryName}\n${named ? 'named' : 'unnamed'}\n${shapeKey}`;
  return shapes.get(db, key, () => {
    const query = build(jitMapped(db));
    return named ? query.prepare() : unnamed(query);
  }) as PreparedRead<Row>;
}

/** `column = any($ids)`, the batch's keys bound as one array when the statement runs. */
export const inBatch = (column: Column | SQL, type: 'int' | 'text' = 'int'): SQL =>
  sql`${column} = any(${sql.placeholder('ids')}::${sql.raw(type)}[])`;

/**
 * A lookup by many keys whose query (`build`, using `inBatch`) is built on first use for each
 * database and run as a named statement: its plan (an index probe per key) suits every batch.
 */
export function batchedLookup<Row, Key extends number | string = number>(
  build: (db: PostgresDatabase) => Preparable<Row>,
) {
  const prepared = new WeakMap<PostgresDatabase, PreparedRead<Row>>();
  return (db: PostgresDatabase, keys: readonly Key[]): Promise<Row[]> => {
    if (!keys.length) return Promise.resolve([]);
    let query = prepared.get(db);
    if (!query) {
      query = build(jitMapped(db)).prepare();
      prepared.set(db, query);
    }
    return query.execute({ ids: keys });
  };
}

/**
 * Keyset (cursor) pagination, the part both databases share. Rows are ordered by a list of sort
 * keys that always ends with the row ID, so every position is unique and a cursor names one exact
 * place in the order: paging forwards and backwards gives the same rows, and rows added elsewhere
 * in the order do not shift a page. A cursor records the ordering it was made for and is rejected
 * under another; its encoding is the same on SQLite and PostgreSQL, so a cursor from one names the
 * same position in the other. How each database fetches a page is its own (`queries/pagination.ts`,
 * `postgres/pages.ts`).
 */
import { asc, type Column, desc, and as every, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { QueryError } from '../errors/query-error.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page<Row> {
  rows: Row[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface SortKey<Row> {
  column: Column | SQL;
  direction: 'asc' | 'desc';
  value: (row: Row) => string | number;
}

export type KeyValues = (string | number)[];

/** A value bound into a query: PostgreSQL binds a list of IDs or words as one array. */
export type BindableValue = string | number | readonly number[] | readonly string[];

/** How a query's values enter its SQL: inline, or as named placeholders of a prepared statement. */
export interface ValueBinder {
  /** What to write where `value` goes; `name` is unique within the query. */
  value<Value extends BindableValue>(name: string, value: Value): Value | Placeholder<string, Value>;
  /** Records a choice that changes the SQL but binds no value (a direction, a clause without values). */
  form(token: string): void;
}

export const inlineValues: ValueBinder = {
  value: (_name, value) => value,
  form: () => {},
};

const encodeCursor = (ordering: string, values: KeyValues) =>
  Buffer.from(JSON.stringify([ordering, ...values])).toString('base64url');

function decodeCursor(cursor: string, ordering: string, keyCount: number, argument: string): KeyValues {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const invalid = () =>
    new QueryError(
      'INVALID_CURSOR',
      `\`${argument}\` is not a cursor this API issued. Use a cursor from pageInfo or an edge of the same query.`,
      argument,
    );
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'string') throw invalid();
  if (decoded[0] !== ordering) {
    throw new QueryError(
      'INVALID_CURSOR',
      `\`${argument}\` was issued for a different ordering (${decoded[0]}); this query orders by ${ordering}. Start again without a cursor.`,
      argument,
    );
  }
  if (
    decoded.length !== keyCount + 1 ||
    decoded.slice(1).some((value) => typeof value !== 'string' && typeof value !== 'number')
  )
    throw invalid();
  return decoded.slice(1) as KeyValues;
}

function validateSize(value: number | null | undefined, argument: string) {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new QueryError(
      'BAD_USER_INPUT',
      `\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${value}. Page through larger results with cursors.`,
      argument,
    );
  }
}

/** `(a, b, c)` for one or more sort keys, so the database compares them as a row value. */
const rowValue = (parts: SQL[]) => (parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql`, `)})`);

/**
 * Rows strictly beyond `values` in the key order (`forward`) or strictly before them. Consecutive
 * keys sorted the same way are compared as one row value, `(a, b) > (?, ?)`: the database seeks an
 * index on those columns straight to the cursor, where the expanded `a > ? OR (a = ? AND b > ?)`
 * makes it walk the index from the start, so a deep page cost as much as every page before it.
 * Keys sorted in opposite directions (kind ascending, then date descending) still need an OR per
 * change of direction.
 */
export function beyond<Row>(keys: SortKey<Row>[], values: KeyValues, forward: boolean, binder: ValueBinder): SQL {
  const bound = forward ? 'after' : 'before';
  const runs: { ascending: boolean; columns: SQL[]; values: SQL[] }[] = [];
  keys.forEach((key, index) => {
    const ascending = (key.direction === 'asc') === forward;
    const column = sql`${key.column}`;
    const value = sql`${binder.value(`${bound}${index}`, values[index]!)}`;
    const last = runs.at(-1);
    if (last && last.ascending === ascending) {
      last.columns.push(column);
      last.values.push(value);
    } else runs.push({ ascending, columns: [column], values: [value] });
  });
  const clauses = runs.map((run, index) => {
    const equalBefore = runs
      .slice(0, index)
      .map((previous) => sql`${rowValue(previous.columns)} = ${rowValue(previous.values)}`);
    const comparison = sql`${rowValue(run.columns)} ${run.ascending ? sql`>` : sql`<`} ${rowValue(run.values)}`;
    return every(...equalBefore, comparison)!;
  });
  return clauses.length === 1 ? clauses[0]! : sql`(${or(...clauses)!})`;
}

/** A page asked for, read against its ordering: the decoded cursors, the direction and the size. */
export interface PageRequest<Row> {
  ordering: string;
  keys: SortKey<Row>[];
  after: KeyValues | undefined;
  before: KeyValues | undefined;
  backward: boolean;
  size: number;
  /** Rows strictly between the cursors; undefined when there are none. */
  where: () => SQL | undefined;
  /** The order to fetch in (reversed when paging backwards). */
  orderBy: SQL[];
  /** How many rows to fetch: one more than the page, to learn whether another page exists. */
  limit: number;
  /** Turns the fetched rows into the page, in the query's order. */
  finish(rows: Row[]): Page<Row>;
}

/** Checks the page arguments and decodes the cursors; throws the caller's QueryError when they do not fit. */
export function readPageRequest<Row>(
  ordering: string,
  keys: SortKey<Row>[],
  args: PageArgs,
  binder: ValueBinder = inlineValues,
): PageRequest<Row> {
  validateSize(args.first, 'first');
  validateSize(args.last, 'last');
  if (args.first != null && args.last != null) {
    throw new QueryError('BAD_USER_INPUT', 'Pass either `first` or `last`, not both.', 'last');
  }
  const backward = args.last != null;
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  binder.form(`${ordering}${backward ? ' backward' : ''}`);
  const after = args.after ? decodeCursor(args.after, ordering, keys.length, 'after') : undefined;
  const before = args.before ? decodeCursor(args.before, ordering, keys.length, 'before') : undefined;
  return {
    ordering,
    keys,
    after,
    before,
    backward,
    size,
    where: () => {
      const bounds = [after && beyond(keys, after, true, binder), before && beyond(keys, before, false, binder)].filter(
        (bound): bound is SQL => bound !== undefined,
      );
      return bounds.length ? every(...bounds) : undefined;
    },
    orderBy: keys.map((key) => ((key.direction === 'asc') !== backward ? asc(key.column) : desc(key.column))),
    limit: size + 1,
    finish(fetched) {
      const more = fetched.length > size;
      const rows = fetched.slice(0, size);
      if (backward) rows.reverse();
      return {
        rows,
        cursors: rows.map((row) =>
          encodeCursor(
            ordering,
            keys.map((key) => key.value(row)),
          ),
        ),
        hasNextPage: backward ? Boolean(args.before) : more,
        hasPreviousPage: backward ? more : Boolean(args.after),
      };
    },
  };
}

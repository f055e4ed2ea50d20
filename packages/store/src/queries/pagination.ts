/**
 * Keyset pagination on SQLite: the shared reading of page arguments and cursors
 * (`paging/keyset.ts`), and fetching a page with SQLite's two-statement split of a cursor's tie.
 */
import { and, type SQL, sql } from 'drizzle-orm';
import {
  beyond,
  inlineValues,
  type KeyValues,
  type Page,
  type PageArgs,
  readPageRequest,
  type SortKey,
  type ValueBinder,
} from '../paging/keyset.ts';

export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Page,
  type PageArgs,
  type SortKey,
} from '../paging/keyset.ts';

/**
 * Rows equal to the cursor on every key but the last (the row ID) and beyond it on the ID: the rest
 * of the cursor's tie, one index seek on all its columns.
 */
function restOfTie<Row>(keys: SortKey<Row>[], values: KeyValues, forward: boolean, binder: ValueBinder): SQL {
  const bound = forward ? 'after' : 'before';
  const tie = keys
    .slice(0, -1)
    .map((key, index) => sql`${key.column} = ${binder.value(`${bound}${index}`, values[index]!)}`);
  const id = keys.at(-1)!;
  const last = keys.length - 1;
  const comparison = (id.direction === 'asc') === forward ? sql`>` : sql`<`;
  return and(...tie, sql`${id.column} ${comparison} ${binder.value(`${bound}${last}`, values[last]!)}`)!;
}

export interface PagePart {
  /** The rows of this part; undefined when there is no cursor. */
  where: SQL | undefined;
  /** How many rows to fetch at most. */
  limit: number;
  /**
   * Tells the parts of one page apart, for caching a statement per part. `tie` is the rest of the
   * cursor's tie, rows equal to it on every key but the ID: its statement should read the index of
   * the ordering's leading key, named (see `listEvents`).
   */
  name: 'tie' | 'beyond' | 'all';
}

export interface PagePlan<Row> {
  /** Restricts rows to those between the cursors; undefined when there are none. */
  where: SQL | undefined;
  /** The order to fetch in (reversed when paging backwards). */
  orderBy: SQL[];
  /** How many rows to fetch: one more than the page, to learn whether another page exists. */
  limit: number;
  /**
   * Fetches the rows `where` selects with up to two statements, one `run` each, both one index seek.
   * SQLite seeks a row value only up to a rowid column: `(a, b, id) > (?, ?, ?)` seeks `(a, b) > (?, ?)`
   * and then walks every row of the cursor's tie. At a million events one year holds 21,000 events,
   * and a cursor near the end of them cost 3.9 ms against 35 µs at their start. So a one-sided
   * cursor is split into the rest of its tie and the rows strictly beyond it without the ID; the
   * second statement runs only when the first left the page short.
   */
  fetch(run: (part: PagePart) => Row[]): Row[];
  /** Turns the fetched rows into the page, in the query's order. */
  finish(rows: Row[]): Page<Row>;
}

export function planPage<Row>(
  ordering: string,
  keys: SortKey<Row>[],
  args: PageArgs,
  binder: ValueBinder = inlineValues,
): PagePlan<Row> {
  const request = readPageRequest(ordering, keys, args, binder);
  const { after, before } = request;
  const parts = (): Omit<PagePart, 'limit'>[] => {
    const cursor = after ?? before;
    if (!cursor || (after && before) || keys.length === 1) return [{ where: request.where(), name: 'all' }];
    const forward = cursor === after;
    return [
      { where: restOfTie(keys, cursor, forward, binder), name: 'tie' },
      { where: beyond(keys.slice(0, -1), cursor.slice(0, -1), forward, binder), name: 'beyond' },
    ];
  };
  const { limit } = request;
  return {
    get where() {
      return request.where();
    },
    orderBy: request.orderBy,
    limit,
    fetch(run) {
      const rows: Row[] = [];
      for (const part of parts()) {
        if (rows.length >= limit) break;
        rows.push(...run({ ...part, limit: limit - rows.length }));
      }
      return rows;
    },
    finish: request.finish,
  };
}

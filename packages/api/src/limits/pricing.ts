/**
 * What each field costs, for the cost limit (`cost-limit.ts`). Pothos' complexity plugin walks
 * the document and multiplies; this file only says, per field, what it costs on its own and by how
 * many items it multiplies what is selected under it. docs/limits.md describes the model.
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@bilateral/store';
import { type GraphQLField, getNullableType, isListType } from 'graphql';

/** What one field costs before any multiplier: every field, scalars included, is one point. */
export const FIELD_COST = 1;

/**
 * The items assumed for a list that takes no page size (an event's participants, citations,
 * claims ...). Curated records list a handful of each; ten is above what the seeds hold.
 */
export const UNPAGED_LIST_BOUND = 5;

/**
 * The items assumed for a list that summarises the whole filtered dataset (statistics buckets,
 * cooperation years): one per year or value, so more than a record's own lists, but each item is small.
 */
export const AGGREGATE_LIST_BOUND = 100;

/**
 * What a field costs on its own when it reads every event matching its filter, however few fields
 * are selected under it: statistics, the cooperation index, the actor network, a TimelineJS
 * document, and full-text search (which ranks every match). At 100,000 events one of them takes
 * up to about a second (bench:hostile), so a request holds two (a dashboard's statistics and
 * cooperation index), not more.
 */
export const SCAN_FIELD_COST = 20_000;
export const SCAN_PRICE = { field: SCAN_FIELD_COST, multiplier: 1 };

/**
 * What a drill-down page (a statistics bucket's, a cooperation year's or a network edge's `events`)
 * costs on its own. It sits under a list of up to `AGGREGATE_LIST_BOUND` aggregates, so at the
 * price of an ordinary page no chart could open even the first event of each bar; each reads one
 * page of the events its aggregate already counted, so it is priced as a twentieth of a page.
 */
export const DRILL_DOWN_FIELD_COST = 50;

/**
 * What a paged field (a connection, a revision list, the change feed) costs on its own, before its
 * page multiplies what is under it: each reads its page with an SQL statement sorted over all its
 * matches, which at 100,000 events takes tens of milliseconds, however few rows it returns.
 */
export const PAGE_FIELD_COST = 1_000;

/** The most IDs `nodes(ids:)` takes in one request. */
export const MAX_NODE_IDS = 100;

/** Page and list sizes are priced as asked, clamped to what the field can return so an out-of-range size gets its own error. */
const clampedSize = (size: unknown, fallback: number, most: number) =>
  Math.min(Math.max(typeof size === 'number' && Number.isFinite(size) ? size : fallback, 0), most);
const clampedPageSize = (size: unknown, fallback: number) => clampedSize(size, fallback, MAX_PAGE_SIZE);

/**
 * The price of a field, from its arguments: a paged field multiplies by the page size it can
 * return (`first`, else `last`, else the default page size); `nodes(ids:)` by the number of IDs;
 * any other list by `UNPAGED_LIST_BOUND`. Fields that differ (a connection's `edges`, lists with
 * their own bound) set `complexity` in their own options, which takes precedence.
 */
export function fieldPrice<Context>(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
) {
  const argumentNames = new Set(field.args.map((argument) => argument.name));
  if (argumentNames.has('first') || argumentNames.has('last')) return pagedPrice(DEFAULT_PAGE_SIZE)(args);
  if (argumentNames.has('ids') && Array.isArray(args.ids)) {
    return { field: FIELD_COST, multiplier: Math.min(args.ids.length, MAX_NODE_IDS) };
  }
  return { field: FIELD_COST, multiplier: isListType(getNullableType(field.type)) ? UNPAGED_LIST_BOUND : 1 };
}

/** A paged field whose page size defaults to `defaultSize`. */
export const pagedPrice =
  (defaultSize: number, fieldCost = PAGE_FIELD_COST) =>
  (args: { first?: number | null; last?: number | null }) => ({
    field: fieldCost,
    multiplier: clampedPageSize(args.first ?? args.last, defaultSize),
  });

/** A connection's `edges` (or a feed's items): the paged field above them already multiplied by its page size. */
export const EDGES_PRICE = { field: FIELD_COST, multiplier: 1 };

/**
 * A list with a size argument of its own, `first`, that is not a page (the actor network's `nodes`
 * and `edges`): it multiplies what is selected under it by the size asked, `defaultSize` when absent.
 */
export const sizedListPrice = (defaultSize: number, most: number) => (args: { first?: number | null }) => ({
  field: FIELD_COST,
  multiplier: clampedSize(args.first, defaultSize, most),
});

/** A list whose length has its own documented ceiling (a TimelineJS document's events, for one). */
export const boundedListPrice = (bound: number) => ({ field: FIELD_COST, multiplier: bound });

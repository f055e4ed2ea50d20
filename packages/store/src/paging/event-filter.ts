/**
 * What an events list can be filtered by, the same on both databases, and which filters keep every
 * live event (so summaries kept over all live events answer for them). Each database turns a filter
 * into SQL itself (`queries/events.ts`, `postgres-store/event-reads.ts`).
 */
import { type Column, type SQL, sql } from 'drizzle-orm';
import { dateBound } from '../dates/date-bound.ts';
import { QueryError } from '../errors/query-error.ts';
import type { EventKind } from '../vocabulary/event-kinds.ts';
import { keysOf, type Sector } from '../vocabulary/terms.ts';
import type { ValueBinder } from './keyset.ts';

export interface EventFilter {
  /** Fuzzy date; the range starts at its earliest day. */
  from?: string | null;
  /** Fuzzy date; the range ends at its latest day. */
  to?: string | null;
  /** `within`: the event's whole possible span lies in the range; `overlaps`: any part of it does. */
  dateMatch?: 'within' | 'overlaps' | null;
  kinds?: EventKind[] | null;
  /** Actor slugs. */
  actors?: string[] | null;
  /** `any`: at least one of the actors took part; `all`: every one of them did. */
  actorsMatch?: 'any' | 'all' | null;
  sectors?: Sector[] | null;
  text?: string | null;
  hasConflicts?: boolean | null;
  /** Archived events (tombstones) are left out unless this is true. `text` never matches them: the search index holds live events only. */
  /** Source slugs: events that cite any of these documents in their own citations. */
  sources?: string[] | null;
  /** Event slugs: only these events (the explorer's export of one event's page). */
  slugs?: string[] | null;
  includeArchived?: boolean | null;
}

const absent = (value: unknown) => value == null || value === '';
const noneListed = (value: readonly unknown[] | null | undefined) => !value?.length;
const always = () => true;

/** For each filter field, whether its value lets every live event through. */
const FILTERS_NOTHING: { [Field in keyof Required<EventFilter>]: (value: EventFilter[Field]) => boolean } = {
  from: absent,
  to: absent,
  // How dates or actors combine filters nothing by itself.
  dateMatch: always,
  kinds: noneListed,
  actors: noneListed,
  actorsMatch: always,
  sectors: noneListed,
  text: absent,
  // false is a condition: only events on which sources agree.
  hasConflicts: absent,
  sources: noneListed,
  slugs: noneListed,
  includeArchived: (value) => !value,
};

/**
 * True when `filter` keeps every live event, apart from the fields in `besides` (which the caller
 * applies itself), so summaries kept over all live events (statistics, the network) answer for it.
 */
export function keepsEveryLiveEvent(
  filter: EventFilter | null | undefined,
  besides: readonly (keyof EventFilter)[] = [],
): boolean {
  const filtersNothing = <Field extends keyof EventFilter>(field: Field) =>
    besides.includes(field) || FILTERS_NOTHING[field](filter?.[field]);
  return keysOf(FILTERS_NOTHING).every(filtersNothing);
}

/**
 * The conditions of `filter`'s date range on either schema's event date columns, its bounds through
 * `binder`; INVALID_DATE when `from` is after `to`.
 */
export function dateRangeSql(
  columns: { dateEarliest: Column; dateLatest: Column },
  filter: EventFilter,
  binder: ValueBinder,
): SQL[] {
  const from = filter.from ? dateBound(filter.from, 'filter.from').earliest : undefined;
  const to = filter.to ? dateBound(filter.to, 'filter.to').latest : undefined;
  if (from && to && from > to)
    throw new QueryError(
      'INVALID_DATE',
      `filter.from (${filter.from}) is after filter.to (${filter.to}).`,
      'filter.from',
    );
  const overlaps = filter.dateMatch === 'overlaps';
  if (overlaps && (from || to)) binder.form('overlaps');
  const conditions: SQL[] = [];
  if (from) {
    const bound = binder.value('from', from);
    conditions.push(overlaps ? sql`${columns.dateLatest} >= ${bound}` : sql`${columns.dateEarliest} >= ${bound}`);
  }
  if (to) {
    const bound = binder.value('to', to);
    conditions.push(overlaps ? sql`${columns.dateEarliest} <= ${bound}` : sql`${columns.dateLatest} <= ${bound}`);
  }
  return conditions;
}

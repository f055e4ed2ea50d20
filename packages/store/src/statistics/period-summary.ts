/**
 * When the `event_period_counts` summary can answer a statistic, for both databases: the condition
 * on its rows that selects exactly the live events a filter matches, built from the few pieces of
 * SQL each database writes its own way.
 */
import { and, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { dateBound } from '../dates/date-bound.ts';
import { type EventFilter, keepsEveryLiveEvent } from '../paging/event-filter.ts';

/** A period ("2014", or "1980-01-01/1989-12-31") and its parts, as one database's SQL reads them. */
export interface PeriodColumns {
  /** The period column itself. */
  period: SQLWrapper;
  /** The first day of a span period (the text before the slash). */
  first: SQL;
  /** The last day of a span period (the text after the slash). */
  last: SQL;
  /** Rows of one of `kinds`. */
  kindIn(kinds: readonly string[]): SQL;
}

/**
 * The kept totals that can answer a filter besides its dates and kinds: the totals of one sector
 * (`sector_period_counts`), of one actor (`actor_period_counts`, by slug) or of every live event
 * (`event_period_counts`, neither set); false when none can (any other condition, several sectors or
 * actors, whose events overlap, or a sector with an actor).
 */
export function summaryScope(filter: EventFilter | null | undefined): { sector?: string; actor?: string } | false {
  if (!keepsEveryLiveEvent(filter, ['from', 'to', 'kinds', 'sectors', 'actors'])) return false;
  const [sectors, actors] = [new Set(filter?.sectors ?? []), new Set(filter?.actors ?? [])];
  if (sectors.size + actors.size > 1) return false;
  const [sector] = sectors;
  const [actor] = actors;
  return { ...(sector && { sector }), ...(actor && { actor }) };
}

/**
 * The condition on `event_period_counts` rows (or on one sector's or actor's rows of the other
 * period totals, `periodCondition`, which reads the dates and kinds of the filter alone) that
 * selects exactly the live events `filter` matches,
 * or false when the summary cannot tell (any condition but dates and kinds, or a date bound inside a
 * year); undefined when every row counts. A period is a year or an exact span of days: every event of
 * year Y lies within `from: "F"` (from its first day) exactly when Y ≥ F, and overlaps it exactly when
 * Y ≥ F too; a span's own first and last days decide it exactly. So date bounds on whole years are
 * answered from the summary, a few hundred rows, however many events they match.
 */
export const periodSummaryCondition = (filter: EventFilter | null | undefined, columns: PeriodColumns) =>
  keepsEveryLiveEvent(filter, ['from', 'to', 'kinds']) && periodCondition(filter, columns);

export function periodCondition(
  filter: EventFilter | null | undefined,
  { period, first, last, kindIn }: PeriodColumns,
): SQL | undefined | false {
  const from = filter?.from ? dateBound(filter.from, 'filter.from').earliest : undefined;
  const to = filter?.to ? dateBound(filter.to, 'filter.to').latest : undefined;
  if ((from && !from.endsWith('-01-01')) || (to && !to.endsWith('-12-31'))) return false;
  if (from && to && from > to) return false; // the event filter refuses it with its message
  const isYear = sql`length(${period}) = 4`;
  const overlaps = filter?.dateMatch === 'overlaps';
  const conditions: SQL[] = [];
  if (from) {
    const year = from.slice(0, 4);
    conditions.push(
      sql`(case when ${isYear} then ${period} >= ${year} else ${overlaps ? last : first} >= ${from} end)`,
    );
  }
  if (to) {
    const year = to.slice(0, 4);
    conditions.push(sql`(case when ${isYear} then ${period} <= ${year} else ${overlaps ? first : last} <= ${to} end)`);
  }
  if (filter?.kinds?.length) conditions.push(kindIn(filter.kinds));
  return and(...conditions);
}

/**
 * True when `actor_event_counts` (each actor's live events, kept by triggers as the network's node
 * sizes) answers a statistic by itself: grouped by actor alone, over every live event. Grouping the
 * participations instead reads every one of them (three million at a million events).
 */
export const actorTotalsAnswer = (filter: EventFilter | null | undefined, dimensions: readonly string[]) =>
  dimensions.length > 0 && dimensions.every((dimension) => dimension === 'actor') && keepsEveryLiveEvent(filter);

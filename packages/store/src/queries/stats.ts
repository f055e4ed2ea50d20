/**
 * Event statistics on SQLite: the matching events grouped in SQL (`groupedCounts`), made into
 * buckets by the shared `statistics/buckets.ts`.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import {
  actorEventCounts,
  actorPeriodCounts,
  eventParticipants,
  eventPeriodCounts,
  eventSectors,
  events,
  sectorPeriodCounts,
} from '../db/schema.ts';
import {
  type BucketKey,
  bucketSql as bucketSqlOver,
  bucketsOf,
  type CooperationYear,
  cooperationYears,
  type GroupRow,
  groupingOf,
  isMultiValued,
  periodSql,
  type StatsBucket,
  type StatsDimension,
} from '../statistics/buckets.ts';
import { actorTotalsAnswer, type PeriodColumns, periodCondition, summaryScope } from '../statistics/period-summary.ts';
import {
  type EventFilter,
  type EventOrder,
  type EventRow,
  eventFilterSql,
  listEvents,
  resolveActorSlugs,
} from './events.ts';
import type { Page, PageArgs } from './pagination.ts';

export {
  type BucketKey,
  type CooperationYear,
  certainPeriod,
  GOLDSTEIN_MAPPING,
  STATS_DIMENSIONS,
  type StatsBucket,
  type StatsDimension,
} from '../statistics/buckets.ts';

const PERIOD_SQL = periodSql(events);

/** A table of period totals: live events counted by period and kind (and by sector or actor). */
type PeriodTotals = typeof eventPeriodCounts | typeof sectorPeriodCounts | typeof actorPeriodCounts;

const periodColumnsOf = (totals: PeriodTotals): PeriodColumns => ({
  period: totals.period,
  first: sql`substr(${totals.period}, 1, instr(${totals.period}, '/') - 1)`,
  last: sql`substr(${totals.period}, instr(${totals.period}, '/') + 1)`,
  kindIn: (kinds) => inArray(totals.kind, kinds as string[]),
});

/**
 * The kept period totals that answer `filter` (`summaryScope`: every event, one sector or one actor,
 * with kinds and dates on whole years) and the condition on their rows, or false.
 */
function keptPeriodTotals(store: Store, filter: EventFilter | null | undefined) {
  const scope = summaryScope(filter);
  if (!scope) return false;
  const totals: PeriodTotals = scope.sector ? sectorPeriodCounts : scope.actor ? actorPeriodCounts : eventPeriodCounts;
  const dated = periodCondition(filter, periodColumnsOf(totals));
  if (dated === false) return false;
  const scoped = scope.sector
    ? eq(sectorPeriodCounts.sector, scope.sector)
    : scope.actor
      ? eq(actorPeriodCounts.actorId, resolveActorSlugs(store, [scope.actor], 'filter.actors')[0]!)
      : undefined;
  return { totals, where: and(scoped, dated) };
}

/**
 * The events a statistic counts, as `eventFilterSql` selects them, except that a sector filter is a
 * list of IDs read from the sector index: SQLite then reads only the events in those sectors (about
 * a tenth each at a million events) instead of testing every event. Pages keep the EXISTS form, which
 * lets them walk an index in their order.
 */
function countedEventsSql(store: Store, filter: EventFilter | null | undefined): SQL | undefined {
  if (!filter?.sectors?.length) return eventFilterSql(store, filter);
  const inSectors = sql`${events.id} in (select ${eventSectors.eventId} from ${eventSectors} where ${inArray(eventSectors.sector, filter.sectors)})`;
  return and(eventFilterSql(store, { ...filter, sectors: null }), inSectors);
}

/**
 * Events counted by the values the dimensions need, grouped in SQL so that no event row reaches
 * JavaScript. Time and kind dimensions read the kept period totals when the filter holds only kinds,
 * dates on whole years and at most one sector or actor (`keptPeriodTotals`); anything else groups
 * the matching events.
 */
function groupedCounts(store: Store, filter: EventFilter | null | undefined, dimensions: readonly StatsDimension[]) {
  const { byPeriod, byKind, bySector, byActor } = groupingOf(dimensions);
  if (actorTotalsAnswer(filter, dimensions))
    return store
      .select({ actorId: actorEventCounts.actorId, n: actorEventCounts.eventCount })
      .from(actorEventCounts)
      .where(sql`${actorEventCounts.eventCount} > 0`)
      .all() as GroupRow[];
  const kept = !bySector && !byActor && keptPeriodTotals(store, filter);
  if (kept) {
    const { totals, where } = kept;
    const columns = {
      ...(byPeriod && { period: totals.period }),
      ...(byKind && { kind: totals.kind }),
      n: sql<number>`sum(${totals.count})`,
    };
    return store
      .select(columns)
      .from(totals as typeof eventPeriodCounts)
      .where(and(sql`${totals.count} > 0`, where))
      .groupBy(...Object.values(columns).slice(0, -1))
      .all() as GroupRow[];
  }
  const columns = {
    ...(byPeriod && { period: PERIOD_SQL }),
    ...(byKind && { kind: events.kind }),
    // As expressions, not columns, so the result type does not change with the joins added below.
    ...(bySector && { sector: sql<string>`${eventSectors.sector}` }),
    ...(byActor && { actorId: sql<number>`${eventParticipants.actorId}` }),
    // With a sector or actor join an event appears once per value (and per role): count it once.
    n: bySector || byActor ? sql<number>`count(distinct ${events.id})` : sql<number>`count(*)`,
  };
  // Joined only for the dimensions that need them: a dynamic query keeps one type through optional joins.
  let query = store.select(columns).from(events).$dynamic();
  if (bySector) query = query.innerJoin(eventSectors, eq(eventSectors.eventId, events.id));
  if (byActor) query = query.innerJoin(eventParticipants, eq(eventParticipants.eventId, events.id));
  return query
    .where(countedEventsSql(store, filter))
    .groupBy(...(Object.values(columns).slice(0, -1) as SQL[]))
    .all() as GroupRow[];
}

export function eventStats(
  store: Store,
  filter: EventFilter | null | undefined,
  dimensions: readonly StatsDimension[],
): { buckets: StatsBucket[]; totalCount: number } {
  const { buckets, total } = bucketsOf(groupedCounts(store, filter, dimensions), dimensions);
  return { buckets, totalCount: isMultiValued(dimensions) ? countMatching(store, filter) : total };
}

/** The events `filter` matches, summed from the kept period totals when they can tell (`keptPeriodTotals`). */
function countMatching(store: Store, filter: EventFilter | null | undefined): number {
  const kept = keptPeriodTotals(store, filter);
  if (kept)
    return store
      .select({ n: sql<number>`coalesce(sum(${kept.totals.count}), 0)` })
      .from(kept.totals as typeof eventPeriodCounts)
      .where(kept.where)
      .get()!.n;
  return store.select({ n: sql<number>`count(*)` }).from(events).where(countedEventsSql(store, filter)).get()!.n;
}

/** SQL for the events of one bucket: what drilling into a bucket adds to the stats filter. */
export const bucketSql = (keys: readonly BucketKey[]): SQL | undefined =>
  bucketSqlOver({ events, eventSectors, eventParticipants }, keys);

/** Mean Goldstein score per year: a cooperation (+10) to conflict (-10) index. */
export const cooperationIndex = (store: Store, filter: EventFilter | null | undefined): CooperationYear[] =>
  cooperationYears(groupedCounts(store, filter, ['year', 'kind']));

/** A page of one bucket's events: the drill-down from a statistic to the events it counts. */
export const listBucketEvents = (
  store: Store,
  filter: EventFilter | null | undefined,
  keys: readonly BucketKey[],
  order: readonly EventOrder[],
  page: PageArgs,
): Page<EventRow> => listEvents(store, filter, order, page, bucketSql(keys));

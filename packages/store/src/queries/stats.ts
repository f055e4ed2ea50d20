/**
 * Event counts grouped by time, kind, sector, actor or PLOVER category, with the IDs of the
 * events in each bucket so a chart can drill down.
 *
 * Fuzzy dates are counted honestly: an event lands in a YEAR (or DECADE) bucket only when every
 * day its date can mean lies in that year (decade). An event dated more coarsely (the 1980s,
 * 2002/2003) is never spread across years or padded to one: it lands in a bucket whose year is
 * null and whose `span` names the range it covers. So a YEAR breakdown always adds up to the
 * filtered total. Multi-valued dimensions (SECTOR, ACTOR) count an event once per value, so
 * their buckets can add up to more than the total.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { eventParticipants, eventPeriodCounts, eventSectors, events } from '../db/schema.ts';
import { EVENT_KIND_VALUES, EVENT_KINDS, type EventKind } from '../vocabulary/event-kinds.ts';
import {
  dateBound,
  type EventFilter,
  type EventOrder,
  type EventRow,
  eventFilterSql,
  keepsEveryLiveEvent,
  listEvents,
} from './events.ts';
import type { Page, PageArgs } from './pagination.ts';

export const STATS_DIMENSIONS = ['year', 'decade', 'kind', 'sector', 'actor', 'plover'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** One bucket value: `value` is null for events too coarsely dated for a time bucket. */
export interface BucketKey {
  dimension: StatsDimension;
  value: string | null;
  /** For a null time bucket, the range the events' dates cover, as "1980-01-01/1989-12-31". */
  span: string | null;
}

export interface StatsBucket {
  keys: BucketKey[];
  count: number;
}

/**
 * An event's period: its year when its date lies within one year, else its span "earliest/latest".
 * The event_period_counts triggers compute the same expression (event-period-counts migration).
 */
const PERIOD_SQL = sql<string>`case when substr(${events.dateEarliest}, 1, 4) = substr(${events.dateLatest}, 1, 4)
  then substr(${events.dateEarliest}, 1, 4) else ${events.dateEarliest} || '/' || ${events.dateLatest} end`;

/** One grouped row: the values the requested dimensions need, and how many events have them. */
interface GroupRow {
  period?: string;
  kind?: string;
  sector?: string;
  actorId?: number;
  n: number;
}

/**
 * The condition on `event_period_counts` rows that selects exactly the live events `filter` matches,
 * or undefined when the summary cannot tell (any condition but dates and kinds, or a date bound
 * inside a year). A period is a year or an exact span of days: every event of year Y lies within
 * `from: "F"` (from its first day) exactly when Y ≥ F, and overlaps it exactly when Y ≥ F too; a
 * span's own first and last days decide it exactly. So date bounds on whole years are answered
 * from the summary, a few hundred rows, however many events they match.
 */
function summaryCondition(filter: EventFilter | null | undefined): SQL | undefined | false {
  if (!keepsEveryLiveEvent(filter, ['from', 'to', 'kinds'])) return false;
  const from = filter?.from ? dateBound(filter.from, 'filter.from').earliest : undefined;
  const to = filter?.to ? dateBound(filter.to, 'filter.to').latest : undefined;
  if ((from && !from.endsWith('-01-01')) || (to && !to.endsWith('-12-31'))) return false;
  if (from && to && from > to) return false; // eventFilterSql refuses it with its message
  const period = eventPeriodCounts.period;
  const isYear = sql`length(${period}) = 4`;
  const first = sql`substr(${period}, 1, instr(${period}, '/') - 1)`;
  const last = sql`substr(${period}, instr(${period}, '/') + 1)`;
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
  if (filter?.kinds?.length) conditions.push(inArray(eventPeriodCounts.kind, filter.kinds));
  return and(...conditions);
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
 * JavaScript. Time and kind dimensions read the event_period_counts summary when the filter holds
 * only kinds and dates on whole years (`summaryCondition`); anything else groups the matching events.
 */
function groupedCounts(store: Store, filter: EventFilter | null | undefined, dimensions: readonly StatsDimension[]) {
  const byPeriod = dimensions.includes('year') || dimensions.includes('decade');
  const byKind = dimensions.includes('kind') || dimensions.includes('plover');
  const bySector = dimensions.includes('sector');
  const byActor = dimensions.includes('actor');
  const summarised = !bySector && !byActor && summaryCondition(filter);
  if (summarised !== false) {
    const columns = {
      ...(byPeriod && { period: eventPeriodCounts.period }),
      ...(byKind && { kind: eventPeriodCounts.kind }),
      n: sql<number>`sum(${eventPeriodCounts.count})`,
    };
    return store
      .select(columns)
      .from(eventPeriodCounts)
      .where(and(sql`${eventPeriodCounts.count} > 0`, summarised))
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

/** The year (or decade) a date range certainly falls in, or null when it spans more. */
export function certainPeriod(event: { dateEarliest: string; dateLatest: string }, size: 1 | 10): string | null {
  const start = Math.floor(Number(event.dateEarliest.slice(0, 4)) / size) * size;
  const end = Math.floor(Number(event.dateLatest.slice(0, 4)) / size) * size;
  return start === end ? String(start) : null;
}

/** The key of a time dimension for a period ("2014" or "1980-01-01/1989-12-31"). */
function periodKey(period: string, dimension: 'year' | 'decade'): BucketKey {
  const [dateEarliest, dateLatest = dateEarliest] =
    period.length === 4 ? [`${period}-01-01`, `${period}-12-31`] : period.split('/');
  const value = certainPeriod({ dateEarliest: dateEarliest!, dateLatest: dateLatest! }, dimension === 'year' ? 1 : 10);
  return { dimension, value, span: value === null ? period : null };
}

function keyOf(row: GroupRow, dimension: StatsDimension): BucketKey {
  const key = (value: string | null): BucketKey => ({ dimension, value, span: null });
  switch (dimension) {
    case 'year':
    case 'decade':
      return periodKey(row.period!, dimension);
    case 'kind':
      return key(row.kind!);
    case 'plover':
      return key(EVENT_KINDS[row.kind as EventKind]?.plover ?? null);
    case 'sector':
      return key(row.sector!);
    case 'actor':
      return key(String(row.actorId));
  }
}

export function eventStats(
  store: Store,
  filter: EventFilter | null | undefined,
  dimensions: readonly StatsDimension[],
): { buckets: StatsBucket[]; totalCount: number } {
  const buckets = new Map<string, StatsBucket>();
  let total = 0;
  for (const row of groupedCounts(store, filter, dimensions)) {
    const keys = dimensions.map((dimension) => keyOf(row, dimension));
    const id = JSON.stringify(keys);
    const bucket = buckets.get(id) ?? { keys, count: 0 };
    bucket.count += row.n;
    buckets.set(id, bucket);
    total += row.n;
  }
  const multiValued = dimensions.includes('sector') || dimensions.includes('actor');
  const sortKey = (key: BucketKey) => `${key.value === null ? '\uffff' : key.value.padStart(12, ' ')}${key.span ?? ''}`;
  const ordered = [...buckets.values()].sort((a, b) => {
    for (let index = 0; index < a.keys.length; index++) {
      const difference = sortKey(a.keys[index]!).localeCompare(sortKey(b.keys[index]!));
      if (difference) return difference;
    }
    return 0;
  });
  return { buckets: ordered, totalCount: multiValued ? countMatching(store, filter) : total };
}

function countMatching(store: Store, filter: EventFilter | null | undefined): number {
  return store.select({ n: sql<number>`count(*)` }).from(events).where(countedEventsSql(store, filter)).get()!.n;
}

const lastDay = (year: string) => `${year}-12-31`;

/** SQL for the events of one bucket: what drilling into a bucket adds to the stats filter. */
export function bucketSql(keys: readonly BucketKey[]): SQL | undefined {
  return and(
    ...keys.map((key): SQL => {
      if ((key.dimension === 'year' || key.dimension === 'decade') && key.value === null) {
        const [earliest, latest] = key.span!.split('/');
        return and(eq(events.dateEarliest, earliest!), eq(events.dateLatest, latest!))!;
      }
      switch (key.dimension) {
        case 'year':
        case 'decade': {
          const first = `${key.value}-01-01`;
          const last = lastDay(key.dimension === 'year' ? key.value! : String(Number(key.value) + 9));
          return sql`${events.dateEarliest} between ${first} and ${last} and ${events.dateLatest} between ${first} and ${last}`;
        }
        case 'kind':
          // Bucket values come from the kind column, so they are kinds.
          return eq(events.kind, key.value as EventKind);
        case 'plover': {
          const kinds = EVENT_KIND_VALUES.filter((kind) => (EVENT_KINDS[kind].plover ?? null) === key.value);
          return kinds.length ? inArray(events.kind, kinds) : sql`0`;
        }
        case 'sector':
          return sql`exists (select 1 from ${eventSectors} where ${eventSectors.eventId} = ${events.id} and ${eventSectors.sector} = ${key.value})`;
        case 'actor':
          return sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.actorId} = ${Number(key.value)})`;
        default:
          throw new Error(`no SQL for the stats dimension ${key.dimension satisfies never}`);
      }
    }),
  );
}

export const GOLDSTEIN_MAPPING =
  "Goldstein (1992) conflict-cooperation scale of each event kind's CAMEO code, as listed by Query.eventKinds; kinds without a CAMEO code are left out of the mean.";

export interface CooperationYear {
  /** Null for events whose date spans more than one year. */
  year: number | null;
  meanGoldstein: number | null;
  eventCount: number;
  codedEventCount: number;
  /** The bucket of the year's events, to list them with `bucketSql`. */
  keys: BucketKey[];
}

/** Mean Goldstein score per year: a cooperation (+10) to conflict (-10) index. */
export function cooperationIndex(store: Store, filter: EventFilter | null | undefined): CooperationYear[] {
  const byYear = new Map<string, CooperationYear & { total: number }>();
  for (const row of groupedCounts(store, filter, ['year', 'kind'])) {
    const key = periodKey(row.period!, 'year');
    const id = key.value ?? `\uffff${key.span}`;
    const year = byYear.get(id) ?? {
      year: key.value === null ? null : Number(key.value),
      meanGoldstein: null,
      eventCount: 0,
      codedEventCount: 0,
      keys: [key],
      total: 0,
    };
    const score = EVENT_KINDS[row.kind as EventKind]?.goldstein;
    year.eventCount += row.n;
    if (typeof score === 'number') {
      year.codedEventCount += row.n;
      year.total += score * row.n;
    }
    byYear.set(id, year);
  }
  return [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { total, ...year }]) => ({
      ...year,
      meanGoldstein: year.codedEventCount ? Math.round((total / year.codedEventCount) * 100) / 100 : null,
    }));
}

/** A page of one bucket's events: the drill-down from a statistic to the events it counts. */
export const listBucketEvents = (
  store: Store,
  filter: EventFilter | null | undefined,
  keys: readonly BucketKey[],
  order: readonly EventOrder[],
  page: PageArgs,
): Page<EventRow> => listEvents(store, filter, order, page, bucketSql(keys));

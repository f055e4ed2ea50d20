/**
 * Event counts grouped by time, kind, sector, actor or PLOVER category, with the keys of each
 * bucket so a chart can drill down: the part both databases share. Each database groups the
 * matching events in SQL into `GroupRow`s (`queries/stats.ts`, `postgres-store/insight-reads.ts`);
 * the rows become buckets, and a bucket's keys become SQL again, here.
 *
 * Fuzzy dates are counted honestly: an event lands in a YEAR (or DECADE) bucket only when every
 * day its date can mean lies in that year (decade). An event dated more coarsely (the 1980s,
 * 2002/2003) is never spread across years or padded to one: it lands in a bucket whose year is
 * null and whose `span` names the range it covers. So a YEAR breakdown always adds up to the
 * filtered total. Multi-valued dimensions (SECTOR, ACTOR) count an event once per value, so
 * their buckets can add up to more than the total.
 */
import { and, type Column, eq, inArray, type SQL, sql, type Table } from 'drizzle-orm';
import { EVENT_KIND_VALUES, EVENT_KINDS, type EventKind } from '../vocabulary/event-kinds.ts';

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

/** One grouped row: the values the requested dimensions need, and how many events have them. */
export interface GroupRow {
  period?: string;
  kind?: string;
  sector?: string;
  actorId?: number;
  n: number;
}

/** The tables a bucket's SQL reads, from either database's schema. */
export interface BucketTables {
  events: { id: Column; kind: Column; dateEarliest: Column; dateLatest: Column };
  eventSectors: Table & { eventId: Column; sector: Column };
  eventParticipants: Table & { eventId: Column; actorId: Column };
}

/** Which dimensions a grouping needs. */
export const groupingOf = (dimensions: readonly StatsDimension[]) => ({
  byPeriod: dimensions.includes('year') || dimensions.includes('decade'),
  byKind: dimensions.includes('kind') || dimensions.includes('plover'),
  bySector: dimensions.includes('sector'),
  byActor: dimensions.includes('actor'),
});

/**
 * An event's period: its year when its date lies within one year, else its span "earliest/latest".
 * The event_period_counts triggers compute the same expression (the totals migrations).
 */
export const periodSql = (events: BucketTables['events']) =>
  sql<string>`case when substr(${events.dateEarliest}, 1, 4) = substr(${events.dateLatest}, 1, 4)
  then substr(${events.dateEarliest}, 1, 4) else ${events.dateEarliest} || '/' || ${events.dateLatest} end`;

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

/** The grouped rows as ordered buckets of `dimensions`, and the sum of their counts. */
export function bucketsOf(rows: readonly GroupRow[], dimensions: readonly StatsDimension[]) {
  const buckets = new Map<string, StatsBucket>();
  let total = 0;
  for (const row of rows) {
    const keys = dimensions.map((dimension) => keyOf(row, dimension));
    const id = JSON.stringify(keys);
    const bucket = buckets.get(id) ?? { keys, count: 0 };
    bucket.count += row.n;
    buckets.set(id, bucket);
    total += row.n;
  }
  const sortKey = (key: BucketKey) => `${key.value === null ? '\uffff' : key.value.padStart(12, ' ')}${key.span ?? ''}`;
  const ordered = [...buckets.values()].sort((a, b) => {
    for (let index = 0; index < a.keys.length; index++) {
      const difference = sortKey(a.keys[index]!).localeCompare(sortKey(b.keys[index]!));
      if (difference) return difference;
    }
    return 0;
  });
  return { buckets: ordered, total };
}

/** True when an event can fall in several buckets, so the buckets do not add up to the total. */
export const isMultiValued = (dimensions: readonly StatsDimension[]) =>
  dimensions.includes('sector') || dimensions.includes('actor');

/** Mean Goldstein score per year from rows grouped by year and kind: a cooperation (+10) to conflict (-10) index. */
export function cooperationYears(rows: readonly GroupRow[]): CooperationYear[] {
  const byYear = new Map<string, CooperationYear & { total: number }>();
  for (const row of rows) {
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
      // In tenths (every score has one decimal): integers sum exactly in any order, so the mean does
      // not depend on the order each database returns its rows in.
      year.total += Math.round(score * 10) * row.n;
    }
    byYear.set(id, year);
  }
  return [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { total, ...year }]) => ({
      ...year,
      meanGoldstein: year.codedEventCount ? Math.round((total * 10) / year.codedEventCount) / 100 : null,
    }));
}

const lastDay = (year: string) => `${year}-12-31`;

/** SQL for the events of one bucket: what drilling into a bucket adds to the stats filter. */
export function bucketSql(tables: BucketTables, keys: readonly BucketKey[]): SQL | undefined {
  const { events, eventSectors, eventParticipants } = tables;
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
          return eq(events.kind, key.value);
        case 'plover': {
          const kinds = EVENT_KIND_VALUES.filter((kind) => (EVENT_KINDS[kind].plover ?? null) === key.value);
          return kinds.length ? inArray(events.kind, kinds) : sql`1 = 0`;
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

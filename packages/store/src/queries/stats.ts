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
import { inArray } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { eventParticipants, eventSectors, events } from '../db/schema.ts';
import { EVENT_KINDS, type EventKind } from '../vocabulary/event-kinds.ts';
import { type EventFilter, eventFilterSql } from './events.ts';
import { groupBy } from './related.ts';

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
  eventIds: number[];
}

interface FilteredEvent {
  id: number;
  kind: string;
  dateEarliest: string;
  dateLatest: string;
}

export function filteredEvents(store: Store, filter: EventFilter | null | undefined): FilteredEvent[] {
  return store
    .select({ id: events.id, kind: events.kind, dateEarliest: events.dateEarliest, dateLatest: events.dateLatest })
    .from(events)
    .where(eventFilterSql(store, filter))
    .orderBy(events.dateEarliest, events.dateLatest, events.id)
    .all();
}

/** The year (or decade) an event certainly falls in, or null when its date spans more. */
export function certainPeriod(event: Pick<FilteredEvent, 'dateEarliest' | 'dateLatest'>, size: 1 | 10): string | null {
  const start = Math.floor(Number(event.dateEarliest.slice(0, 4)) / size) * size;
  const end = Math.floor(Number(event.dateLatest.slice(0, 4)) / size) * size;
  return start === end ? String(start) : null;
}

export function eventStats(
  store: Store,
  filter: EventFilter | null | undefined,
  dimensions: readonly StatsDimension[],
): { buckets: StatsBucket[]; totalCount: number } {
  const rows = filteredEvents(store, filter);
  const ids = rows.map((row) => row.id);
  const sectors =
    dimensions.includes('sector') && ids.length
      ? groupBy(store.select().from(eventSectors).where(inArray(eventSectors.eventId, ids)).all(), (row) => row.eventId)
      : new Map();
  const actors =
    dimensions.includes('actor') && ids.length
      ? groupBy(
          store
            .selectDistinct({ eventId: eventParticipants.eventId, actorId: eventParticipants.actorId })
            .from(eventParticipants)
            .where(inArray(eventParticipants.eventId, ids))
            .all(),
          (row) => row.eventId,
        )
      : new Map();

  const valuesOf = (event: FilteredEvent, dimension: StatsDimension): BucketKey[] => {
    const key = (value: string | null, span: string | null = null): BucketKey => ({ dimension, value, span });
    switch (dimension) {
      case 'year':
      case 'decade': {
        const period = certainPeriod(event, dimension === 'year' ? 1 : 10);
        return [period === null ? key(null, `${event.dateEarliest}/${event.dateLatest}`) : key(period)];
      }
      case 'kind':
        return [key(event.kind)];
      case 'plover':
        return [key(EVENT_KINDS[event.kind as EventKind]?.plover ?? null)];
      case 'sector':
        return (sectors.get(event.id) ?? []).map((row: { sector: string }) => key(row.sector));
      case 'actor':
        return (actors.get(event.id) ?? []).map((row: { actorId: number }) => key(String(row.actorId)));
    }
  };

  const buckets = new Map<string, StatsBucket>();
  for (const event of rows) {
    let combinations: BucketKey[][] = [[]];
    for (const dimension of dimensions)
      combinations = combinations.flatMap((prefix) => valuesOf(event, dimension).map((value) => [...prefix, value]));
    for (const keys of combinations) {
      const id = JSON.stringify(keys);
      const bucket = buckets.get(id) ?? { keys, count: 0, eventIds: [] };
      bucket.count++;
      bucket.eventIds.push(event.id);
      buckets.set(id, bucket);
    }
  }
  const sortKey = (key: BucketKey) => `${key.value === null ? '\uffff' : key.value.padStart(12, ' ')}${key.span ?? ''}`;
  const ordered = [...buckets.values()].sort((a, b) => {
    for (let index = 0; index < a.keys.length; index++) {
      const difference = sortKey(a.keys[index]!).localeCompare(sortKey(b.keys[index]!));
      if (difference) return difference;
    }
    return 0;
  });
  return { buckets: ordered, totalCount: rows.length };
}

export const GOLDSTEIN_MAPPING =
  "Goldstein (1992) conflict-cooperation scale of each event kind's CAMEO code, as listed by Query.eventKinds; kinds without a CAMEO code are left out of the mean.";

export interface CooperationYear {
  /** Null for events whose date spans more than one year. */
  year: number | null;
  meanGoldstein: number | null;
  eventCount: number;
  codedEventCount: number;
  eventIds: number[];
}

/** Mean Goldstein score per year: a cooperation (+10) to conflict (-10) index. */
export function cooperationIndex(store: Store, filter: EventFilter | null | undefined): CooperationYear[] {
  const byYear = groupBy(filteredEvents(store, filter), (event) => certainPeriod(event, 1));
  return [...byYear]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : Number(a) - Number(b)))
    .map(([year, list]) => {
      const scores = list
        .map((event) => EVENT_KINDS[event.kind as EventKind]?.goldstein)
        .filter((score): score is number => typeof score === 'number');
      return {
        year: year === null ? null : Number(year),
        meanGoldstein: scores.length
          ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100
          : null,
        eventCount: list.length,
        codedEventCount: scores.length,
        eventIds: list.map((event) => event.id),
      };
    });
}

/**
 * Counting the events a filter matches without reading hundreds of thousands of them, the same on
 * both databases: from the kept totals where a total counts exactly those events, else counted only
 * up to a limit (a list's count beside its page, `EventConnection.boundedCount`).
 */
import { type EventFilter, keepsEveryLiveEvent } from './event-filter.ts';

/** How many matching events a bounded count reads before it stops: as many as search counts per kind. */
export const EVENT_COUNT_LIMIT = 10_000;

/** A count of events, exact unless `limited`: then at least `count` (the limit) match. */
export interface BoundedCount {
  count: number;
  limited: boolean;
}

/**
 * Which kept actor totals count exactly the live events `filter` matches: one actor's
 * (`actor_event_counts`, however `actorsMatch` reads), or the pair's shared events
 * (`actor_pair_counts`) when two actors must both take part; undefined when the filter holds any
 * other condition, or actors whose events no single total counts.
 */
export function actorTotalsScope(filter: EventFilter | null | undefined): 'actor' | 'pair' | undefined {
  if (!filter?.actors?.length || !keepsEveryLiveEvent(filter, ['actors', 'actorsMatch'])) return undefined;
  const distinct = new Set(filter.actors).size;
  if (distinct === 1) return 'actor';
  return distinct === 2 && filter.actorsMatch === 'all' ? 'pair' : undefined;
}

/** The two actor IDs of a pair in the order `actor_pair_counts` keeps them (`actor_id` < `other_id`). */
export const pairOrder = (ids: readonly number[]): [number, number] => {
  const [first, second] = [...new Set(ids)].sort((a, b) => a - b);
  return [first!, second!];
};

/** What a count that read at most `limit + 1` matching events answers. */
export const boundedCountOf = (counted: number, limit: number): BoundedCount =>
  counted > limit ? { count: limit, limited: true } : { count: counted, limited: false };

/**
 * How many events a filter matches on SQLite: from the kept totals where one counts exactly those
 * events (`paging/event-counts.ts`), else counted, in full (`countEvents`) or up to a limit
 * (`countEventsUpTo`). Counting the busiest actor's events from its participations read 777,618 of
 * them at a million events; its kept total is one row.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { actorEventCounts, actorPairCounts, events } from '../db/schema.ts';
import { actorTotalsScope, type BoundedCount, boundedCountOf, pairOrder } from '../paging/event-counts.ts';
import { countEvents as countEachEvent, type EventFilter, eventFilterSql, resolveActorSlugs } from './events.ts';
import { keptPeriodCount } from './stats.ts';

/** The events `filter` matches as the kept totals count them, or undefined when none counts exactly those. */
function keptCount(store: Store, filter: EventFilter | null | undefined): number | undefined {
  const scope = actorTotalsScope(filter);
  if (!scope) return keptPeriodCount(store, filter);
  const ids = resolveActorSlugs(store, filter!.actors!, 'filter.actors');
  if (scope === 'actor')
    return (
      store
        .select({ n: actorEventCounts.eventCount })
        .from(actorEventCounts)
        .where(eq(actorEventCounts.actorId, ids[0]!))
        .get()?.n ?? 0
    );
  const [actorId, otherId] = pairOrder(ids);
  return (
    store
      .select({ n: actorPairCounts.weight })
      .from(actorPairCounts)
      .where(and(eq(actorPairCounts.actorId, actorId), eq(actorPairCounts.otherId, otherId)))
      .get()?.n ?? 0
  );
}

/** Every event `filter` matches, from the kept totals when they tell. */
export const countEvents = (store: Store, filter: EventFilter | null | undefined): number =>
  keptCount(store, filter) ?? countEachEvent(store, filter);

/**
 * The events `filter` matches: exact from the kept totals when they tell, else counted up to `limit`
 * (at most `limit + 1` matching events read) and `limited` past it.
 */
export function countEventsUpTo(store: Store, filter: EventFilter | null | undefined, limit: number): BoundedCount {
  const kept = keptCount(store, filter);
  if (kept !== undefined) return { count: kept, limited: false };
  const matching = store
    .select({ one: sql`1` })
    .from(events)
    .where(eventFilterSql(store, filter))
    .limit(limit + 1)
    .as('matching');
  return boundedCountOf(store.select({ n: sql<number>`count(*)` }).from(matching).get()!.n, limit);
}

/**
 * How many events a filter matches on PostgreSQL, as `queries/event-counts.ts` counts them on
 * SQLite: from the kept totals where one counts exactly those events, else counted, in full or up to
 * a limit.
 */
import { and, eq, sql } from 'drizzle-orm';
import { actorTotalsScope, type BoundedCount, boundedCountOf, pairOrder } from '../paging/event-counts.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actorEventCounts, actorPairCounts, events } from '../postgres/schema.ts';
import type { EventFilter } from '../queries/events.ts';
import { countEvents as countEachEvent, eventFilterSql, resolveActorSlugs } from './event-reads.ts';
import { keptPeriodCount } from './insight-reads.ts';

/** The events `filter` matches as the kept totals count them, or undefined when none counts exactly those. */
async function keptCount(db: PostgresDatabase, filter: EventFilter | null | undefined): Promise<number | undefined> {
  const scope = actorTotalsScope(filter);
  if (!scope) return keptPeriodCount(db, filter);
  const ids = await resolveActorSlugs(db, filter!.actors!, 'filter.actors');
  if (scope === 'actor') {
    const [row] = await db
      .select({ n: actorEventCounts.eventCount })
      .from(actorEventCounts)
      .where(eq(actorEventCounts.actorId, ids[0]!));
    return row?.n ?? 0;
  }
  const [actorId, otherId] = pairOrder(ids);
  const [row] = await db
    .select({ n: actorPairCounts.weight })
    .from(actorPairCounts)
    .where(and(eq(actorPairCounts.actorId, actorId), eq(actorPairCounts.otherId, otherId)));
  return row?.n ?? 0;
}

/** Every event `filter` matches, from the kept totals when they tell. */
export const countEvents = async (db: PostgresDatabase, filter: EventFilter | null | undefined): Promise<number> =>
  (await keptCount(db, filter)) ?? countEachEvent(db, filter);

/**
 * The events `filter` matches: exact from the kept totals when they tell, else counted up to `limit`
 * (at most `limit + 1` matching events read) and `limited` past it.
 */
export async function countEventsUpTo(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  limit: number,
): Promise<BoundedCount> {
  const kept = await keptCount(db, filter);
  if (kept !== undefined) return { count: kept, limited: false };
  const matching = db
    .select({ one: sql`1` })
    .from(events)
    .where(await eventFilterSql(db, filter))
    .limit(limit + 1)
    .as('matching');
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(matching);
  return boundedCountOf(row!.n, limit);
}

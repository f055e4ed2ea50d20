/**
 * Event statistics on PostgreSQL: the matching events grouped in SQL, as `queries/stats.ts` groups
 * them on SQLite, made into buckets by the shared `statistics/buckets.ts`. Without a filter (or
 * with only `kinds`), time and kind dimensions read the trigger-kept `event_period_counts`.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { PostgresDatabase } from '../postgres/client.ts';
import { eventParticipants, eventPeriodCounts, eventSectors, events } from '../postgres/schema.ts';
import type { EventFilter } from '../queries/events.ts';
import {
  bucketsOf,
  cooperationYears,
  type GroupRow,
  groupingOf,
  isEmptyFilter,
  isMultiValued,
  periodSql,
  type StatsDimension,
} from '../statistics/buckets.ts';
import { countEvents, eventFilterSql, inTexts } from './event-reads.ts';

/** PostgreSQL counts as bigint, which node-postgres hands over as text. */
const counted = (expression: SQL) => sql<number>`${expression}`.mapWith(Number);

async function groupedCounts(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  dimensions: readonly StatsDimension[],
): Promise<GroupRow[]> {
  const { byPeriod, byKind, bySector, byActor } = groupingOf(dimensions);
  if (!bySector && !byActor && isEmptyFilter(filter)) {
    const columns = {
      ...(byPeriod && { period: eventPeriodCounts.period }),
      ...(byKind && { kind: eventPeriodCounts.kind }),
      n: counted(sql`sum(${eventPeriodCounts.count})`),
    };
    const kinds = filter?.kinds?.length ? inTexts(eventPeriodCounts.kind, filter.kinds) : undefined;
    return (await db
      .select(columns)
      .from(eventPeriodCounts)
      .where(and(sql`${eventPeriodCounts.count} > 0`, kinds))
      .groupBy(...(Object.values(columns).slice(0, -1) as SQL[]))) as GroupRow[];
  }
  const columns = {
    ...(byPeriod && { period: periodSql(events) }),
    ...(byKind && { kind: sql<string>`${events.kind}` }),
    ...(bySector && { sector: sql<string>`${eventSectors.sector}` }),
    ...(byActor && { actorId: sql<number>`${eventParticipants.actorId}` }),
    // With a sector or actor join an event appears once per value (and per role): count it once.
    n: counted(bySector || byActor ? sql`count(distinct ${events.id})` : sql`count(*)`),
  };
  let query = db.select(columns).from(events).$dynamic() as unknown as PgSelect;
  if (bySector) query = query.innerJoin(eventSectors, eq(eventSectors.eventId, events.id)) as PgSelect;
  if (byActor) query = query.innerJoin(eventParticipants, eq(eventParticipants.eventId, events.id)) as PgSelect;
  return (await query
    .where(await eventFilterSql(db, filter))
    .groupBy(...(Object.values(columns).slice(0, -1) as SQL[]))) as unknown as GroupRow[];
}

export async function eventStats(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  dimensions: readonly StatsDimension[],
) {
  const { buckets, total } = bucketsOf(await groupedCounts(db, filter, dimensions), dimensions);
  return { buckets, totalCount: isMultiValued(dimensions) ? await countEvents(db, filter) : total };
}

export const cooperationIndex = async (db: PostgresDatabase, filter: EventFilter | null | undefined) =>
  cooperationYears(await groupedCounts(db, filter, ['year', 'kind']));

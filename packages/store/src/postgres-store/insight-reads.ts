/**
 * Event statistics and the actor network on PostgreSQL, read as `queries/stats.ts` and
 * `queries/network.ts` read them on SQLite and finished by the shared `statistics/` modules. Without a
 * filter (or with only kinds, dates on whole years and one sector or actor), time and kind dimensions
 * read the trigger-kept period totals, and the network the trigger-kept actor and pair totals.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { ActorNetwork } from '../interface/bilateral-store.ts';
import { type EventFilter, keepsEveryLiveEvent } from '../paging/event-filter.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import {
  actorEventCounts,
  actorPairCounts,
  actorPeriodCounts,
  eventParticipants,
  eventPeriodCounts,
  eventSectors,
  events,
  sectorPeriodCounts,
} from '../postgres/schema.ts';
import {
  bucketsOf,
  cooperationYears,
  type GroupRow,
  groupingOf,
  isMultiValued,
  periodSql,
  type StatsDimension,
} from '../statistics/buckets.ts';
import {
  boundedInteger,
  countParticipations,
  edgeBound,
  edgesAmong,
  NETWORK_EVENT_LIMIT,
  type NetworkEdge,
  type NetworkNode,
  type NetworkOptions,
  nodeBound,
  type ParticipationRow,
} from '../statistics/network.ts';
import { actorTotalsAnswer, type PeriodColumns, periodCondition, summaryScope } from '../statistics/period-summary.ts';
import { countEvents, eventFilterSql, inTexts, resolveActorSlugs } from './event-reads.ts';

/** PostgreSQL counts as bigint, which node-postgres hands over as text. */
const counted = (expression: SQL) => sql<number>`${expression}`.mapWith(Number);

/** A table of period totals: live events counted by period and kind (and by sector or actor). */
type PeriodTotals = typeof eventPeriodCounts | typeof sectorPeriodCounts | typeof actorPeriodCounts;

const periodColumnsOf = (totals: PeriodTotals): PeriodColumns => ({
  period: totals.period,
  first: sql`split_part(${totals.period}, '/', 1)`,
  last: sql`split_part(${totals.period}, '/', 2)`,
  kindIn: (kinds) => inTexts(totals.kind, kinds),
});

/**
 * The kept period totals that answer `filter` (`summaryScope`: every event, one sector or one actor,
 * with kinds and dates on whole years) and the condition on their rows, or false.
 */
async function keptPeriodTotals(db: PostgresDatabase, filter: EventFilter | null | undefined) {
  const scope = summaryScope(filter);
  if (!scope) return false;
  const totals: PeriodTotals = scope.sector ? sectorPeriodCounts : scope.actor ? actorPeriodCounts : eventPeriodCounts;
  const dated = periodCondition(filter, periodColumnsOf(totals));
  if (dated === false) return false;
  const scoped = scope.sector
    ? eq(sectorPeriodCounts.sector, scope.sector)
    : scope.actor
      ? eq(actorPeriodCounts.actorId, (await resolveActorSlugs(db, [scope.actor], 'filter.actors'))[0]!)
      : undefined;
  return { totals, where: and(scoped, dated) };
}

/**
 * Events counted by the values the dimensions need. Time and kind dimensions read the kept period
 * totals when the filter holds only kinds, dates on whole years and at most one sector or actor
 * (`keptPeriodTotals`); anything else groups the matching events.
 */
async function groupedCounts(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  dimensions: readonly StatsDimension[],
): Promise<GroupRow[]> {
  const { byPeriod, byKind, bySector, byActor } = groupingOf(dimensions);
  if (actorTotalsAnswer(filter, dimensions))
    return await db
      .select({ actorId: actorEventCounts.actorId, n: actorEventCounts.eventCount })
      .from(actorEventCounts)
      .where(sql`${actorEventCounts.eventCount} > 0`);
  const kept = !bySector && !byActor && (await keptPeriodTotals(db, filter));
  if (kept) {
    const { totals, where } = kept;
    const columns = {
      ...(byPeriod && { period: totals.period }),
      ...(byKind && { kind: totals.kind }),
      n: counted(sql`sum(${totals.count})`),
    };
    return await db
      .select(columns)
      .from(totals as typeof eventPeriodCounts)
      .where(and(sql`${totals.count} > 0`, where))
      .groupBy(...(Object.values(columns).slice(0, -1) as SQL[]));
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
  return { buckets, totalCount: isMultiValued(dimensions) ? await countMatching(db, filter) : total };
}

/** The events `filter` matches, summed from the kept period totals when they can tell (`keptPeriodTotals`). */
async function countMatching(db: PostgresDatabase, filter: EventFilter | null | undefined): Promise<number> {
  const kept = await keptPeriodTotals(db, filter);
  if (!kept) return countEvents(db, filter);
  const [row] = await db
    .select({ n: counted(sql`coalesce(sum(${kept.totals.count}), 0)`) })
    .from(kept.totals as typeof eventPeriodCounts)
    .where(kept.where);
  return row!.n;
}

export const cooperationIndex = async (db: PostgresDatabase, filter: EventFilter | null | undefined) =>
  cooperationYears(await groupedCounts(db, filter, ['year', 'kind']));

const rowsOf = async <Row>(db: PostgresDatabase, query: SQL) =>
  (await db.execute<Row & Record<string, unknown>>(query)).rows as Row[];

/** The unfiltered network from the kept totals: the top nodes by index, the pairs among them by key. */
function summarisedNetwork(db: PostgresDatabase, minWeight: number): ActorNetwork {
  const nodeLists = new Map<number, Promise<NetworkNode[]>>();
  const nodes = (first: number) => {
    let list = nodeLists.get(first);
    if (!list) {
      // `nulls last` as the index is declared: a plain `desc` means nulls first in PostgreSQL, an
      // order the index does not have, and the planner then sorts every actor for each request.
      list = rowsOf<NetworkNode>(
        db,
        sql`select actor_id as "actorId", event_count as "eventCount" from ${actorEventCounts}
          order by event_count desc nulls last, actor_id limit ${first}`,
      );
      nodeLists.set(first, list);
    }
    return list;
  };
  const countOf = async (query: SQL) => (await rowsOf<{ n: number }>(db, query))[0]!.n;
  return {
    eventsSince: null,
    nodeCount: () => countOf(sql`select count(*)::int as n from ${actorEventCounts}`),
    edgeCount: () => countOf(sql`select count(*)::int as n from ${actorPairCounts} where weight >= ${minWeight}`),
    nodes: async (first) => nodes(nodeBound(first, 'first')),
    edges: async (first, amongNodes) => {
      const ids = sql.param((await nodes(nodeBound(amongNodes, 'amongNodes'))).map((node) => node.actorId));
      return rowsOf<NetworkEdge>(
        db,
        sql`select actor_id as "sourceId", other_id as "targetId", weight, first_date as "firstDate", last_date as "lastDate"
          from ${actorPairCounts}
          where actor_id = any(${ids}::int[]) and other_id = any(${ids}::int[]) and weight >= ${minWeight}
          order by weight desc, actor_id, other_id limit ${edgeBound(first)}`,
      );
    },
  };
}

/**
 * A filtered network, counted from the participations of the `eventLimit` most recent matching
 * events. Counted when opened, not when a part is first asked for as on SQLite: `eventsSince` is a
 * plain property, and reading it here means a round trip.
 */
async function countedNetwork(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  minWeight: number,
  eventLimit: number,
): Promise<ActorNetwork> {
  const filterSql = (await eventFilterSql(db, filter)) ?? sql`true`;
  const { rows } = await db.execute<Record<string, unknown>>(
    sql`select m.id, p.actor_id, m.date_earliest, m.date_latest
      from (select ${events.id} as id, ${events.dateEarliest} as date_earliest, ${events.dateLatest} as date_latest
        from ${events} where ${filterSql}
        order by ${events.dateEarliest} desc, ${events.dateLatest} desc, ${events.id} desc limit ${eventLimit + 1}) m
      left join ${eventParticipants} p on p.event_id = m.id
      order by m.date_earliest desc, m.date_latest desc, m.id desc`,
  );
  const participations = rows.map(
    (row): ParticipationRow => [
      row.id as number,
      row.actor_id as number | null,
      row.date_earliest as string,
      row.date_latest as string,
    ],
  );
  const counted = countParticipations(participations, minWeight, eventLimit);
  return {
    eventsSince: counted.since,
    nodeCount: async () => counted.nodes.length,
    edgeCount: async () => counted.pairs.length,
    nodes: async (first) => counted.nodes.slice(0, nodeBound(first, 'first')),
    edges: async (first, amongNodes) => edgesAmong(counted, first, amongNodes),
  };
}

/** The network of the events matching `filter`, as `readActorNetwork` on SQLite. */
export async function readActorNetwork(
  db: PostgresDatabase,
  filter: EventFilter | null | undefined,
  options: NetworkOptions = {},
): Promise<ActorNetwork> {
  const minWeight = boundedInteger(options.minWeight ?? 1, 1, Number.MAX_SAFE_INTEGER, 'minWeight');
  return keepsEveryLiveEvent(filter)
    ? summarisedNetwork(db, minWeight)
    : countedNetwork(db, filter, minWeight, options.eventLimit ?? NETWORK_EVENT_LIMIT);
}

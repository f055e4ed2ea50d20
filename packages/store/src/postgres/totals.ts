/**
 * The trigger-kept totals (event_period_counts, actor_event_counts, actor_pair_counts) as the
 * triggers keep them and as counted from the events themselves: the two must always be equal. The
 * copy from SQLite checks them after loading, and the tests after every kind of write.
 */
import { sql } from 'drizzle-orm';
import type { PostgresDatabase } from './client.ts';

export interface Totals {
  /** `period|kind` → live events; periods whose count fell to 0 are left out (their rows stay, as on SQLite). */
  periods: Record<string, number>;
  /** actor ID → live events it took part in. */
  actors: Record<string, number>;
  /** `actorId-otherId` → `weight first_date last_date`. */
  pairs: Record<string, string>;
}

const PERIODS_KEPT = sql`select period || '|' || kind as key, count as value from event_period_counts where count <> 0`;
const PERIODS_COUNTED = sql`select event_period(date_earliest, date_latest) || '|' || kind as key, count(*)::integer as value
  from events where archived_at is null group by 1`;
const ACTORS_KEPT = sql`select actor_id::text as key, event_count as value from actor_event_counts`;
const ACTORS_COUNTED = sql`select p.actor_id::text as key, count(distinct p.event_id)::integer as value
  from event_participants p join events e on e.id = p.event_id and e.archived_at is null group by p.actor_id`;
const PAIRS_KEPT = sql`select actor_id || '-' || other_id as key, weight || ' ' || first_date || ' ' || last_date as value
  from actor_pair_counts`;
const PAIRS_COUNTED = sql`select a.actor_id || '-' || b.actor_id as key,
    count(distinct a.event_id) || ' ' || min(e.date_earliest) || ' ' || max(e.date_latest) as value
  from event_participants a join event_participants b on b.event_id = a.event_id and b.actor_id > a.actor_id
  join events e on e.id = a.event_id and e.archived_at is null group by a.actor_id, b.actor_id`;

async function keyed<Value>(db: PostgresDatabase, query: ReturnType<typeof sql>): Promise<Record<string, Value>> {
  const { rows } = await db.execute<{ key: string; value: Value }>(query);
  return Object.fromEntries(rows.map((row) => [row.key, row.value]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

/** The totals as the triggers keep them. */
export async function keptTotals(db: PostgresDatabase): Promise<Totals> {
  return {
    periods: await keyed(db, PERIODS_KEPT),
    actors: await keyed(db, ACTORS_KEPT),
    pairs: await keyed(db, PAIRS_KEPT),
  };
}

/** The totals counted from scratch from events and participants. */
export async function countedTotals(db: PostgresDatabase): Promise<Totals> {
  return {
    periods: await keyed(db, PERIODS_COUNTED),
    actors: await keyed(db, ACTORS_COUNTED),
    pairs: await keyed(db, PAIRS_COUNTED),
  };
}

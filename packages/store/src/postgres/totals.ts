/**
 * The trigger-kept totals (event_period_counts, sector_period_counts, actor_period_counts,
 * actor_event_counts, actor_pair_counts) as the
 * triggers keep them and as counted from the events themselves: the two must always be equal. The
 * copy from SQLite fills them with a count from scratch and checks them against SQLite's own; the
 * tests check them after every kind of write.
 */
import { sql } from 'drizzle-orm';
import type { PostgresDatabase } from './client.ts';

export interface Totals {
  /** `period|kind` → live events; periods whose count fell to 0 are left out (their rows stay, as on SQLite). */
  periods: Record<string, number>;
  /** `sector|period|kind` → live events; counts of 0 left out, as for `periods`. */
  sectorPeriods: Record<string, number>;
  /** `actorId|period|kind` → live events the actor took part in; counts of 0 left out. */
  actorPeriods: Record<string, number>;
  /** actor ID → live events it took part in. */
  actors: Record<string, number>;
  /** `actorId-otherId` → `weight first_date last_date`. */
  pairs: Record<string, string>;
}

/** Each total counted from scratch, as the rows of its table. */
const COUNTED = {
  event_period_counts: `select event_period(date_earliest, date_latest) as period, kind, count(*)::integer as count
    from events where archived_at is null group by 1, 2`,
  sector_period_counts: `select s.sector, event_period(e.date_earliest, e.date_latest) as period, e.kind, count(*)::integer as count
    from event_sectors s join events e on e.id = s.event_id and e.archived_at is null group by 1, 2, 3`,
  actor_period_counts: `select p.actor_id, event_period(e.date_earliest, e.date_latest) as period, e.kind,
      count(distinct p.event_id)::integer as count
    from event_participants p join events e on e.id = p.event_id and e.archived_at is null group by 1, 2, 3`,
  actor_event_counts: `select p.actor_id, count(distinct p.event_id)::integer as event_count
    from event_participants p join events e on e.id = p.event_id and e.archived_at is null group by p.actor_id`,
  actor_pair_counts: `select a.actor_id, b.actor_id as other_id, count(distinct a.event_id)::integer as weight,
      min(e.date_earliest) as first_date, max(e.date_latest) as last_date
    from event_participants a join event_participants b on b.event_id = a.event_id and b.actor_id > a.actor_id
    join events e on e.id = a.event_id and e.archived_at is null group by a.actor_id, b.actor_id`,
};
type TotalsTable = keyof typeof COUNTED;
const COLUMNS: Record<TotalsTable, string> = {
  event_period_counts: 'period, kind, count',
  sector_period_counts: 'sector, period, kind, count',
  actor_period_counts: 'actor_id, period, kind, count',
  actor_event_counts: 'actor_id, event_count',
  actor_pair_counts: 'actor_id, other_id, weight, first_date, last_date',
};

/** Each part of `Totals` read from its table (or a relation with its columns), in SQL SQLite reads too. */
const KEYED: Record<keyof Totals, { table: TotalsTable; query: (from: string) => string }> = {
  periods: {
    table: 'event_period_counts',
    query: (from) => `select period || '|' || kind as key, count as value from ${from} where count <> 0`,
  },
  sectorPeriods: {
    table: 'sector_period_counts',
    query: (from) =>
      `select sector || '|' || period || '|' || kind as key, count as value from ${from} where count <> 0`,
  },
  actorPeriods: {
    table: 'actor_period_counts',
    query: (from) =>
      `select actor_id || '|' || period || '|' || kind as key, count as value from ${from} where count <> 0`,
  },
  actors: {
    table: 'actor_event_counts',
    query: (from) => `select cast(actor_id as text) as key, event_count as value from ${from}`,
  },
  pairs: {
    table: 'actor_pair_counts',
    query: (from) =>
      `select actor_id || '-' || other_id as key, weight || ' ' || first_date || ' ' || last_date as value from ${from}`,
  },
};

const PARTS = Object.keys(KEYED) as (keyof Totals)[];

/** Sorted by key, so two records of the same totals compare equal as JSON. */
const byKey = <Value>(rows: { key: string; value: Value }[]): Record<string, Value> =>
  Object.fromEntries(rows.map((row) => [row.key, row.value] as const).sort(([a], [b]) => (a < b ? -1 : 1)));

async function readTotals(db: PostgresDatabase, from: (table: TotalsTable) => string): Promise<Totals> {
  const totals = {} as Record<keyof Totals, unknown>;
  for (const part of PARTS) {
    const { rows } = await db.execute<{ key: string; value: never }>(
      sql.raw(KEYED[part].query(from(KEYED[part].table))),
    );
    totals[part] = byKey(rows);
  }
  return totals as Totals;
}

/** The totals as the triggers keep them. */
export const keptTotals = (db: PostgresDatabase): Promise<Totals> => readTotals(db, (table) => table);

/** The totals counted from scratch from events and participants. */
export const countedTotals = (db: PostgresDatabase): Promise<Totals> =>
  readTotals(db, (table) => `(${COUNTED[table]}) as counted`);

/** The totals SQLite's own triggers kept in a Bilateral SQLite database (the same tables). */
export function sqliteTotals(db: { prepare(source: string): { all(): unknown[] } }): Totals {
  const totals = {} as Record<keyof Totals, unknown>;
  for (const part of PARTS)
    totals[part] = byKey(db.prepare(KEYED[part].query(KEYED[part].table)).all() as { key: string; value: never }[]);
  return totals as Totals;
}

/**
 * The triggers that keep the totals as rows are added. A bulk load (the copy from SQLite) turns
 * them off and fills the totals once at the end with `recountTotals`: the participants trigger looks
 * each added row up among the statement's other added rows, so a many-row insert costs the square
 * of its size.
 */
export const TOTALS_INSERT_TRIGGERS = [
  { table: 'events', trigger: 'events_period_counts_insert' },
  { table: 'event_participants', trigger: 'event_participants_network_insert' },
  { table: 'event_participants', trigger: 'event_participants_period_counts_insert' },
  { table: 'event_sectors', trigger: 'event_sectors_period_counts_insert' },
] as const;

/** Fills the (empty) trigger-kept totals with a count from scratch, as the triggers would have kept them. */
export async function recountTotals(db: PostgresDatabase): Promise<void> {
  for (const table of Object.keys(COUNTED) as TotalsTable[])
    await db.execute(
      sql.raw(`insert into ${table} (${COLUMNS[table]}) select ${COLUMNS[table]} from (${COUNTED[table]}) as counted`),
    );
}

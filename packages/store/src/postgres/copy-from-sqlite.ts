/**
 * Copies a SQLite database of Bilateral into an empty PostgreSQL one, table by table, in one
 * transaction: either all of it arrives, checked, or nothing does. IDs are kept (each identity
 * sequence then starts past the largest), and rows are counted on both sides. The triggers that keep
 * the totals are off while the rows go in (row by row they would take hours at a million events);
 * the totals are then counted once from scratch and must equal the ones SQLite's triggers kept.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { PostgresDatabase } from './client.ts';
import * as schema from './schema.ts';
import { keptTotals, recountTotals, sqliteTotals, TOTALS_INSERT_TRIGGERS } from './totals.ts';

/** The tables copied, parents before children. The totals are not copied: they are counted again. */
export const COPIED_TABLES: PgTable[] = [
  schema.sources,
  schema.actors,
  schema.actorAliases,
  schema.offices,
  schema.events,
  schema.eventSectors,
  schema.eventParticipants,
  schema.eventLinks,
  schema.figures,
  schema.figureActors,
  schema.claims,
  schema.citations,
  schema.apiKeys,
  schema.revisions,
  schema.idempotencyKeys,
  schema.actorMerges,
  schema.seedLoads,
];

const TRIGGER_KEPT: PgTable[] = [
  schema.eventPeriodCounts,
  schema.sectorPeriodCounts,
  schema.actorPeriodCounts,
  schema.actorEventCounts,
  schema.actorPairCounts,
];

/** An actor may name as its country or predecessor an actor with a larger ID: these are set once every actor is in. */
const LATER_REFERENCES = new Map<PgTable, PgColumn[]>([
  [schema.actors, [schema.actors.countryId, schema.actors.predecessorId]],
]);

/** PostgreSQL takes at most 65,535 values in one statement. */
const VALUES_PER_INSERT = 30_000;

export class CopyError extends Error {
  override readonly name = 'CopyError';
}

export interface CopyReport {
  /** Rows copied per table, in copy order. */
  rows: { table: string; count: number }[];
}

export interface CopyOptions {
  /** Called as each table is done, for progress. */
  onTable?: (table: string, count: number) => void;
}

type Row = Record<string, unknown>;

/** SQLite keeps booleans as 0 and 1. */
function fromSqlite(columns: [string, PgColumn][], raw: Row): Row {
  const row: Row = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    row[key] = column.columnType === 'PgBoolean' && value != null ? value === 1 : value;
  }
  return row;
}

async function countRows(db: PostgresDatabase, table: PgTable): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::integer as n from ${table}`);
  return rows[0]!.n;
}

async function copyTable(source: Database.Database, tx: PostgresDatabase, table: PgTable): Promise<number> {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table));
  const later = LATER_REFERENCES.get(table) ?? [];
  const select = source.prepare(
    `select ${columns.map(([, column]) => `"${column.name}"`).join(', ')} from "${name}" order by rowid`,
  );
  const batchSize = Math.floor(VALUES_PER_INSERT / columns.length);
  let batch: Row[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length) await tx.insert(table).values(batch);
    count += batch.length;
    batch = [];
  };
  for (const raw of select.iterate() as Iterable<Row>) {
    const row = fromSqlite(columns, raw);
    for (const column of later) row[columns.find(([, candidate]) => candidate === column)![0]] = null;
    batch.push(row);
    if (batch.length === batchSize) await flush();
  }
  await flush();
  for (const column of later) {
    const pairs = source
      .prepare(`select id, "${column.name}" as value from "${name}" where "${column.name}" is not null`)
      .all() as { id: number; value: number }[];
    if (pairs.length)
      await tx.execute(sql`update ${table} set ${sql.identifier(column.name)} = later.value
        from json_to_recordset(${JSON.stringify(pairs)}::json) as later(id integer, value integer)
        where ${table}.id = later.id`);
  }
  return count;
}

/** Starts each identity sequence past the largest copied ID, so the next row written gets a new one. */
async function restartIdentities(tx: PostgresDatabase): Promise<void> {
  for (const table of COPIED_TABLES) {
    const id = getTableColumns(table).id as PgColumn | undefined;
    if (!id?.generatedIdentity) continue;
    const name = getTableName(table);
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
    );
  }
}

/**
 * Copies `source` (a SQLite database with every Bilateral migration) into `target`, which must be a
 * migrated PostgreSQL database with no rows. Throws CopyError, having written nothing, when the
 * target is not empty or a check fails.
 */
export async function copyFromSqlite(
  source: Database.Database,
  target: PostgresDatabase,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const filled: string[] = [];
  for (const table of [...COPIED_TABLES, ...TRIGGER_KEPT])
    if ((await countRows(target, table)) > 0) filled.push(getTableName(table));
  if (filled.length)
    throw new CopyError(
      `the PostgreSQL database is not empty (rows in ${filled.join(', ')}): copy into a new, migrated database`,
    );

  return target.transaction(async (tx) => {
    // The whole copy is one transaction; at a million events it runs longer than a request may.
    await tx.execute(sql`set local statement_timeout = 0`);
    // ALTER TABLE is transactional: a failed copy leaves the triggers on, as they were.
    for (const { table, trigger } of TOTALS_INSERT_TRIGGERS)
      await tx.execute(sql`alter table ${sql.identifier(table)} disable trigger ${sql.identifier(trigger)}`);
    const rows: CopyReport['rows'] = [];
    for (const table of COPIED_TABLES) {
      const count = await copyTable(source, tx, table);
      const name = getTableName(table);
      const expected = (source.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
      const arrived = await countRows(tx, table);
      if (arrived !== expected || count !== expected)
        throw new CopyError(`${name}: ${expected} rows in SQLite, ${arrived} arrived in PostgreSQL`);
      rows.push({ table: name, count });
      options.onTable?.(name, count);
    }
    await restartIdentities(tx);
    // Statistics for the recount's plan: the tables were empty when last analyzed (autovacuum may be off or not yet run).
    await tx.execute(sql`analyze events, event_participants`);
    await recountTotals(tx);
    for (const { table, trigger } of TOTALS_INSERT_TRIGGERS)
      await tx.execute(sql`alter table ${sql.identifier(table)} enable trigger ${sql.identifier(trigger)}`);
    const [counted, sqlite] = [await keptTotals(tx), sqliteTotals(source)];
    for (const part of Object.keys(counted) as (keyof typeof counted)[])
      if (JSON.stringify(counted[part]) !== JSON.stringify(sqlite[part]))
        throw new CopyError(`the ${part} totals counted in PostgreSQL differ from SQLite's: nothing was copied`);
    return { rows };
  });
}

import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The SQLite side of the copy: a store loaded with the seeds by the existing loader.
import { closeStore, openStore, type Store } from '../db/client.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import type { PostgresStore } from './client.ts';
import { COPIED_TABLES, CopyError, copyFromSqlite } from './copy-from-sqlite.ts';
import { emptyPgliteStore } from './testing/pglite.ts';
import { countedTotals, keptTotals, sqliteTotals } from './totals.ts';

let sqlite: Store;
let target: PostgresStore;

beforeAll(() => {
  sqlite = openStore(':memory:');
  loadSeeds(sqlite, defaultSeedsDir());
  // Archived events and an actor's alias written after the load, so the totals and the search text have something to leave out.
  sqlite.$client.exec(
    `update events set archived_at = '2026-01-01T00:00:00Z' where id in (select id from events order by id limit 3)`,
  );
});
afterAll(() => closeStore(sqlite));

/** Every row of a table, in one order both databases agree on (all columns, nulls first, bytes for text). */
function sqliteRows(table: (typeof COPIED_TABLES)[number]) {
  const columns = Object.values(getTableColumns(table));
  const order = columns.map((_, index) => `${index + 1}`).join(', ');
  const rows = sqlite.$client
    .prepare(
      `select ${columns.map((column) => `"${column.name}"`).join(', ')} from "${getTableName(table)}" order by ${order}`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((column) => {
        const value = row[column.name];
        return [column.name, column.columnType === 'PgBoolean' && value != null ? value === 1 : value];
      }),
    ),
  );
}

async function postgresRows(table: (typeof COPIED_TABLES)[number]) {
  const columns = Object.values(getTableColumns(table));
  const order = columns.map((_, index) => `${index + 1} nulls first`).join(', ');
  const { rows } = await target.db.execute<Record<string, unknown>>(
    sql.raw(
      `select ${columns.map((column) => `"${column.name}"`).join(', ')} from "${getTableName(table)}" order by ${order}`,
    ),
  );
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((column) => [
        column.name,
        column.columnType === 'PgBigInt53' && row[column.name] != null ? Number(row[column.name]) : row[column.name],
      ]),
    ),
  );
}

describe('copyFromSqlite on the seed dataset', () => {
  beforeAll(async () => {
    target = await emptyPgliteStore();
  });

  it('copies every row of every table unchanged, and the totals come out equal to a count from scratch', async () => {
    const report = await copyFromSqlite(sqlite.$client, target.db);
    const events = report.rows.find((row) => row.table === 'events')!;
    expect(events.count).toBeGreaterThan(50);
    for (const table of COPIED_TABLES) {
      expect(await postgresRows(table), getTableName(table)).toEqual(sqliteRows(table));
    }
    const kept = await keptTotals(target.db);
    expect(kept).toEqual(await countedTotals(target.db));
    expect(Object.keys(kept.pairs).length).toBeGreaterThan(10);
    // And equal to SQLite's own totals.
    const sqlitePairs = sqlite.$client
      .prepare(
        `select actor_id || '-' || other_id as key, weight || ' ' || first_date || ' ' || last_date as value from actor_pair_counts`,
      )
      .all() as { key: string; value: string }[];
    expect(kept.pairs).toEqual(Object.fromEntries(sqlitePairs.map((row) => [row.key, row.value])));
    expect(kept).toEqual(sqliteTotals(sqlite.$client));
  });

  it('leaves the totals triggers on: a write after the copy keeps the totals', async () => {
    const { rows } = await target.db.execute<{ id: number }>(sql`
      insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest)
      values ('after-copy', 'T', 'S', 'meeting', '1990', '1990-01-01', '1990-12-31') returning id`);
    await target.db.execute(sql`insert into event_participants (event_id, actor_id, role, position)
      select ${rows[0]!.id}, id, 'participant', row_number() over (order by id) from actors order by id limit 3`);
    const kept = await keptTotals(target.db);
    expect(kept).toEqual(await countedTotals(target.db));
    expect(kept).not.toEqual(sqliteTotals(sqlite.$client));
  });

  it('starts each ID sequence past the copied IDs', async () => {
    const { rows } = await target.db.execute<{ id: number; max: number }>(sql`
      insert into sources (slug, file, title, genre) values ('new', 'new.txt', 'New', 'report')
      returning id, (select max(id) from sources) as max`);
    expect(rows[0]!.id).toBe(rows[0]!.max + 1);
  });

  it('refuses a database that has rows, and writes nothing into it', async () => {
    const before = await keptTotals(target.db);
    await expect(copyFromSqlite(sqlite.$client, target.db)).rejects.toThrow(CopyError);
    await expect(copyFromSqlite(sqlite.$client, target.db)).rejects.toThrow(/not empty \(rows in sources, actors/);
    expect(await keptTotals(target.db)).toEqual(before);
  });

  it("refuses totals that differ from SQLite's, and writes nothing", async () => {
    const empty = await emptyPgliteStore();
    sqlite.$client.exec(
      'update actor_event_counts set event_count = event_count + 1 where actor_id = (select min(actor_id) from actor_event_counts)',
    );
    try {
      await expect(copyFromSqlite(sqlite.$client, empty.db)).rejects.toThrow(
        "the actors totals counted in PostgreSQL differ from SQLite's: nothing was copied",
      );
    } finally {
      sqlite.$client.exec(
        'update actor_event_counts set event_count = event_count - 1 where actor_id = (select min(actor_id) from actor_event_counts)',
      );
    }
    const { rows } = await empty.db.execute<{ n: number }>(sql`select count(*)::integer as n from events`);
    expect(rows[0]!.n).toBe(0);
    // The copy's transaction turned the totals triggers off; rolled back, they are on again.
    const { rows: triggers } = await empty.db.execute<{ enabled: string }>(
      sql`select tgenabled as enabled from pg_trigger where tgname in ('events_period_counts_insert', 'event_participants_network_insert')`,
    );
    expect(triggers.map((row) => row.enabled)).toEqual(['O', 'O']);
    await empty.close();
  });
});

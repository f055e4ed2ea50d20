/**
 * The two stores the PostgreSQL query benchmarks compare (`postgres-search.ts`, `postgres-stats.ts`):
 * the cached synthetic SQLite database of a size, and the same data on PostgreSQL. With
 * `BENCH_DATABASE_URL` the PostgreSQL side is that already-loaded database (a `bilateral
 * copy-to-postgres` of the same synthetic file, migrated and analyzed), and its event count picks the
 * SQLite file; without it each size is copied into a throwaway server (minutes at 1M events).
 */
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { BilateralStore } from '../src/interface/bilateral-store.ts';
import { openPostgresStore, type PostgresStore } from '../src/postgres/client.ts';
import { copyFromSqlite } from '../src/postgres/copy-from-sqlite.ts';
import { type PostgresServer, startPostgresServer } from '../src/postgres/testing/server.ts';
import { postgresStore } from '../src/postgres-store/postgres-store.ts';
import { openSqliteStore } from '../src/sqlite/sqlite-store.ts';
import { syntheticDatabase } from '../src/synthetic/cache.ts';

export const RUNS = Number(process.env.RUNS ?? 15);

export const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Calls slower than this are timed SLOW_RUNS times instead of RUNS: a median of seconds-long scans needs no more. */
const SLOW_MS = 1000;
export const SLOW_RUNS = 3;

/** The median time in ms of RUNS calls of `run` (SLOW_RUNS for a slow one), after one call to warm caches. */
export async function p50(run: () => Promise<unknown>): Promise<number> {
  const warmStart = performance.now();
  await run();
  const runs = performance.now() - warmStart > SLOW_MS ? SLOW_RUNS : RUNS;
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export interface BenchStores {
  events: number;
  PostgreSQL: BilateralStore;
  SQLite: BilateralStore;
}

async function pairedWithSqlite(events: number, postgres: PostgresStore): Promise<BenchStores> {
  return {
    events,
    PostgreSQL: postgresStore(Promise.resolve(postgres)),
    SQLite: openSqliteStore(syntheticDatabase({ events }).path, { readOnly: true }),
  };
}

/**
 * Calls `measure` with the stores of each size (the given sizes, else 100k and 1M; with
 * `BENCH_DATABASE_URL`, the size that database holds), closing them after.
 */
export async function forEachBenchSize(sizes: number[], measure: (stores: BenchStores) => Promise<void>) {
  const loaded = process.env.BENCH_DATABASE_URL;
  let server: PostgresServer | undefined;
  try {
    const openings = loaded
      ? [
          async () => {
            const postgres = await openPostgresStore(loaded);
            const { rows } = await postgres.db.execute<{ n: number }>(sql`select count(*)::int as n from events`);
            console.log(`PostgreSQL: ${loaded} (already loaded, ${rows[0]!.n} events)`);
            return pairedWithSqlite(rows[0]!.n, postgres);
          },
        ]
      : (sizes.length ? sizes : [100_000, 1_000_000]).map((events) => async () => {
          server ??= await startPostgresServer({ shared_buffers: '512MB', work_mem: '16MB' });
          const copyStart = performance.now();
          const postgres = await openPostgresStore(await server.createDatabase(`bench_${events}`));
          const source = new Database(syntheticDatabase({ events }).path, { readonly: true });
          await copyFromSqlite(source, postgres.db);
          source.close();
          await postgres.db.execute(sql`vacuum analyze`);
          console.log(
            `${events} events copied into PostgreSQL and analyzed in ${((performance.now() - copyStart) / 1000).toFixed(0)} s`,
          );
          return pairedWithSqlite(events, postgres);
        });
    for (const open of openings) {
      const stores = await open();
      try {
        await measure(stores);
      } finally {
        await stores.SQLite.close();
        await stores.PostgreSQL.close();
      }
    }
  } finally {
    await server?.remove();
  }
}

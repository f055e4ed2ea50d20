/**
 * RATE_LIMIT_POINTS_PER_MINUTE kept in PostgreSQL, one budget per client for every API process on
 * the database: the token bucket of the API's in-memory budget (`limits/rate-limit.ts`), refilled
 * continuously, charged by one atomic upsert into the UNLOGGED `rate_budgets` table (the
 * rate-budgets migration says why unlogged). Concurrent charges of one client from many processes
 * queue on its row, so none is lost and none is counted twice. The clock is the server's.
 * A server that takes no writes (a hot standby) cannot keep the budget: the charge then fails with
 * STORAGE_READ_ONLY, and the caller keeps the budget itself (see `PointsBudget`).
 */
import { sql } from 'drizzle-orm';
import type { PointsBudget } from '../interface/bilateral-store.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { toPostgresStorageError } from '../postgres/storage-error.ts';

/** A bucket untouched this long has refilled completely, and its row can go. */
const FULL_AFTER_MS = 60_000;

export function databasePointsBudget(db: PostgresDatabase, pointsPerMinute: number): PointsBudget {
  const perMs = pointsPerMinute / 60_000;
  let sweptAt = Date.now();
  const sweep = () => {
    sweptAt = Date.now();
    db.execute(
      sql`delete from rate_budgets where updated_at < extract(epoch from clock_timestamp()) * 1000 - ${FULL_AFTER_MS}`,
    ).catch(() => {});
  };
  return {
    async spend(client, points) {
      if (Date.now() - sweptAt >= FULL_AFTER_MS) sweep();
      const refilled = sql`least(${pointsPerMinute}::float8, b.points + (excluded.updated_at - b.updated_at) * ${perMs}::float8)`;
      let rows: { points: number; paid: boolean }[];
      try {
        ({ rows } = await db.execute<{ points: number; paid: boolean }>(sql`
          insert into rate_budgets as b (client, points, updated_at, paid)
          values (${client}, case when ${pointsPerMinute}::float8 >= ${points} then ${pointsPerMinute}::float8 - ${points} else ${pointsPerMinute}::float8 end,
            extract(epoch from clock_timestamp()) * 1000, ${pointsPerMinute}::float8 >= ${points})
          on conflict (client) do update set
            points = ${refilled} - case when ${refilled} >= ${points} then ${points} else 0 end,
            updated_at = excluded.updated_at,
            paid = ${refilled} >= ${points}
          returning points, paid`));
      } catch (error) {
        const storage = toPostgresStorageError(error);
        // A standby answers reads: letting its requests through uncharged would serve them unlimited.
        if (storage?.code === 'STORAGE_READ_ONLY') throw storage;
        // The database did not answer: the request goes on and meets the same fault, answered
        // STORAGE_UNAVAILABLE; refusing it RATE_LIMITED instead would tell the client the wrong thing.
        return undefined;
      }
      const { points: left, paid } = rows[0]!;
      if (paid) return undefined;
      return { retryAfter: Math.max(1, Math.ceil((Math.min(points, pointsPerMinute) - left) / perMs / 1000)) };
    },
  };
}

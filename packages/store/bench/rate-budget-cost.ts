// What the shared rate budget costs each request on PostgreSQL: the charge (one upsert into the
// UNLOGGED rate_budgets table) against the cheapest round trip there is (`select 1`), on one
// connection, alternated in rounds so that the machine's load hits both alike; plus the same
// upsert into a logged copy of the table, which is what UNLOGGED saves.
// Run: npx -y pnpm@10 --filter @bilateral/store bench:rate-budget
//   BENCH_ROUNDS (default 5), BENCH_CALLS (calls per round and kind, default 2000).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openPostgresStore } from '../src/postgres/client.ts';
import { startPostgresServer } from '../src/postgres/testing/server.ts';
import { databasePointsBudget } from '../src/postgres-store/rate-budgets.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);

const server = await startPostgresServer();
try {
  const store = await openPostgresStore(await server.createDatabase('bench'), { maxConnections: 1 });
  await store.db.execute(sql`create table logged_rate_budgets (like rate_budgets)`);
  await store.db.execute(sql`alter table logged_rate_budgets add primary key (client)`);
  const budget = databasePointsBudget(store.db, 1e9);
  const kinds: Record<string, (n: number) => Promise<unknown>> = {
    'select 1': () => store.db.execute(sql`select 1`),
    'charge (unlogged upsert)': (n) => budget.spend(`ip:10.0.${n % 50}.1`, 1),
    'same upsert, logged table': (n) =>
      store.db.execute(sql`insert into logged_rate_budgets as b (client, points, updated_at, paid)
        values (${`ip:10.0.${n % 50}.1`}, 1, extract(epoch from clock_timestamp()) * 1000, true)
        on conflict (client) do update set points = b.points - 1, updated_at = excluded.updated_at, paid = true`),
  };
  const totals = new Map<string, number>(Object.keys(kinds).map((name) => [name, 0]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? Object.keys(kinds) : Object.keys(kinds).reverse();
    for (const name of order) {
      const started = performance.now();
      for (let n = 0; n < CALLS; n++) await kinds[name]!(n);
      totals.set(name, totals.get(name)! + performance.now() - started);
    }
  }
  const base = totals.get('select 1')! / (ROUNDS * CALLS);
  for (const [name, total] of totals) {
    const each = total / (ROUNDS * CALLS);
    console.log(
      `${name.padEnd(28)} ${(each * 1000).toFixed(0).padStart(6)} µs per call  (${(each / base).toFixed(2)} × select 1)`,
    );
  }
  await store.close();
} finally {
  await server.remove();
}

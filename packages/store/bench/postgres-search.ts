/**
 * `pnpm --filter @bilateral/store bench:search [events…]`: search on PostgreSQL against SQLite over the
 * same synthetic data (100k and 1M events by default), in one run. The cached SQLite file is copied
 * into a throwaway PostgreSQL server (Debian's, `postgres/testing/server.ts`) and analyzed; then each
 * query runs on both stores through `BilateralStore`, a page of 20 hits, `totalCount` and
 * `rankingLimited` each timed separately, and the p50 of each printed with the machine's load.
 */
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { BilateralStore } from '../src/interface/bilateral-store.ts';
import { openPostgresStore } from '../src/postgres/client.ts';
import { copyFromSqlite } from '../src/postgres/copy-from-sqlite.ts';
import { startPostgresServer } from '../src/postgres/testing/server.ts';
import { postgresStore } from '../src/postgres-store/postgres-store.ts';
import { openSqliteStore } from '../src/sqlite/sqlite-store.ts';
import { syntheticDatabase } from '../src/synthetic/cache.ts';
import { COMMON_WORD } from '../src/synthetic/words.ts';

const RUNS = Number(process.env.RUNS ?? 15);
const QUERIES = [
  COMMON_WORD,
  'pipeline',
  '"gas pipeline"',
  'energ*',
  `${COMMON_WORD} NOT pipeline`,
  'Karachi OR Lahore',
  'Mi-35',
];

const sizes = process.argv.slice(2).map(Number);
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function p50(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function measure(store: BilateralStore, query: string) {
  const page = () => store.search(query, null, { first: 20 });
  const found = await page();
  return {
    page: await p50(page),
    totalCount: await p50(() => found.totalCount()),
    rankingLimited: await p50(() => found.rankingLimited()),
    matches: await found.totalCount(),
  };
}

const server = await startPostgresServer({ shared_buffers: '512MB', work_mem: '16MB' });
try {
  for (const events of sizes.length ? sizes : [100_000, 1_000_000]) {
    const { path } = syntheticDatabase({ events });
    const copyStart = performance.now();
    const postgres = await openPostgresStore(await server.createDatabase(`search_${events}`));
    const source = new Database(path, { readonly: true });
    await copyFromSqlite(source, postgres.db);
    source.close();
    await postgres.db.execute(sql`vacuum analyze`);
    console.log(
      `${events} events copied into PostgreSQL and analyzed in ${((performance.now() - copyStart) / 1000).toFixed(0)} s`,
    );
    const stores = {
      PostgreSQL: postgresStore(Promise.resolve(postgres)),
      SQLite: openSqliteStore(path, { readOnly: true }),
    };
    console.log(
      `\n${events} events, p50 of ${RUNS} runs in ms (load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')})`,
    );
    console.log('| query | matches | PG page | PG totalCount | PG rankingLimited | SQLite page | SQLite totalCount |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const query of QUERIES) {
      const pg = await measure(stores.PostgreSQL, query);
      const lite = await measure(stores.SQLite, query);
      const f = (n: number) => n.toFixed(1);
      console.log(
        `| \`${query}\` | ${lite.matches}${pg.matches === lite.matches ? '' : ` (PG ${pg.matches})`} | ${f(pg.page)} | ${f(pg.totalCount)} | ${f(pg.rankingLimited)} | ${f(lite.page)} | ${f(lite.totalCount)} |`,
      );
    }
    console.log(
      `load average after: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    await stores.SQLite.close();
    await stores.PostgreSQL.close();
  }
} finally {
  await server.remove();
}

/**
 * `pnpm --filter @bilateral/store bench:search [events…]`: search on PostgreSQL against SQLite over the
 * same synthetic data (100k and 1M events by default, or the database `BENCH_DATABASE_URL` names: see
 * `postgres-bench-stores.ts`), in one run. Each query runs on both stores through `BilateralStore`: a
 * page of 20 hits alone, and a page with `totalCount` and `rankingLimited` (a fresh search each run, as
 * a request makes one); the p50 of each is printed with the machine's load, and any count that differs
 * between the two databases is marked.
 */
import type { BilateralStore } from '../src/interface/bilateral-store.ts';
import { COMMON_WORD } from '../src/synthetic/words.ts';
import { forEachBenchSize, loadAverage, p50, RUNS } from './postgres-bench-stores.ts';

const QUERIES = [
  COMMON_WORD,
  'pipeline',
  '"gas pipeline"',
  'energ*',
  `${COMMON_WORD} NOT pipeline`,
  'Karachi OR Lahore',
  'Mi-35',
];

async function measure(store: BilateralStore, query: string) {
  const page = () => store.search(query, null, { first: 20 });
  // A search asked for everything (as the explorer's search does): the page, then both counts.
  const whole = async () => {
    const found = await page();
    return [await found.totalCount(), await found.rankingLimited()] as const;
  };
  const [matches, rankingLimited] = await whole();
  return { page: await p50(page), whole: await p50(whole), matches, rankingLimited };
}

await forEachBenchSize(process.argv.slice(2).map(Number), async (stores) => {
  console.log(`\n${stores.events} events, p50 of ${RUNS} runs in ms (load average ${loadAverage()})`);
  console.log(
    '| query | totalCount | rankingLimited | PG page | PG page + counts | SQLite page | SQLite page + counts |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const query of QUERIES) {
    const pg = await measure(stores.PostgreSQL, query);
    const lite = await measure(stores.SQLite, query);
    const same = pg.matches === lite.matches && pg.rankingLimited === lite.rankingLimited;
    const f = (n: number) => n.toFixed(1);
    console.log(
      `| \`${query}\` | ${lite.matches} | ${lite.rankingLimited}${same ? '' : ` (PG ${pg.matches}, ${pg.rankingLimited})`} | ${f(pg.page)} | ${f(pg.whole)} | ${f(lite.page)} | ${f(lite.whole)} |`,
    );
  }
  console.log(`load average after: ${loadAverage()}`);
});

/**
 * `pnpm --filter @bilateral/store bench:stats [events…]`: `eventStats` on PostgreSQL against SQLite over
 * the same synthetic data (100k and 1M events by default, or the database `BENCH_DATABASE_URL` names:
 * see `postgres-bench-stores.ts`), in one run. Each grouping (YEAR, KIND, ACTOR, and YEAR with KIND as
 * the SDK's EventStats operation asks) runs unfiltered and filtered through `BilateralStore`; the p50
 * of each is printed with the machine's load, and any answer that differs between the two is marked.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EventFilter } from '../src/paging/event-filter.ts';
import type { StatsDimension } from '../src/statistics/buckets.ts';
import { forEachBenchSize, loadAverage, p50, RUNS } from './postgres-bench-stores.ts';

const FILTERS: Record<string, EventFilter | null> = {
  none: null,
  // The SDK's EventStats example: events both countries took part in.
  'actors: pakistan, russia (ALL)': { actors: ['pakistan', 'russia'], actorsMatch: 'all' },
  'actors: russia': { actors: ['russia'] },
  // Whole years are answered from the period totals; a bound inside a year makes every event count.
  'from: 2000': { from: '2000' },
  'from: 2000-06-15': { from: '2000-06-15' },
  'kinds: agreement': { kinds: ['agreement'] },
};
const GROUPINGS: StatsDimension[][] = [['year'], ['kind'], ['actor'], ['year', 'kind']];

await forEachBenchSize(process.argv.slice(2).map(Number), async (stores) => {
  console.log(`\n${stores.events} events, eventStats p50 of ${RUNS} runs in ms (load average ${loadAverage()})`);
  console.log('| filter | groupBy | buckets | totalCount | PostgreSQL | SQLite | PG ÷ SQLite |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, filter] of Object.entries(FILTERS)) {
    for (const dimensions of GROUPINGS) {
      const [pg, lite] = await Promise.all([
        stores.PostgreSQL.eventStats(filter, dimensions),
        stores.SQLite.eventStats(filter, dimensions),
      ]);
      const pgTime = await p50(() => stores.PostgreSQL.eventStats(filter, dimensions));
      const liteTime = await p50(() => stores.SQLite.eventStats(filter, dimensions));
      const same = isDeepStrictEqual(pg, lite) ? '' : ' (PG differs)';
      console.log(
        `| ${name} | ${dimensions.join(', ').toUpperCase()} | ${lite.buckets.length} | ${lite.totalCount}${same} | ${pgTime.toFixed(1)} | ${liteTime.toFixed(1)} | ${(pgTime / liteTime).toFixed(2)} |`,
      );
    }
  }
  console.log(`load average after: ${loadAverage()}`);
});

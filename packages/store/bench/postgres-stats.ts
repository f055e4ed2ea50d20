/**
 * `pnpm --filter @bilateral/store bench:stats [events…]`: `eventStats` on PostgreSQL against SQLite over
 * the same synthetic data (100k and 1M events by default, or the database `BENCH_DATABASE_URL` names:
 * see `postgres-bench-stores.ts`), in one run. Groupings by YEAR, KIND, ACTOR and YEAR with KIND (as the
 * SDK's EventStats operation asks) run unfiltered and filtered through `BilateralStore`; the p50 of each
 * is printed with the machine's load, and any answer that differs between the two is marked.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EventFilter } from '../src/paging/event-filter.ts';
import type { StatsDimension } from '../src/statistics/buckets.ts';
import { forEachBenchSize, loadAverage, p50, RUNS, SLOW_RUNS } from './postgres-bench-stores.ts';

const SDK_EXAMPLE: EventFilter = { actors: ['pakistan', 'russia'], actorsMatch: 'all' };
/** What is asked: a filter's name, the filter, and the groupings asked with it. */
const CASES: [string, EventFilter | null, StatsDimension[][]][] = [
  ['none', null, [['year'], ['kind'], ['actor'], ['year', 'kind']]],
  // Whole years are answered from the period totals; a bound inside a year makes every event count.
  ['from: 2000', { from: '2000' }, [['year'], ['actor']]],
  ['from: 2000-06-15', { from: '2000-06-15' }, [['year']]],
  ['kinds: agreement', { kinds: ['agreement'] }, [['kind'], ['actor']]],
  ['actors: russia', { actors: ['russia'] }, [['year']]],
  // The SDK's EventStats example: events both countries took part in (half the synthetic events).
  ['actors: pakistan, russia (ALL)', SDK_EXAMPLE, [['year', 'kind']]],
];

await forEachBenchSize(process.argv.slice(2).map(Number), async (stores) => {
  console.log(
    `\n${stores.events} events, eventStats p50 of ${RUNS} runs (${SLOW_RUNS} for calls over 1 s) in ms (load average ${loadAverage()})`,
  );
  console.log('| filter | groupBy | buckets | totalCount | PostgreSQL | SQLite | PG ÷ SQLite |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, filter, groupings] of CASES) {
    for (const dimensions of groupings) {
      let pg: unknown;
      let lite: Awaited<ReturnType<typeof stores.SQLite.eventStats>> | undefined;
      const pgTime = await p50(async () => {
        pg = await stores.PostgreSQL.eventStats(filter, dimensions);
      });
      const liteTime = await p50(async () => {
        lite = await stores.SQLite.eventStats(filter, dimensions);
      });
      const same = isDeepStrictEqual(pg, lite) ? '' : ' (PG differs)';
      if (!lite) throw new Error('no answer');
      console.log(
        `| ${name} | ${dimensions.join(', ').toUpperCase()} | ${lite.buckets.length} | ${lite.totalCount}${same} | ${pgTime.toFixed(1)} | ${liteTime.toFixed(1)} | ${(pgTime / liteTime).toFixed(2)} |`,
      );
    }
  }
  console.log(`load average after: ${loadAverage()}`);
});

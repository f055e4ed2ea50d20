/**
 * `pnpm --filter @bilateral/store bench:stats [events…]`: `eventStats` on PostgreSQL against SQLite over
 * the same synthetic data (100k and 1M events by default, or the database `BENCH_DATABASE_URL` names:
 * see `postgres-bench-stores.ts`), in one run. Groupings by YEAR, KIND, ACTOR and YEAR with KIND (as the
 * SDK's EventStats operation asks) and the cooperation index run unfiltered and filtered through
 * `BilateralStore` (`STATS_CASES` picks filters by name); the p50 of each
 * is printed with the machine's load, and any answer that differs between the two is marked.
 */
import { isDeepStrictEqual } from 'node:util';
import type { BilateralStore } from '../src/interface/bilateral-store.ts';
import type { EventFilter } from '../src/paging/event-filter.ts';
import type { StatsDimension } from '../src/statistics/buckets.ts';
import { forEachBenchSize, loadAverage, p50, RUNS, SLOW_RUNS } from './postgres-bench-stores.ts';

const SDK_EXAMPLE: EventFilter = { actors: ['pakistan', 'russia'], actorsMatch: 'all' };
/** A grouping of `eventStats`, or the cooperation index (`cooperationIndex`, grouped by year and kind). */
type Asked = StatsDimension[] | 'cooperationIndex';
/** What is asked: a filter's name, the filter, and the groupings asked with it. */
const CASES: [string, EventFilter | null, Asked[]][] = [
  ['none', null, [['year'], ['kind'], ['actor'], ['year', 'kind']]],
  // Whole years are answered from the period totals; a bound inside a year makes every event count.
  ['from: 2000', { from: '2000' }, [['year'], ['actor'], 'cooperationIndex']],
  ['from: 2000-06-15', { from: '2000-06-15' }, [['year']]],
  ['kinds: agreement', { kinds: ['agreement'] }, [['kind'], ['actor'], 'cooperationIndex']],
  // One sector or one actor (the hub, in about 78% of events) is answered from its own period totals.
  ['sectors: defence', { sectors: ['defence'] }, [['year'], 'cooperationIndex']],
  ['actors: pakistan', { actors: ['pakistan'] }, [['year'], 'cooperationIndex']],
  ['actors: pakistan, from: 2000', { actors: ['pakistan'], from: '2000' }, [['year']]],
  // The same two counted from the events, as every sector and actor filter was before their totals:
  // a bound inside a year that leaves out no event keeps any total from answering.
  ['sectors: defence, to: 9999-12-30', { sectors: ['defence'], to: '9999-12-30' }, [['year']]],
  ['actors: pakistan, to: 9999-12-30', { actors: ['pakistan'], to: '9999-12-30' }, [['year']]],
  ['actors: russia', { actors: ['russia'] }, [['year']]],
  // The SDK's EventStats example: events both countries took part in (half the synthetic events).
  ['actors: pakistan, russia (ALL)', SDK_EXAMPLE, [['year', 'kind']]],
];
/**
 * `STATS_CASES='defence;from: 2000 | YEAR'` runs only the rows whose "filter | groupBy" (as printed)
 * contains one of the `;`-separated texts.
 */
const only = process.env.STATS_CASES?.split(';');
const ask = (store: BilateralStore, filter: EventFilter | null, asked: Asked) =>
  asked === 'cooperationIndex'
    ? store.cooperationIndex(filter).then((years) => ({ buckets: years, totalCount: sumOf(years) }))
    : store.eventStats(filter, asked);
const sumOf = (years: { eventCount: number }[]) => years.reduce((sum, year) => sum + year.eventCount, 0);

await forEachBenchSize(process.argv.slice(2).map(Number), async (stores) => {
  console.log(
    `\n${stores.events} events, eventStats p50 of ${RUNS} runs (${SLOW_RUNS} for calls over 1 s) in ms (load average ${loadAverage()})`,
  );
  console.log('| filter | groupBy | buckets | totalCount | PostgreSQL | SQLite | PG ÷ SQLite |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, filter, groupings] of CASES) {
    for (const asked of groupings) {
      const grouping = asked === 'cooperationIndex' ? 'cooperationIndex (years)' : asked.join(', ').toUpperCase();
      if (only && !only.some((text) => `${name} | ${grouping}`.includes(text))) continue;
      let pg: unknown;
      let lite: Awaited<ReturnType<typeof ask>> | undefined;
      const pgTime = await p50(async () => {
        pg = await ask(stores.PostgreSQL, filter, asked);
      });
      const liteTime = await p50(async () => {
        lite = await ask(stores.SQLite, filter, asked);
      });
      const same = isDeepStrictEqual(pg, lite) ? '' : ' (PG differs)';
      if (!lite) throw new Error('no answer');
      console.log(
        `| ${name} | ${grouping} | ${lite.buckets.length} | ${lite.totalCount}${same} | ${pgTime.toFixed(1)} | ${liteTime.toFixed(1)} | ${(pgTime / liteTime).toFixed(2)} |`,
      );
    }
  }
  console.log(`load average after: ${loadAverage()}`);
});

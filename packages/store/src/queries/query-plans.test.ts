// Every page of events must seek to its cursor in an index that matches its order: no scan from the
// start of the index, no sort. (At a million events a scan made a deep page cost a second.)
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../db/client.ts';
import { openFixtureStore, openSyntheticStore } from '../testing/fixture-store.ts';
import { PLANNED_FILTERS, PLANNED_ORDERS } from '../testing/plan-pages.ts';
import { type EventFilter, type EventOrder, listEvents } from './events.ts';

const statements: string[] = [];
const record = { onStatement: (sql: string) => statements.push(sql) };
const fixture = openFixtureStore(record);
// Long ties on every key, with the statistics ANALYZE writes: without a named index, SQLite read the
// rest of a date tie by scanning the table from the cursor's row ID on.
const analyzed = openSyntheticStore(1000, record);
analyzed.$client.exec('analyze');
afterAll(() => {
  closeStore(fixture);
  closeStore(analyzed);
});

/** The plans of the page statements a call ran (not its lookups of actor slugs), as SQLite logged them (values written in). */
function pagePlansOf(store: Store, run: () => unknown): { sql: string; plan: string }[] {
  statements.length = 0;
  run();
  return statements
    .filter((sql) => /from "events".* order by /.test(sql))
    .map((sql) => {
      const plan = store.$client.prepare(`explain query plan ${sql}`).all() as { detail: string }[];
      return { sql, plan: plan.map((row) => row.detail).join('\n') };
    });
}

const ORDERS = PLANNED_ORDERS;
const FILTERS = PLANNED_FILTERS;

/** The index that must read the rest of a tie: the one that leads with the ordering's first key. */
function tieIndexOf(order: EventOrder[], filter: EventFilter | null): string {
  const leading = order[0]?.field ?? 'date';
  if (leading === 'title') return 'events_title';
  if (leading === 'kind') return 'events_kind_date';
  return filter?.includeArchived ? 'events_date' : 'events_live_date';
}

describe.each([
  ['the fixture', fixture],
  ['an analyzed store with long ties', analyzed],
])('event page plans on %s', (_name, store) => {
  for (const order of ORDERS)
    for (const filter of FILTERS)
      it(`seek the cursor, without a sort, ordered by ${JSON.stringify(order)} and filtered by ${JSON.stringify(filter)}`, () => {
        const cursor = listEvents(store, filter, order, { first: 1 }).cursors[0]!;
        for (const page of [
          { first: 20, after: cursor },
          { last: 20, before: cursor },
        ]) {
          const plans = pagePlansOf(store, () => listEvents(store, filter, order, page));
          expect(plans.length).toBeGreaterThan(0);
          for (const { plan } of plans) {
            expect(plan).toMatch(/SEARCH events USING (COVERING )?INDEX \w+ \(.*[<>]\(?\?/);
            expect(plan).not.toMatch(/TEMP B-TREE|SCAN events/);
          }
          // The rest of the cursor's tie comes first, and its seek includes the ID.
          expect(plans[0]!.sql).toMatch(/indexed by/);
          expect(plans[0]!.plan).toMatch(
            new RegExp(`USING (COVERING )?INDEX ${tieIndexOf(order, filter)} \\(.*=\\? AND (rowid|id)[<>]\\?\\)`),
          );
          expect(plans.slice(1).map(({ sql }) => sql)).not.toContainEqual(expect.stringMatching(/indexed by/));
        }
      });
});

describe('the statements of one page', () => {
  const pageStatements = (page: Parameters<typeof listEvents>[3]) =>
    pagePlansOf(analyzed, () => listEvents(analyzed, null, [], page)).map(({ sql }) => ({
      named: /indexed by/.test(sql),
      limit: Number(/limit ([\d.]+)$/.exec(sql)![1]),
    }));
  // Ties of 200 events each: the generated dates repeat every five events.
  const first = listEvents(analyzed, null, [], { first: 100 });
  const next = listEvents(analyzed, null, [], { first: 100, after: first.cursors.at(-1) });
  const second = listEvents(analyzed, null, [], { first: 100, after: next.cursors.at(-1) });
  const all = {
    rows: [...first.rows, ...next.rows, ...second.rows],
    cursors: [...first.cursors, ...next.cursors, ...second.cursors],
  };

  it('are one, with no named index, without a cursor', () => {
    expect(pageStatements({ first: 20 })).toEqual([{ named: false, limit: 21 }]);
  });

  it('are one when the rest of the tie fills the page', () => {
    expect(pageStatements({ first: 20, after: all.cursors[0] })).toEqual([{ named: true, limit: 21 }]);
  });

  it('ask the rows beyond the tie only for what the tie left short', () => {
    const lastOfTie = all.rows.findIndex(
      (row, index) => index + 1 < all.rows.length && all.rows[index + 1]!.dateLatest !== row.dateLatest,
    );
    expect(lastOfTie).toBeGreaterThan(5);
    const cursor = all.cursors[lastOfTie - 5]!;
    expect(pageStatements({ first: 20, after: cursor })).toEqual([
      { named: true, limit: 21 },
      { named: false, limit: 16 },
    ]);
  });
});

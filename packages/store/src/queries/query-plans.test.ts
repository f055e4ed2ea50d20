// Every page of events must seek to its cursor in an index that matches its order: no scan from the
// start of the index, no sort. (At a million events a scan made a deep page cost a second.)
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore } from '../db/client.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { type EventFilter, type EventOrder, listEvents } from './events.ts';

const statements: string[] = [];
const store = openFixtureStore({ onStatement: (sql) => statements.push(sql) });
afterAll(() => closeStore(store));

/** The plan of the last statement a call ran, with every parameter bound to null. */
function planOf(run: () => unknown): string[] {
  statements.length = 0;
  run();
  const sql = statements.at(-1)!;
  const parameters = (sql.match(/\?/g) ?? []).map(() => null);
  return (store.$client.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

const ORDERS: EventOrder[][] = [
  [],
  [{ field: 'date', direction: 'desc' }],
  [{ field: 'title', direction: 'asc' }],
  [{ field: 'title', direction: 'desc' }],
  [{ field: 'kind', direction: 'asc' }],
  [{ field: 'kind', direction: 'desc' }],
];
const FILTERS: (EventFilter | null)[] = [null, { actors: ['pakistan'], from: '2000' }, { from: '2010', to: '2020' }];

describe('event page plans', () => {
  for (const order of ORDERS)
    for (const filter of FILTERS)
      it(`seeks the cursor, without a sort, ordered by ${JSON.stringify(order)} and filtered by ${JSON.stringify(filter)}`, () => {
        const cursor = listEvents(store, filter, order, { first: 1 }).cursors[0]!;
        for (const page of [
          { first: 20, after: cursor },
          { last: 20, before: cursor },
        ]) {
          const plan = planOf(() => listEvents(store, filter, order, page)).join('\n');
          expect(plan).toMatch(/SEARCH events USING (COVERING )?INDEX \w+ \(.*[<>]\(?\?/);
          expect(plan).not.toMatch(/TEMP B-TREE|SCAN events/);
        }
      });
});

// Every page of events must seek to its cursor in an index that matches its order: no scan from the
// start of the index, no sort. (At a million events a scan made a deep page cost a second.)
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, type OpenStoreOptions, openStore, type Store } from '../db/client.ts';
import { fillSynthetic } from '../synthetic/generate.ts';
import { openFixtureStore } from '../testing/fixture-store.ts';
import { type EventFilter, type EventOrder, listEvents } from './events.ts';
import { type CitationSubject, citationsBySubjectIds, participantsByEventIds } from './related.ts';

/** A store that records its statements, and the plan of the last statement a call ran on it. */
function planned(open: (options: OpenStoreOptions) => Store) {
  const statements: string[] = [];
  const store = open({ onStatement: (sql) => statements.push(sql) });
  afterAll(() => closeStore(store));
  /** The plan of the last statement `run` ran, with every parameter bound to null. */
  const planOf = (run: (store: Store) => unknown): string[] => {
    statements.length = 0;
    run(store);
    const sql = statements.at(-1)!;
    const parameters = (sql.match(/\?/g) ?? []).map(() => null);
    return (store.$client.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[]).map(
      (row) => row.detail,
    );
  };
  return { store, planOf };
}

const { store, planOf } = planned(openFixtureStore);

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

describe('related rows read together', () => {
  // With ANALYZE statistics, as the benchmark's databases have, SQLite left to order a join itself walked
  // every source and all its citations: no synthetic citation has an actor, office or figure, so those
  // columns' indexes look useless.
  const analyzed = planned((options) => {
    const store = openStore(':memory:', options);
    fillSynthetic(store, { events: 1000 });
    store.$client.exec('analyze');
    return store;
  });
  const ids = [1, 2, 3];

  it("finds an event's participants by index and each one's actor by primary key", () => {
    const plan = analyzed.planOf((store) => participantsByEventIds(store, ids)).join('\n');
    expect(plan).toMatch(/SEARCH event_participants USING INDEX \w+ \(event_id=\?\)/);
    expect(plan).toMatch(/SEARCH actors USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN (event_participants|actors)/);
  });

  it("finds an event's citations by index and each one's source by primary key", () => {
    const plan = analyzed.planOf((store) => citationsBySubjectIds(store, 'eventId', ids)).join('\n');
    expect(plan).toMatch(/SEARCH citations USING INDEX citations_event \(event_id=\?\)/);
    expect(plan).toMatch(/SEARCH sources USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN (citations|sources)/);
  });

  for (const subject of ['actorId', 'officeId', 'claimId', 'figureId'] as CitationSubject[])
    it(`reads the source of each citation by ${subject} by primary key, never every source`, () => {
      const plan = analyzed.planOf((store) => citationsBySubjectIds(store, subject, ids)).join('\n');
      expect(plan).toMatch(/SEARCH sources USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(/SCAN sources/);
    });
});

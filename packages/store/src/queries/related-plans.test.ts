// The lookups that join a row to each parent's rows (a participant's actor, a citation's source) must
// find the rows through the batch's index and each joined row by its primary key, whatever the
// statistics say. With ANALYZE statistics, as the benchmark's databases have, SQLite left to order
// such a join itself walked every source and all its citations; and no synthetic citation has an actor,
// office or figure, so those columns' indexes looked useless and every citation was scanned.
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../db/client.ts';
import { fillSynthetic } from '../synthetic/generate.ts';
import { type CitationSubject, citationsBySubjectIds, participantsByEventIds } from './related.ts';

const statements: string[] = [];
const store = openStore(':memory:', { onStatement: (sql) => statements.push(sql) });
fillSynthetic(store, { events: 1000 });
store.$client.exec('analyze');
afterAll(() => closeStore(store));

/** The plan of the last statement a call ran, as SQLite logged it (values written in). */
function planOf(run: (store: Store) => unknown): string {
  statements.length = 0;
  run(store);
  const plan = store.$client.prepare(`explain query plan ${statements.at(-1)!}`).all() as { detail: string }[];
  return plan.map((row) => row.detail).join('\n');
}

const ids = [1, 2, 3];

describe('plans of the joined lookups on an analyzed store', () => {
  it("find an event's participants by index and each one's actor by primary key", () => {
    const plan = planOf((store) => participantsByEventIds(store, ids));
    expect(plan).toMatch(/SEARCH event_participants USING INDEX \w+ \(event_id=\?\)/);
    expect(plan).toMatch(/SEARCH actors USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN (event_participants|actors)/);
  });

  it("find an event's citations by index and each one's source by primary key", () => {
    const plan = planOf((store) => citationsBySubjectIds(store, 'eventId', ids));
    expect(plan).toMatch(/SEARCH citations USING INDEX citations_event \(event_id=\?\)/);
    expect(plan).toMatch(/SEARCH sources USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN (citations|sources)/);
  });

  for (const [subject, column] of [
    ['actorId', 'actor_id'],
    ['officeId', 'office_id'],
    ['claimId', 'claim_id'],
    ['figureId', 'figure_id'],
  ] as [CitationSubject, string][])
    it(`find the citations by ${subject} through its index, and each one's source by primary key`, () => {
      const plan = planOf((store) => citationsBySubjectIds(store, subject, ids));
      expect(plan).toMatch(new RegExp(`SEARCH citations USING INDEX citations_\\w+ \\(${column}=\\?\\)`));
      expect(plan).toMatch(/SEARCH sources USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(/SCAN (citations|sources)/);
    });
});

// A batch of one key runs its own statement (`column = ?`, for point lookups); it must answer what the
// batch statement (`IN json_each`) answers, through the same index.
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../db/client.ts';
import { fillSynthetic } from '../synthetic/generate.ts';
import { eventsByIds } from './events.ts';
import { citationsBySubjectIds, participantsByEventIds } from './related.ts';

const statements: string[] = [];
const store = openStore(':memory:', { onStatement: (sql) => statements.push(sql) });
fillSynthetic(store, { events: 200 });
store.$client.exec('analyze');
afterAll(() => closeStore(store));

const lastPlan = () =>
  (store.$client.prepare(`explain query plan ${statements.at(-1)!}`).all() as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');

describe('batched lookups of one key', () => {
  it('answer the rows a batch answers for that key', () => {
    for (const id of [1, 57, 200]) {
      expect(eventsByIds(store, [id])).toEqual(eventsByIds(store, [id, 100_000]));
      expect(participantsByEventIds(store, [id])).toEqual(participantsByEventIds(store, [id, 100_000]));
      expect(citationsBySubjectIds(store, 'eventId', [id])).toEqual(
        citationsBySubjectIds(store, 'eventId', [id, 100_000]),
      );
    }
    expect(eventsByIds(store, [100_000])).toEqual([]);
  });

  it('compare the key directly, through the primary key or the batch column index', () => {
    statements.length = 0;
    eventsByIds(store, [5]);
    expect(statements.at(-1)).not.toMatch(/json_each/);
    expect(lastPlan()).toMatch(/SEARCH events USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    citationsBySubjectIds(store, 'eventId', [5]);
    expect(statements.at(-1)).not.toMatch(/json_each/);
    expect(lastPlan()).toMatch(/SEARCH citations USING INDEX citations_event \(event_id=\?\)/);
    eventsByIds(store, [5, 6]);
    expect(statements.at(-1)).toMatch(/json_each/);
  });
});

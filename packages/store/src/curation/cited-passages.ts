/** The indexed passages of events on SQLite: the plan of `plans/cited-passages.ts` in one IMMEDIATE transaction. */
import type { Store } from '../db/client.ts';
import { guardStorage } from '../db/storage-error.ts';
import { indexCitedPassages as indexPlan } from '../plans/cited-passages.ts';
import { runPlan } from '../plans/run.ts';
import { SqliteStatements } from '../records/sqlite-statements.ts';

export function indexCitedPassages(store: Store, dir: string | undefined, eventIds?: number[]): number {
  return guardStorage(store, () =>
    store.transaction((tx) => runPlan(indexPlan(dir, eventIds), new SqliteStatements(tx)), { behavior: 'immediate' }),
  );
}

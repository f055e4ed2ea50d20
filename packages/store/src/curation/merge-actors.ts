/**
 * Merges one actor into another on SQLite: the plan of `plans/merge-actors.ts` (every referring
 * record rewritten and revised, names, offices and citations moved, the merged row removed and its
 * slug remembered) run in a single IMMEDIATE transaction.
 */
import type { Store } from '../db/client.ts';
import { guardStorage } from '../db/storage-error.ts';
import { type MergedActors, type MergeRequest, mergeActors as mergePlan } from '../plans/merge-actors.ts';
import { runPlan } from '../plans/run.ts';
import type { Editor } from '../plans/save-record.ts';
import { SqliteStatements } from '../records/sqlite-statements.ts';

export type { MergedActors, MergeRequest } from '../plans/merge-actors.ts';

export function mergeActors(store: Store, request: MergeRequest, editor: Editor): MergedActors {
  return guardStorage(store, () =>
    store.transaction((tx) => runPlan(mergePlan(request, editor), new SqliteStatements(tx)), {
      behavior: 'immediate',
    }),
  );
}

/**
 * The API's one write path on SQLite: the plan of `plans/save-record.ts` (read, change, validate,
 * write, bump the version, append a revision) run in a single IMMEDIATE transaction, so any failure
 * rolls all of it back and a rejected write changes nothing; with `passages`, the indexed passages of
 * the events it changed are written in the same transaction (`plans/cited-passages.ts`).
 */
import type { Store } from '../db/client.ts';
import { guardStorage } from '../db/storage-error.ts';
import { type IndexedPassages, saveIndexingPassages } from '../plans/cited-passages.ts';
import { runPlan } from '../plans/run.ts';
import type { Editor, SavedRecord, SaveRequest } from '../plans/save-record.ts';
import { SqliteStatements } from '../records/sqlite-statements.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';

export type { Editor, Idempotency, SavedRecord, SaveRequest, Written } from '../plans/save-record.ts';
export { MAX_IDEMPOTENCY_KEY_LENGTH } from '../seed/write-rules.ts';

export function saveRecord<T extends EntityType>(
  store: Store,
  type: T,
  request: SaveRequest<T>,
  editor: Editor,
  passages?: IndexedPassages,
): SavedRecord {
  return guardStorage(store, () =>
    store.transaction(
      (tx) => runPlan(saveIndexingPassages(type, request, editor, passages), new SqliteStatements(tx)),
      {
        behavior: 'immediate',
      },
    ),
  );
}

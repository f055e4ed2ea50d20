/**
 * `saveRecord` on PostgreSQL: the plan of `plans/save-record.ts`, the same decisions and user errors
 * as on SQLite, run in one transaction (the record's row locked `FOR UPDATE` from the version check
 * to the write, `statements.ts`). A transaction PostgreSQL rolls back for a deadlock or a
 * serialization failure is run again, a bounded number of times, then reported BUSY.
 */
import type { Editor, SavedRecord, SaveRequest } from '../curation/save-record.ts';
import { causes } from '../errors/storage-error.ts';
import {
  type IndexedPassages,
  indexCitedPassages as indexPlan,
  saveIndexingPassages,
} from '../plans/cited-passages.ts';
import { runPlanAsync } from '../plans/run.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { PostgresStatements } from './statements.ts';

/** How many times a write is tried when PostgreSQL rolls it back for a conflict with another writer. */
export const WRITE_ATTEMPTS = 3;

/** Deadlock detected, serialization failure: PostgreSQL rolled the transaction back and it may simply be run again. */
const CONFLICTS = new Set(['40001', '40P01']);
const isConflict = (error: unknown) =>
  [...causes(error)].some((cause) => CONFLICTS.has((cause as { code?: unknown }).code as string));

/** Runs `write` in a transaction, again when PostgreSQL rolls it back for a conflict, at most WRITE_ATTEMPTS times. */
export async function inWriteTransaction<T>(db: PostgresDatabase, write: (tx: PostgresDatabase) => Promise<T>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(write);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isConflict(error)) throw error;
    }
  }
}

export function saveRecord<T extends EntityType>(
  db: PostgresDatabase,
  type: T,
  request: SaveRequest<T>,
  editor: Editor,
  passages?: IndexedPassages,
): Promise<SavedRecord> {
  return inWriteTransaction(db, (tx) =>
    runPlanAsync(saveIndexingPassages(type, request, editor, passages), new PostgresStatements(tx)),
  );
}

/** The indexed passages of events on PostgreSQL: the plan of `plans/cited-passages.ts` in one transaction. */
export function indexCitedPassages(
  db: PostgresDatabase,
  dir: string | undefined,
  eventIds?: number[],
): Promise<number> {
  return inWriteTransaction(db, (tx) => runPlanAsync(indexPlan(dir, eventIds), new PostgresStatements(tx)));
}

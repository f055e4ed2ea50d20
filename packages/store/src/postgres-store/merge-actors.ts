/**
 * `mergeActors` on PostgreSQL: the plan of `plans/merge-actors.ts`, as on SQLite, in one
 * transaction (both actors' rows locked), run again when PostgreSQL rolls it back for a conflict.
 */
import type { Editor } from '../curation/save-record.ts';
import { type MergedActors, type MergeRequest, mergeActors as mergePlan } from '../plans/merge-actors.ts';
import { runPlanAsync } from '../plans/run.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { inWriteTransaction } from './save-record.ts';
import { PostgresStatements } from './statements.ts';

export function mergeActors(db: PostgresDatabase, request: MergeRequest, editor: Editor): Promise<MergedActors> {
  return inWriteTransaction(db, (tx) => runPlanAsync(mergePlan(request, editor), new PostgresStatements(tx)));
}

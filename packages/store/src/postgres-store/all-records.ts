/**
 * Every record in seed format on PostgreSQL (`BilateralStore.readAllRecords`, what `export-seeds`
 * writes back to the files): the plan SQLite runs (`plans/read-records.ts`), in one read-only
 * REPEATABLE READ transaction so its dozen statements see one snapshot while writers carry on.
 */
import { type AllRecords, readAllRecords as readAllPlan } from '../plans/read-records.ts';
import { runPlanAsync } from '../plans/run.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { PostgresStatements } from './statements.ts';

export const readAllRecords = (db: PostgresDatabase): Promise<AllRecords> =>
  db.transaction((tx) => runPlanAsync(readAllPlan(), new PostgresStatements(tx)), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });

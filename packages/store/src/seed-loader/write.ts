/**
 * Writes a validated dataset on SQLite: the plan of `plans/seed-load.ts` (records matched by their
 * seed slug, unchanged ones left alone, dropped ones removed only by the rules of
 * `plans/seed-removal.ts`) run in one synchronous transaction.
 */
import type { Store } from '../db/client.ts';
import { runPlan } from '../plans/run.ts';
import { type SeedReport, writeSeeds as writeSeedsPlan } from '../plans/seed-load.ts';
import { SqliteStatements } from '../records/sqlite-statements.ts';
import type { SeedDataset } from '../seed/validate.ts';

export type { SeedReport } from '../plans/seed-load.ts';

export function writeSeeds(store: Store, dataset: SeedDataset): SeedReport {
  return store.transaction((tx) => runPlan(writeSeedsPlan(dataset), new SqliteStatements(tx)));
}

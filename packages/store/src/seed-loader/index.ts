import { sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { revisions, seedLoads } from '../db/schema.ts';
import { SKIPPED } from '../plans/seed-load.ts';
import { hashSeedFiles } from '../seed/files-hash.ts';
import { SeedValidationError } from '../seed/problems.ts';
import { validateSeeds } from '../seed/validate.ts';
import { type SeedReport, writeSeeds } from './write.ts';

const newestRevision = (store: Store) =>
  store
    .select({ id: sql<number | null>`max(${revisions.id})` })
    .from(revisions)
    .get()?.id ?? 0;

/**
 * Validates every file under `seedsDir`, then writes them in one transaction. Throws
 * SeedValidationError (listing every problem with file, record and field) before writing
 * anything if a single record is invalid. When neither the files nor the database (no revision
 * since) changed after the last load, the load is skipped (`skipped: true`): it could change
 * nothing, and reading and comparing every record is most of a start-up.
 */
export function loadSeeds(store: Store, seedsDir: string): SeedReport {
  const filesHash = hashSeedFiles(seedsDir);
  const last = store.select().from(seedLoads).get();
  if (last?.filesHash === filesHash && last.revisionId === newestRevision(store)) return { ...SKIPPED };
  const { dataset, problems } = validateSeeds(seedsDir);
  if (problems.length > 0) throw new SeedValidationError(problems);
  const report = writeSeeds(store, dataset);
  const loaded = { filesHash, revisionId: newestRevision(store), loadedAt: new Date().toISOString() };
  store
    .insert(seedLoads)
    .values({ id: 1, ...loaded })
    .onConflictDoUpdate({ target: seedLoads.id, set: loaded })
    .run();
  return report;
}

export type { SeedReport } from './write.ts';

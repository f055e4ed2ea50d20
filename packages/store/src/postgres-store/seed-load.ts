/**
 * The seed files loaded into PostgreSQL: the same validation as SQLite's loader (`seed-loader/`),
 * then the plan both databases share (`plans/seed-load.ts`: records matched by the slug they have in
 * the files, unchanged records left alone, dropped ones removed only when nothing else holds on to
 * them). One transaction under an advisory lock: processes that start at once
 * load once, the others wait and then find the load done.
 */
import { sql } from 'drizzle-orm';
import { runPlanAsync } from '../plans/run.ts';
import { type SeedReport, SKIPPED, writeSeeds } from '../plans/seed-load.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { revisions, seedLoads } from '../postgres/schema.ts';
import { hashSeedFiles } from '../seed/files-hash.ts';
import { SeedValidationError } from '../seed/problems.ts';
import { validateSeeds } from '../seed/validate.ts';
import { PostgresStatements } from './statements.ts';

/** The advisory lock a seed load holds for its transaction; an arbitrary constant of our own ("seedload"). */
export const SEED_LOAD_LOCK_KEY = 0x7365_6564_6c6f_6164n;

const newestRevision = async (tx: PostgresDatabase) => {
  const [row] = await tx.select({ id: sql<number | null>`max(${revisions.id})`.mapWith(Number) }).from(revisions);
  return row?.id ?? 0;
};

/** `loadSeeds` of `seed-loader/index.ts` on PostgreSQL: validates, then writes in one transaction, or skips an unchanged load. */
export async function loadSeeds(db: PostgresDatabase, seedsDir: string): Promise<SeedReport> {
  const filesHash = hashSeedFiles(seedsDir);
  const unchangedSince = async (tx: PostgresDatabase) => {
    const [last] = await tx.select().from(seedLoads);
    return last?.filesHash === filesHash && last.revisionId === (await newestRevision(tx));
  };
  if (await unchangedSince(db)) return SKIPPED;
  const { dataset, problems } = validateSeeds(seedsDir);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOAD_LOCK_KEY.toString()}::bigint)`);
    // Another process may have loaded these files while this one waited for the lock.
    if (await unchangedSince(tx)) return SKIPPED;
    const report = await runPlanAsync(writeSeeds(dataset), new PostgresStatements(tx));
    const loaded = { filesHash, revisionId: await newestRevision(tx), loadedAt: new Date().toISOString() };
    await tx
      .insert(seedLoads)
      .values({ id: 1, ...loaded })
      .onConflictDoUpdate({ target: seedLoads.id, set: loaded });
    return report;
  });
}

/**
 * The seed files loaded into PostgreSQL with the SQLite loader's rules (`seed-loader/`): the same
 * validation, the same rows, revisions and seed hashes, records matched by the slug they have in
 * the files, unchanged records left alone, dropped ones removed only when nothing else holds on to
 * them (`seed-removal.ts`). One transaction under an advisory lock: processes that start at once
 * load once, the others wait and then find the load done.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actorMerges, revisions, seedLoads } from '../postgres/schema.ts';
import { hashSeedFiles } from '../seed/files-hash.ts';
import { SeedValidationError } from '../seed/problems.ts';
import type { SlugResolver } from '../seed/record-columns.ts';
import { jsonHash, sameRecord } from '../seed/record-hash.ts';
import { type SeedDataset, validateSeeds } from '../seed/validate.ts';
import type { SeedReport } from '../seed-loader/write.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import {
  clearActorChildren,
  insertRecordRow,
  markRecordRow,
  RECORD_TABLES,
  type RecordOf,
  updateRecordRow,
  writeActorChildren,
  writeEventChildren,
  writeEventLinks,
  writeFigureChildren,
} from './record-writes.ts';
import { appendRevision } from './revision-writes.ts';
import { readRecord } from './seed-format-reads.ts';
import { type HashesInFiles, removalPlan } from './seed-removal.ts';

/** The advisory lock a seed load holds for its transaction; an arbitrary constant of our own ("seedload"). */
export const SEED_LOAD_LOCK_KEY = 0x7365_6564_6c6f_6164n;

const newestRevision = async (tx: PostgresDatabase) => {
  const [row] = await tx.select({ id: sql<number | null>`max(${revisions.id})`.mapWith(Number) }).from(revisions);
  return row?.id ?? 0;
};

const SKIPPED: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0, skipped: true };

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
    const report = await writeSeeds(tx, dataset);
    const loaded = { filesHash, revisionId: await newestRevision(tx), loadedAt: new Date().toISOString() };
    await tx
      .insert(seedLoads)
      .values({ id: 1, ...loaded })
      .onConflictDoUpdate({ target: seedLoads.id, set: loaded });
    return report;
  });
}

/** `writeSeeds` of `seed-loader/write.ts`, inside the load's transaction. */
async function writeSeeds(tx: PostgresDatabase, dataset: SeedDataset): Promise<SeedReport> {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0 };
  const inFiles: HashesInFiles = {
    source: new Map(dataset.sources.map(({ record }) => [record.slug, jsonHash(record)])),
    actor: new Map(dataset.actors.map(({ record }) => [record.slug, jsonHash(record)])),
    event: new Map(dataset.events.map(({ record }) => [record.slug, jsonHash(record)])),
    figure: new Map(dataset.figures.map(({ record }) => [record.slug, jsonHash(record)])),
  };
  const revise = (type: EntityType, id: number, slug: string, version: number, before: unknown, after: unknown) =>
    appendRevision(tx, {
      entityType: type,
      entityId: id,
      entitySlug: slug,
      version,
      operation: 'seed',
      keyId: null,
      before,
      after,
    });
  const findSeeded = async (type: EntityType, slug: string) => {
    const table = RECORD_TABLES[type];
    const columns = { id: table.id, seedHash: table.seedHash, seedSlug: table.seedSlug, version: table.version };
    const [bySeedSlug] = await tx.select(columns).from(table).where(eq(table.seedSlug, slug));
    if (bySeedSlug) return bySeedSlug;
    const [bySlug] = await tx.select(columns).from(table).where(eq(table.slug, slug));
    return bySlug;
  };
  const upsert = async <T extends EntityType>(type: T, record: RecordOf[T]) => {
    const { slug } = record;
    const seedHash = inFiles[type].get(slug)!;
    const existing = await findSeeded(type, slug);
    if (!existing) {
      const id = await insertRecordRow(tx, type, record, { seedHash, seedSlug: slug });
      await revise(type, id, slug, 1, null, record);
      report.created++;
      return { id, changed: true };
    }
    if (existing.seedHash === seedHash && existing.seedSlug === slug) {
      report.unchanged++;
      return { id: existing.id, changed: false };
    }
    const before = await readRecord(tx, type, existing.id);
    if (sameRecord(before, record)) {
      // The files caught up with the database (export-seeds after an API edit): remember that, write nothing else.
      await markRecordRow(tx, type, existing.id, { seedHash, seedSlug: slug });
      report.unchanged++;
      return { id: existing.id, changed: false };
    }
    await updateRecordRow(tx, type, existing.id, record, { seedHash, seedSlug: slug, version: existing.version + 1 });
    await revise(type, existing.id, slug, existing.version + 1, before, record);
    report.updated++;
    return { id: existing.id, changed: true };
  };
  const removeMissing = async (type: EntityType) => {
    const table = RECORD_TABLES[type];
    const { remove, keep } = await removalPlan(tx, type, inFiles);
    for (const row of remove)
      await revise(type, row.id, row.slug, row.version + 1, await readRecord(tx, type, row.id), null);
    if (remove.length)
      await tx.delete(table).where(
        inArray(
          table.id,
          remove.map((row) => row.id),
        ),
      );
    report.removed += remove.length;
    report.kept += keep.length;
  };

  for (const type of ['event', 'figure', 'actor', 'source'] as const) await removeMissing(type);

  const ids = { actor: new Map<string, number>(), source: new Map<string, number>(), event: new Map<string, number>() };
  const resolver: SlugResolver = {
    actor: (slug) => ids.actor.get(slug)!,
    source: (slug) => ids.source.get(slug)!,
    event: (slug) => ids.event.get(slug)!,
  };

  for (const { record } of dataset.sources) ids.source.set(record.slug, (await upsert('source', record)).id);

  const mergedInto = new Map((await tx.select().from(actorMerges)).map((merge) => [merge.fromSlug, merge.intoActorId]));
  const changedActors: { id: number; record: RecordOf['actor'] }[] = [];
  for (const { record } of dataset.actors) {
    const into = mergedInto.get(record.slug);
    if (into !== undefined && !(await findSeeded('actor', record.slug))) {
      ids.actor.set(record.slug, into);
      report.mergedAway++;
      continue;
    }
    const { id, changed } = await upsert('actor', record);
    ids.actor.set(record.slug, id);
    if (changed) changedActors.push({ id, record });
  }
  await clearActorChildren(
    tx,
    changedActors.map(({ id }) => id),
  );
  for (const { id, record } of changedActors) await writeActorChildren(tx, resolver, id, record);

  const changedEvents: { id: number; record: RecordOf['event'] }[] = [];
  for (const { record } of dataset.events) {
    const { id, changed } = await upsert('event', record);
    ids.event.set(record.slug, id);
    if (changed) changedEvents.push({ id, record });
  }
  for (const { id, record } of changedEvents) await writeEventChildren(tx, resolver, id, record);
  for (const { id, record } of changedEvents) await writeEventLinks(tx, resolver, id, record);

  for (const { record } of dataset.figures) {
    const { id, changed } = await upsert('figure', record);
    if (changed) await writeFigureChildren(tx, resolver, id, record);
  }
  return report;
}

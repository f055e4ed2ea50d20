/**
 * Writes a validated dataset, on either database, in the caller's one transaction. Records are
 * matched by the slug they have in the files (kept as seed_slug, so a rename through the API
 * survives), and IDs survive reloads. A record whose seed content is unchanged (same hash) is not
 * touched at all, which makes loading twice a no-op and leaves edits made through the API alone
 * until the seed record itself changes. Which records that left the files are deleted is
 * seed-removal.ts's decision; records created through the API (no seed hash) never are.
 */
import type { SlugResolver } from '../seed/record-columns.ts';
import { jsonHash, sameRecord } from '../seed/record-hash.ts';
import type { SeedDataset } from '../seed/validate.ts';
import type { RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { readRecord } from './read-records.ts';
import { db, type Plan } from './run.ts';
import { type HashesInFiles, removalPlan } from './seed-removal.ts';
import {
  clearActorChildren,
  writeActorChildren,
  writeEventChildren,
  writeEventLinks,
  writeFigureChildren,
} from './write-rows.ts';

export interface SeedReport {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Records left out because they were merged into another actor through the API (see actor_merges). */
  mergedAway: number;
  /** Records no longer in the files but kept: edited through the API since they were loaded, or still referred to by a record the files do not hold. */
  kept: number;
  /** True when the load was skipped: the files and the database were as the last load left them. */
  skipped?: boolean;
}

export const SKIPPED: SeedReport = {
  created: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  mergedAway: 0,
  kept: 0,
  skipped: true,
};

export function* writeSeeds(dataset: SeedDataset): Plan<SeedReport> {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0 };
  const inFiles: HashesInFiles = {
    source: new Map(dataset.sources.map(({ record }) => [record.slug, jsonHash(record)])),
    actor: new Map(dataset.actors.map(({ record }) => [record.slug, jsonHash(record)])),
    event: new Map(dataset.events.map(({ record }) => [record.slug, jsonHash(record)])),
    figure: new Map(dataset.figures.map(({ record }) => [record.slug, jsonHash(record)])),
  };
  // Every change the loader makes is a revision like any API write, so history and the change feed miss nothing.
  const revise = (type: EntityType, id: number, slug: string, version: number, before: unknown, after: unknown) =>
    db.appendRevision({
      entityType: type,
      entityId: id,
      entitySlug: slug,
      version,
      operation: 'seed',
      keyId: null,
      before,
      after,
    });
  // A record is found by the slug it has in the files, even after the API renamed it; failing that, by its slug.
  function* findSeeded(type: EntityType, slug: string) {
    return (yield* db.recordBySeedSlug(type, slug)) ?? (yield* db.recordBySlug(type, slug));
  }
  function* upsert<T extends EntityType>(type: T, record: RecordOf[T]): Plan<{ id: number; changed: boolean }> {
    const { slug } = record;
    const seedHash = inFiles[type].get(slug)!;
    const existing = yield* findSeeded(type, slug);
    if (!existing) {
      const id = yield* db.insertRecordRow(type, record, { seedHash, seedSlug: slug });
      yield* revise(type, id, slug, 1, null, record);
      report.created++;
      return { id, changed: true };
    }
    if (existing.seedHash === seedHash && existing.seedSlug === slug) {
      report.unchanged++;
      return { id: existing.id, changed: false };
    }
    const before = yield* readRecord(type, existing.id);
    if (sameRecord(before, record)) {
      // The files caught up with the database (export-seeds after an API edit): remember that, write nothing else.
      yield* db.markRecordRow(type, existing.id, { seedHash, seedSlug: slug });
      report.unchanged++;
      return { id: existing.id, changed: false };
    }
    yield* db.updateRecordRow(type, existing.id, record, { seedHash, seedSlug: slug, version: existing.version + 1 });
    yield* revise(type, existing.id, slug, existing.version + 1, before, record);
    report.updated++;
    return { id: existing.id, changed: true };
  }
  function* removeMissing(type: EntityType) {
    const { remove, keep } = yield* removalPlan(type, inFiles);
    for (const row of remove)
      yield* revise(type, row.id, row.slug, row.version + 1, yield* readRecord(type, row.id), null);
    if (remove.length)
      yield* db.deleteRecordRows(
        type,
        remove.map((row) => row.id),
      );
    report.removed += remove.length;
    report.kept += keep.length;
  }

  for (const type of ['event', 'figure', 'actor', 'source'] as const) yield* removeMissing(type);

  const ids = { actor: new Map<string, number>(), source: new Map<string, number>(), event: new Map<string, number>() };
  const resolver: SlugResolver = {
    actor: (slug) => ids.actor.get(slug)!,
    source: (slug) => ids.source.get(slug)!,
    event: (slug) => ids.event.get(slug)!,
  };

  for (const { record } of dataset.sources) ids.source.set(record.slug, (yield* upsert('source', record)).id);

  const mergedInto = yield* db.mergedActors();
  const changedActors: { id: number; record: RecordOf['actor'] }[] = [];
  for (const { record } of dataset.actors) {
    const into = mergedInto.get(record.slug);
    if (into !== undefined && !(yield* findSeeded('actor', record.slug))) {
      ids.actor.set(record.slug, into);
      report.mergedAway++;
      continue;
    }
    const { id, changed } = yield* upsert('actor', record);
    ids.actor.set(record.slug, id);
    if (changed) changedActors.push({ id, record });
  }
  yield* clearActorChildren(changedActors.map(({ id }) => id));
  for (const { id, record } of changedActors) yield* writeActorChildren(resolver, id, record);

  const changedEvents: { id: number; record: RecordOf['event'] }[] = [];
  for (const { record } of dataset.events) {
    const { id, changed } = yield* upsert('event', record);
    ids.event.set(record.slug, id);
    if (changed) changedEvents.push({ id, record });
  }
  for (const { id, record } of changedEvents) yield* writeEventChildren(resolver, id, record);
  for (const { id, record } of changedEvents) yield* writeEventLinks(resolver, id, record);

  for (const { record } of dataset.figures) {
    const { id, changed } = yield* upsert('figure', record);
    if (changed) yield* writeFigureChildren(resolver, id, record);
  }
  return report;
}

/**
 * Writes a validated dataset in one transaction. Records are matched by the slug they have in the
 * files (kept as seed_slug, so a rename through the API survives), and IDs survive reloads. A
 * record whose seed content is unchanged (same hash) is not touched at all, which makes loading
 * twice a no-op and leaves edits made through the API alone until the seed record itself changes.
 * Which records that left the files are deleted is removal.ts's decision; records created
 * through the API (no seed hash) never are.
 */
import { eq, inArray } from 'drizzle-orm';
import { appendRevision } from '../curation/revisions.ts';
import type { Store } from '../db/client.ts';
import { actorMerges } from '../db/schema.ts';
import { jsonHash, RECORD_KINDS, type RecordTable, sameRecord } from '../records/record-kinds.ts';
import { RECORD_ROWS, type RecordOf } from '../records/record-rows.ts';
import {
  clearActorChildren,
  type SlugResolver,
  writeActorChildren,
  writeEventChildren,
  writeEventLinks,
  writeFigureChildren,
} from '../records/write-records.ts';
import type { SeedDataset } from '../seed/validate.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { type HashesInFiles, removalPlan } from './removal.ts';

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

export function writeSeeds(store: Store, dataset: SeedDataset): SeedReport {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0 };
  store.transaction((tx) => {
    const inFiles: HashesInFiles = {
      source: new Map(dataset.sources.map(({ record }) => [record.slug, jsonHash(record)])),
      actor: new Map(dataset.actors.map(({ record }) => [record.slug, jsonHash(record)])),
      event: new Map(dataset.events.map(({ record }) => [record.slug, jsonHash(record)])),
      figure: new Map(dataset.figures.map(({ record }) => [record.slug, jsonHash(record)])),
    };
    // Every change the loader makes is a revision like any API write, so history and the change feed miss nothing.
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
    // A record is found by the slug it has in the files, even after the API renamed it; failing that, by its slug.
    const findSeeded = (type: EntityType, slug: string) => {
      const table: RecordTable = RECORD_KINDS[type].table;
      const columns = { id: table.id, seedHash: table.seedHash, seedSlug: table.seedSlug, version: table.version };
      return (
        tx.select(columns).from(table).where(eq(table.seedSlug, slug)).get() ??
        tx.select(columns).from(table).where(eq(table.slug, slug)).get()
      );
    };
    const upsert = <T extends EntityType>(type: T, record: RecordOf[T]) => {
      const { read } = RECORD_KINDS[type];
      const rows = RECORD_ROWS[type];
      const { slug } = record;
      const seedHash = inFiles[type].get(slug)!;
      const existing = findSeeded(type, slug);
      if (!existing) {
        const id = rows.insert(tx, record, { seedHash, seedSlug: slug });
        revise(type, id, slug, 1, null, record);
        report.created++;
        return { id, changed: true };
      }
      if (existing.seedHash === seedHash && existing.seedSlug === slug) {
        report.unchanged++;
        return { id: existing.id, changed: false };
      }
      const before = read(tx, existing.id);
      if (sameRecord(before, record)) {
        // The files caught up with the database (export-seeds after an API edit): remember that, write nothing else.
        rows.mark(tx, existing.id, { seedHash, seedSlug: slug });
        report.unchanged++;
        return { id: existing.id, changed: false };
      }
      rows.update(tx, existing.id, record, { seedHash, seedSlug: slug, version: existing.version + 1 });
      revise(type, existing.id, slug, existing.version + 1, before, record);
      report.updated++;
      return { id: existing.id, changed: true };
    };
    const removeMissing = (type: EntityType) => {
      const { table, read } = RECORD_KINDS[type];
      const { remove, keep } = removalPlan(tx, type, inFiles);
      for (const row of remove) revise(type, row.id, row.slug, row.version + 1, read(tx, row.id), null);
      if (remove.length)
        tx.delete(table)
          .where(
            inArray(
              table.id,
              remove.map((row) => row.id),
            ),
          )
          .run();
      report.removed += remove.length;
      report.kept += keep.length;
    };

    removeMissing('event');
    removeMissing('figure');
    removeMissing('actor');
    removeMissing('source');

    const ids = {
      actor: new Map<string, number>(),
      source: new Map<string, number>(),
      event: new Map<string, number>(),
    };
    const resolver: SlugResolver = {
      actor: (slug) => ids.actor.get(slug)!,
      source: (slug) => ids.source.get(slug)!,
      event: (slug) => ids.event.get(slug)!,
    };

    for (const { record } of dataset.sources) {
      ids.source.set(record.slug, upsert('source', record).id);
    }

    const mergedInto = new Map(
      tx
        .select()
        .from(actorMerges)
        .all()
        .map((merge) => [merge.fromSlug, merge.intoActorId]),
    );
    const changedActors = dataset.actors.flatMap(({ record }) => {
      const into = mergedInto.get(record.slug);
      if (into !== undefined && !findSeeded('actor', record.slug)) {
        ids.actor.set(record.slug, into);
        report.mergedAway++;
        return [];
      }
      const { id, changed } = upsert('actor', record);
      ids.actor.set(record.slug, id);
      return changed ? [{ id, record }] : [];
    });
    clearActorChildren(
      tx,
      changedActors.map(({ id }) => id),
    );
    for (const { id, record } of changedActors) writeActorChildren(tx, resolver, id, record);

    const changedEvents = dataset.events.flatMap(({ record }) => {
      const { id, changed } = upsert('event', record);
      ids.event.set(record.slug, id);
      return changed ? [{ id, record }] : [];
    });
    for (const { id, record } of changedEvents) writeEventChildren(tx, resolver, id, record);
    for (const { id, record } of changedEvents) writeEventLinks(tx, resolver, id, record);

    for (const { record } of dataset.figures) {
      const { id, changed } = upsert('figure', record);
      if (changed) writeFigureChildren(tx, resolver, id, record);
    }
  });
  return report;
}

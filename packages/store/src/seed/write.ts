/**
 * Writes a validated dataset in one transaction. Records are matched by slug, so IDs survive
 * reloads; a record whose seed content is unchanged (same hash) is not touched at all, which
 * makes loading twice a no-op and leaves edits made through the API alone until the seed
 * record itself changes. Seeded records that were removed from the files are deleted, except
 * archived events; records created through the API (no seed hash) never are.
 */
import { createHash } from 'node:crypto';
import { and, eq, getTableName, inArray, isNotNull, isNull, notInArray } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { actorMerges, actors, events, figures, sources } from '../db/schema.ts';
import {
  actorColumns, clearActorChildren, eventColumns, figureColumns, sourceColumns, writeActorChildren,
  writeEventChildren, writeEventLinks, writeFigureChildren, type SlugResolver,
} from '../records/write-records.ts';
import { appendRevision, type EntityType } from '../curation/revisions.ts';
import { readActorRecord, readEventRecord, readFigureRecord, readSourceRecord, type Reader } from '../records/read-records.ts';
import type { SeedDataset } from './validate.ts';

const REVISED: Record<string, { type: EntityType; read: (db: Reader, id: number) => unknown }> = {
  [getTableName(sources)]: { type: 'source', read: readSourceRecord },
  [getTableName(actors)]: { type: 'actor', read: readActorRecord },
  [getTableName(events)]: { type: 'event', read: readEventRecord },
  [getTableName(figures)]: { type: 'figure', read: readFigureRecord },
};
type SluggedTable = typeof sources | typeof actors | typeof events | typeof figures;

export interface SeedReport {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Records left out because they were merged into another actor through the API (see actor_merges). */
  mergedAway: number;
}

const hashOf = (record: unknown) => createHash('sha256').update(JSON.stringify(record)).digest('hex');

export function writeSeeds(store: Store, dataset: SeedDataset): SeedReport {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0 };
  store.transaction((tx) => {
    // Every change the loader makes is a revision like any API write, so history and the change feed miss nothing.
    const revise = (table: SluggedTable, id: number, slug: string, version: number, before: unknown, after: unknown) =>
      appendRevision(tx, { entityType: REVISED[getTableName(table)]!.type, entityId: id, entitySlug: slug, version, operation: 'seed', keyId: null, before, after });
    const upsert = <T extends SluggedTable>(table: T, slug: string, record: unknown, values: T['$inferInsert']) => {
      const seedHash = hashOf(record);
      const existing = tx.select({ id: table.id, seedHash: table.seedHash, version: table.version }).from(table as SluggedTable).where(eq(table.slug, slug)).get();
      if (!existing) {
        const inserted = tx.insert(table as SluggedTable).values({ ...values, seedHash } as never).returning({ id: table.id }).get();
        revise(table, inserted.id, slug, 1, null, record);
        report.created++;
        return { id: inserted.id, changed: true };
      }
      if (existing.seedHash === seedHash) {
        report.unchanged++;
        return { id: existing.id, changed: false };
      }
      const before = REVISED[getTableName(table)]!.read(tx, existing.id);
      tx.update(table as SluggedTable).set({ ...values, seedHash, version: existing.version + 1 } as never).where(eq(table.id, existing.id)).run();
      revise(table, existing.id, slug, existing.version + 1, before, record);
      report.updated++;
      return { id: existing.id, changed: true };
    };
    const removeMissing = (table: SluggedTable, slugs: string[]) => {
      // An archived event is a tombstone: export-seeds leaves it out of the files, and a reload must not delete it.
      const tombstone = table === events ? isNull(events.archivedAt) : undefined;
      const missing = tx.select({ id: table.id, slug: table.slug, version: table.version }).from(table as SluggedTable).where(and(isNotNull(table.seedHash), slugs.length ? notInArray(table.slug, slugs) : undefined, tombstone)).all();
      for (const row of missing) revise(table, row.id, row.slug, row.version + 1, REVISED[getTableName(table)]!.read(tx, row.id), null);
      if (missing.length) tx.delete(table).where(inArray(table.id, missing.map((row) => row.id))).run();
      report.removed += missing.length;
    };

    removeMissing(events, dataset.events.map(({ record }) => record.slug));
    removeMissing(figures, dataset.figures.map(({ record }) => record.slug));
    removeMissing(actors, dataset.actors.map(({ record }) => record.slug));
    removeMissing(sources, dataset.sources.map(({ record }) => record.slug));

    const ids = { actor: new Map<string, number>(), source: new Map<string, number>(), event: new Map<string, number>() };
    const resolver: SlugResolver = { actor: (slug) => ids.actor.get(slug)!, source: (slug) => ids.source.get(slug)!, event: (slug) => ids.event.get(slug)! };

    for (const { record } of dataset.sources) {
      ids.source.set(record.slug, upsert(sources, record.slug, record, sourceColumns(record)).id);
    }

    const mergedInto = new Map(tx.select().from(actorMerges).all().map((merge) => [merge.fromSlug, merge.intoActorId]));
    const changedActors = dataset.actors.flatMap(({ record }) => {
      const into = mergedInto.get(record.slug);
      if (into !== undefined && !tx.select({ id: actors.id }).from(actors).where(eq(actors.slug, record.slug)).get()) {
        ids.actor.set(record.slug, into);
        report.mergedAway++;
        return [];
      }
      const { id, changed } = upsert(actors, record.slug, record, actorColumns(record));
      ids.actor.set(record.slug, id);
      return changed ? [{ id, record }] : [];
    });
    clearActorChildren(tx, changedActors.map(({ id }) => id));
    for (const { id, record } of changedActors) writeActorChildren(tx, resolver, id, record);

    const changedEvents = dataset.events.flatMap(({ record }) => {
      const { id, changed } = upsert(events, record.slug, record, eventColumns(record));
      ids.event.set(record.slug, id);
      return changed ? [{ id, record }] : [];
    });
    for (const { id, record } of changedEvents) writeEventChildren(tx, resolver, id, record);
    for (const { id, record } of changedEvents) writeEventLinks(tx, resolver, id, record);

    for (const { record } of dataset.figures) {
      const { id, changed } = upsert(figures, record.slug, record, figureColumns(record));
      if (changed) writeFigureChildren(tx, resolver, id, record);
    }
  });
  return report;
}

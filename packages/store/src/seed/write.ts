/**
 * Writes a validated dataset in one transaction. Records are matched by slug, so IDs survive
 * reloads; a record whose seed content is unchanged (same hash) is not touched at all, which
 * makes loading twice a no-op and leaves edits made through the API alone until the seed
 * record itself changes. Seeded records that were removed from the files are deleted, except
 * archived events; records created through the API (no seed hash) never are.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eq, getTableName, inArray } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { actorMerges, actors, events, figures, sources } from '../db/schema.ts';
import {
  actorColumns, archiveColumn, clearActorChildren, eventColumns, figureColumns, sourceColumns, writeActorChildren,
  writeEventChildren, writeEventLinks, writeFigureChildren, type SlugResolver,
} from '../records/write-records.ts';
import { appendRevision, type EntityType } from '../curation/revisions.ts';
import { readActorRecord, readEventRecord, readFigureRecord, readSourceRecord, type Reader } from '../records/read-records.ts';
import { removalPlan, type HashesInFiles } from './removal.ts';
import type { EventRecord } from './format.ts';
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
  /** Records no longer in the files but kept: edited through the API since they were loaded, or still referred to by a record the files do not hold. */
  kept: number;
}

const hashOf = (record: unknown) => createHash('sha256').update(JSON.stringify(record)).digest('hex');

export function writeSeeds(store: Store, dataset: SeedDataset): SeedReport {
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0 };
  store.transaction((tx) => {
    // Every change the loader makes is a revision like any API write, so history and the change feed miss nothing.
    const revise = (table: SluggedTable, id: number, slug: string, version: number, before: unknown, after: unknown) =>
      appendRevision(tx, { entityType: REVISED[getTableName(table)]!.type, entityId: id, entitySlug: slug, version, operation: 'seed', keyId: null, before, after });
    // A record is found by the slug it has in the files, even after the API renamed it; failing that, by its slug.
    const findSeeded = (table: SluggedTable, slug: string) => {
      const columns = { id: table.id, slug: table.slug, seedHash: table.seedHash, seedSlug: table.seedSlug, version: table.version };
      return tx.select(columns).from(table as typeof events).where(eq(table.seedSlug, slug)).get() ?? tx.select(columns).from(table as typeof events).where(eq(table.slug, slug)).get();
    };
    const tombstone = (table: SluggedTable, record: unknown, inserting: boolean) => (table === events ? archiveColumn(record as EventRecord, inserting) : {});
    const upsert = <T extends SluggedTable>(table: T, slug: string, record: unknown, values: T['$inferInsert']) => {
      const seedHash = hashOf(record);
      const existing = findSeeded(table, slug);
      if (!existing) {
        const inserted = tx.insert(table as SluggedTable).values({ ...values, ...tombstone(table, record, true), seedHash, seedSlug: slug } as never).returning({ id: table.id }).get();
        revise(table, inserted.id, slug, 1, null, record);
        report.created++;
        return { id: inserted.id, changed: true };
      }
      if (existing.seedHash === seedHash && existing.seedSlug === slug) {
        report.unchanged++;
        return { id: existing.id, changed: false };
      }
      const before = REVISED[getTableName(table)]!.read(tx, existing.id);
      if (isDeepStrictEqual(before, record)) {
        // The files caught up with the database (export-seeds after an API edit): remember that, write nothing else.
        tx.update(table as SluggedTable).set({ seedHash, seedSlug: slug } as never).where(eq(table.id, existing.id)).run();
        report.unchanged++;
        return { id: existing.id, changed: false };
      }
      tx.update(table as SluggedTable).set({ ...values, ...tombstone(table, record, false), seedHash, seedSlug: slug, version: existing.version + 1 } as never).where(eq(table.id, existing.id)).run();
      revise(table, existing.id, slug, existing.version + 1, before, record);
      report.updated++;
      return { id: existing.id, changed: true };
    };
    const removeMissing = (type: EntityType, table: SluggedTable) => {
      const { remove, keep } = removalPlan(tx, type, inFiles);
      for (const row of remove) revise(table, row.id, row.slug, row.version + 1, REVISED[getTableName(table)]!.read(tx, row.id), null);
      if (remove.length) tx.delete(table).where(inArray(table.id, remove.map((row) => row.id))).run();
      report.removed += remove.length;
      report.kept += keep.length;
    };

    const inFiles: HashesInFiles = {
      source: new Map(dataset.sources.map(({ record }) => [record.slug, hashOf(record)])),
      actor: new Map(dataset.actors.map(({ record }) => [record.slug, hashOf(record)])),
      event: new Map(dataset.events.map(({ record }) => [record.slug, hashOf(record)])),
      figure: new Map(dataset.figures.map(({ record }) => [record.slug, hashOf(record)])),
    };
    removeMissing('event', events);
    removeMissing('figure', figures);
    removeMissing('actor', actors);
    removeMissing('source', sources);

    const ids = { actor: new Map<string, number>(), source: new Map<string, number>(), event: new Map<string, number>() };
    const resolver: SlugResolver = { actor: (slug) => ids.actor.get(slug)!, source: (slug) => ids.source.get(slug)!, event: (slug) => ids.event.get(slug)! };

    for (const { record } of dataset.sources) {
      ids.source.set(record.slug, upsert(sources, record.slug, record, sourceColumns(record)).id);
    }

    const mergedInto = new Map(tx.select().from(actorMerges).all().map((merge) => [merge.fromSlug, merge.intoActorId]));
    const changedActors = dataset.actors.flatMap(({ record }) => {
      const into = mergedInto.get(record.slug);
      if (into !== undefined && !findSeeded(actors, record.slug)) {
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

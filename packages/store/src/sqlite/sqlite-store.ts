/**
 * The SQLite implementation of `BilateralStore`: each method runs the synchronous query function of
 * the same name on one better-sqlite3 connection. A write stays one synchronous transaction inside
 * its call (drizzle's better-sqlite3 driver refuses an async transaction callback). Awaiting these
 * wrappers cost no measurable CPU per request on the page benchmark (`bench:profile`, against the
 * synchronous calls in the same run). Opened from a file with `scanThread`, the whole-dataset scans
 * (`eventStats`, `cooperationIndex`, and the counts of a search) run on a worker thread of their own (`scans/scan-thread.ts`),
 * so that the thread serving requests stays free while they count.
 */

import { indexCitedPassages } from '../curation/cited-passages.ts';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from '../curation/keys.ts';
import { type MergedActors, mergeActors } from '../curation/merge-actors.ts';
import { changesSince, revisionAsOf, revisionIdOf, revisionsOf } from '../curation/revisions.ts';
import { type Editor, type SavedRecord, type SaveRequest, saveRecord } from '../curation/save-record.ts';
import {
  closeStore,
  databaseSize,
  isReadOnly,
  type OpenStoreOptions,
  openStore,
  pendingMigrations,
  type Store,
} from '../db/client.ts';
import { inStatementScope, observeStatements, type StatementObserver } from '../db/statement-timing.ts';
import { toStorageError } from '../db/storage-error.ts';
import { checkStorage } from '../db/storage-health.ts';
import type { ActorNetwork, BilateralStore, SearchResults } from '../interface/bilateral-store.ts';
import { scopedView } from '../interface/statement-scope.ts';
import { AnnouncedChanges, type ChangeRelay, type ChangeWatcher, type CommittedChange } from '../live/change-feed.ts';
import type { IndexedPassages } from '../plans/cited-passages.ts';
import { actorBySlug, countActors, eventPagesByActorIds, listActors } from '../queries/actors.ts';
import { countEvents, countEventsUpTo } from '../queries/event-counts.ts';
import { eventBySlug, eventsByIds, listEvents } from '../queries/events.ts';
import { EXPORT_BATCH_SIZE, exportActors, exportEvents } from '../queries/export.ts';
import { countFigures, figureBySlug, listFigures } from '../queries/figures.ts';
import {
  listSharedEvents,
  readActorNetwork,
  relationshipCountsByActorIds,
  relationshipsByActorIds,
} from '../queries/network.ts';
import * as related from '../queries/related.ts';
import { search } from '../queries/search.ts';
import { citationPagesBySourceIds, countSources, listSources, sourceBySlug } from '../queries/sources.ts';
import { cooperationIndex, eventStats, listBucketEvents } from '../queries/stats.ts';
import { readSeedRenames } from '../records/export-seeds.ts';
import { readAllRecords } from '../records/read-records.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';
import { type ScanThread, startScanThread } from './scans/scan-thread.ts';

export interface OpenSqliteStoreOptions extends OpenStoreOptions {
  /**
   * Run the whole-dataset scans (`eventStats`, `cooperationIndex`) on a worker thread with its own
   * read-only connection, off the thread that serves requests. Only for a database file: a `:memory:`
   * database is private to its connection, so its scans run in-process.
   */
  scanThread?: boolean;
  /** Other processes serving the same file (cluster workers): their writes reach `watchChanges` through it, and ours theirs. */
  changeRelay?: ChangeRelay;
}

/** The rows of `rows` in arrays of at most `size`. */
function* inBatches<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length) yield batch;
}

/** A committed change before its revision's ID is looked up. */
type WrittenChange = Omit<CommittedChange, 'revisionId'>;

/** The changes a saveRecord wrote: none for a replay or a change that left the record as it was. */
export function changesOfSave(
  entityType: EntityType,
  operation: RevisionOperation,
  saved: SavedRecord,
): WrittenChange[] {
  if (saved.replayed || saved.unchanged) return [];
  return [{ entityType, entityId: saved.id, version: saved.version, operation }];
}

/** The changes a merge wrote: each record whose references moved, then the actor merged into. */
export function changesOfMerge(merged: MergedActors): WrittenChange[] {
  if (merged.replayed) return [];
  const moved = merged.moved.map(
    ({ entityType, id, version }): WrittenChange => ({ entityType, entityId: id, version, operation: 'merge' }),
  );
  return merged.unchanged
    ? moved
    : [...moved, { entityType: 'actor', entityId: merged.id, version: merged.version, operation: 'merge' }];
}

export class SqliteStore implements BilateralStore {
  /**
   * The drizzle connection, for what only SQLite has (online backup, the store's own tests, fault
   * injection in tests); code that serves requests holds a `BilateralStore` and never sees it.
   */
  readonly database: Store;
  /** Where `eventStats` and `cooperationIndex` run when the store has a scan thread; in-process without one. */
  readonly scanThread: ScanThread | undefined;

  /** One SQLite file has no channel between processes: writes are announced by the process that commits them. */
  private readonly changes: AnnouncedChanges;
  /** The documents directory of the indexed passages, once `indexCitedPassages` was asked for. */
  private passages: IndexedPassages | undefined;

  constructor(database: Store, scanThread?: ScanThread, changeRelay?: ChangeRelay) {
    this.database = database;
    this.scanThread = scanThread;
    this.changes = new AnnouncedChanges(changeRelay);
  }

  get readOnly(): boolean {
    return isReadOnly(this.database);
  }

  // Events
  async listEvents(...args: Parameters<BilateralStore['listEvents']>) {
    return listEvents(this.database, ...args);
  }
  async countEvents(...args: Parameters<BilateralStore['countEvents']>) {
    return countEvents(this.database, ...args);
  }
  async countEventsUpTo(...args: Parameters<BilateralStore['countEventsUpTo']>) {
    return countEventsUpTo(this.database, ...args);
  }
  async eventBySlug(slug: string) {
    return eventBySlug(this.database, slug);
  }
  async eventsByIds(ids: readonly number[]) {
    return eventsByIds(this.database, ids);
  }
  async listBucketEvents(...args: Parameters<BilateralStore['listBucketEvents']>) {
    return listBucketEvents(this.database, ...args);
  }
  async listSharedEvents(...args: Parameters<BilateralStore['listSharedEvents']>) {
    return listSharedEvents(this.database, ...args);
  }
  async *exportEvents(filter: Parameters<BilateralStore['exportEvents']>[0], batchSize = EXPORT_BATCH_SIZE) {
    yield* inBatches(exportEvents(this.database, filter, batchSize), batchSize);
  }

  // Actors, sources, figures
  async listActors(...args: Parameters<BilateralStore['listActors']>) {
    return listActors(this.database, ...args);
  }
  async countActors(...args: Parameters<BilateralStore['countActors']>) {
    return countActors(this.database, ...args);
  }
  async actorBySlug(slug: string) {
    return actorBySlug(this.database, slug);
  }
  async actorsByIds(ids: readonly number[]) {
    return related.actorsByIds(this.database, ids);
  }
  async *exportActors(filter: Parameters<BilateralStore['exportActors']>[0], batchSize = EXPORT_BATCH_SIZE) {
    yield* inBatches(exportActors(this.database, filter, batchSize), batchSize);
  }
  async listSources(...args: Parameters<BilateralStore['listSources']>) {
    return listSources(this.database, ...args);
  }
  async countSources() {
    return countSources(this.database);
  }
  async sourceBySlug(slug: string) {
    return sourceBySlug(this.database, slug);
  }
  async sourcesByIds(ids: readonly number[]) {
    return related.sourcesByIds(this.database, ids);
  }
  async listFigures(...args: Parameters<BilateralStore['listFigures']>) {
    return listFigures(this.database, ...args);
  }
  async countFigures(...args: Parameters<BilateralStore['countFigures']>) {
    return countFigures(this.database, ...args);
  }
  async figureBySlug(slug: string) {
    return figureBySlug(this.database, slug);
  }
  async figuresByIds(ids: readonly number[]) {
    return related.figuresByIds(this.database, ids);
  }

  // Batched lookups for the loaders
  async idsBySlugs(...args: Parameters<BilateralStore['idsBySlugs']>) {
    return related.idsBySlugs(this.database, ...args);
  }
  async claimsByIds(ids: readonly number[]) {
    return related.claimsByIds(this.database, ids);
  }
  async officesByIds(ids: readonly number[]) {
    return related.officesByIds(this.database, ids);
  }
  async participantsByEventIds(ids: readonly number[]) {
    return related.participantsByEventIds(this.database, ids);
  }
  async sectorsByEventIds(ids: readonly number[]) {
    return related.sectorsByEventIds(this.database, ids);
  }
  async claimsByEventIds(ids: readonly number[]) {
    return related.claimsByEventIds(this.database, ids);
  }
  async claimsByFigureIds(ids: readonly number[]) {
    return related.claimsByFigureIds(this.database, ids);
  }
  async linksByEventIds(ids: readonly number[]) {
    return related.linksByEventIds(this.database, ids);
  }
  async aliasesByActorIds(ids: readonly number[]) {
    return related.aliasesByActorIds(this.database, ids);
  }
  async officesByHolderIds(ids: readonly number[]) {
    return related.officesByHolderIds(this.database, ids);
  }
  async actorsByPredecessorIds(ids: readonly number[]) {
    return related.actorsByPredecessorIds(this.database, ids);
  }
  async actorIdsByFigureIds(ids: readonly number[]) {
    return related.actorIdsByFigureIds(this.database, ids);
  }
  async citationsBySubjectIds(...args: Parameters<BilateralStore['citationsBySubjectIds']>) {
    return related.citationsBySubjectIds(this.database, ...args);
  }
  async relationshipsByActorIds(ids: readonly number[], limit: number) {
    return relationshipsByActorIds(this.database, ids, limit);
  }
  async relationshipCountsByActorIds(ids: readonly number[]) {
    return relationshipCountsByActorIds(this.database, ids);
  }
  async eventCountsByActorIds(ids: readonly number[]) {
    return related.eventCountsByActorIds(this.database, ids);
  }
  async citationCountsBySourceIds(ids: readonly number[]) {
    return related.citationCountsBySourceIds(this.database, ids);
  }
  async eventPagesByActorIds(...args: Parameters<BilateralStore['eventPagesByActorIds']>) {
    return eventPagesByActorIds(this.database, ...args);
  }
  async citationPagesBySourceIds(...args: Parameters<BilateralStore['citationPagesBySourceIds']>) {
    return citationPagesBySourceIds(this.database, ...args);
  }

  // Search, statistics, network
  async search(...args: Parameters<BilateralStore['search']>): Promise<SearchResults> {
    const found = search(this.database, ...args);
    return {
      rows: found.hits,
      cursors: found.cursors,
      hasNextPage: found.hasNextPage,
      hasPreviousPage: found.hasPreviousPage,
      // A common word matches most records: counting them runs on the scan thread when there is one.
      totalCount: async () =>
        this.scanThread ? this.scanThread.run('searchTotalCount', args[0], args[1]) : found.totalCount,
      rankingLimited: async () =>
        this.scanThread ? this.scanThread.run('searchRankingLimited', args[0], args[1]) : found.rankingLimited,
    };
  }
  async eventStats(...args: Parameters<BilateralStore['eventStats']>) {
    if (this.scanThread) return this.scanThread.run('eventStats', ...args);
    return eventStats(this.database, ...args);
  }
  async cooperationIndex(...args: Parameters<BilateralStore['cooperationIndex']>) {
    if (this.scanThread) return this.scanThread.run('cooperationIndex', ...args);
    return cooperationIndex(this.database, ...args);
  }
  async readActorNetwork(...args: Parameters<BilateralStore['readActorNetwork']>): Promise<ActorNetwork> {
    const reader = readActorNetwork(this.database, ...args);
    return {
      eventsSince: reader.eventsSince,
      nodeCount: async () => reader.nodeCount(),
      edgeCount: async () => reader.edgeCount(),
      nodes: async (first) => reader.nodes(first),
      edges: async (first, amongNodes) => reader.edges(first, amongNodes),
    };
  }

  // Revisions
  async revisionsOf(...args: Parameters<BilateralStore['revisionsOf']>) {
    return revisionsOf(this.database, ...args);
  }
  async revisionAsOf(...args: Parameters<BilateralStore['revisionAsOf']>) {
    return revisionAsOf(this.database, ...args);
  }
  async changesSince(...args: Parameters<BilateralStore['changesSince']>) {
    return changesSince(this.database, ...args);
  }
  async readAllRecords() {
    return readAllRecords(this.database);
  }
  async readSeedRenames() {
    return readSeedRenames(this.database);
  }

  // Keys
  async createApiKey(...args: Parameters<BilateralStore['createApiKey']>) {
    return createApiKey(this.database, ...args);
  }
  async revokeApiKey(id: number) {
    return revokeApiKey(this.database, id);
  }
  async listApiKeys() {
    return listApiKeys(this.database);
  }
  async authenticateApiKey(secret: string) {
    return authenticateApiKey(this.database, secret);
  }

  // Writes
  async saveRecord<T extends EntityType>(type: T, request: SaveRequest<T>, editor: Editor) {
    const saved = saveRecord(this.database, type, request, editor, this.passages);
    this.announce(changesOfSave(type, request.operation, saved));
    return saved;
  }
  async mergeActors(...args: Parameters<BilateralStore['mergeActors']>) {
    const merged = mergeActors(this.database, ...args);
    this.announce(changesOfMerge(merged));
    return merged;
  }
  /** Announces committed changes with their revisions' IDs, read in the same turn as the commit (one indexed lookup each). */
  private announce(changes: WrittenChange[]) {
    this.changes.announce(
      changes.map((change) => ({
        ...change,
        revisionId: revisionIdOf(this.database, change.entityType, change.entityId, change.version),
      })),
    );
  }
  async loadSeeds(seedsDir: string) {
    const report = loadSeeds(this.database, seedsDir);
    if (this.passages) indexCitedPassages(this.database, this.passages.dir);
    return report;
  }
  async indexCitedPassages(sourcesDir: string | undefined) {
    this.passages = { dir: sourcesDir };
    return indexCitedPassages(this.database, sourcesDir);
  }

  // Live updates and budgets
  async watchChanges(watcher: ChangeWatcher) {
    return this.changes.watch(watcher);
  }
  sharedPointsBudget() {
    return undefined;
  }

  // Storage
  async pendingMigrations() {
    return pendingMigrations(this.database.$client);
  }
  async checkStorage() {
    return checkStorage(this.database);
  }
  storageErrorOf(error: unknown) {
    return toStorageError(error, { store: this.database });
  }
  async databaseSizeBytes() {
    return databaseSize(this.database);
  }
  observeStatements(observer: StatementObserver) {
    return observeStatements(this.database.$client, observer);
  }
  withStatementScope(scope: object): BilateralStore {
    return scopedView(this, inStatementScope, scope);
  }
  async close() {
    // The connection closes before the first await, as callers that do not wait for it expect.
    closeStore(this.database);
    await this.scanThread?.close();
  }
}

/**
 * Opens (creating and migrating, unless `readOnly`) the SQLite database at `path`; see `openStore`.
 * With `scanThread`, starts the scan thread once the schema is up to date.
 */
export function openSqliteStore(
  path: string,
  { scanThread, changeRelay, ...options }: OpenSqliteStoreOptions = {},
): BilateralStore {
  const database = openStore(path, options);
  if (!scanThread || database.$client.memory) return new SqliteStore(database, undefined, changeRelay);
  try {
    return new SqliteStore(database, startScanThread(path), changeRelay);
  } catch (error) {
    closeStore(database);
    throw error;
  }
}

/** The SQLite connection under a store, for what only SQLite has; throws for a store of another database. */
export function sqliteDatabaseOf(store: BilateralStore): Store {
  if (!(store instanceof SqliteStore)) throw new TypeError('not a SQLite store');
  return store.database;
}

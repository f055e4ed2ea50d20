/**
 * `BilateralStore` on PostgreSQL (a server through node-postgres, or PGlite in this process). The
 * store is handed out at once and opens (and migrates) in the background: every method waits for
 * that first, so the synchronous `openBilateralStore` can pick PostgreSQL as it picks SQLite, and a
 * failure to connect surfaces as the first call's StorageError.
 */

import { sql } from 'drizzle-orm';
import type { Editor, SaveRequest } from '../curation/save-record.ts';
import type { StatementObserver } from '../db/statement-timing.ts';
import type { StorageStatus } from '../db/storage-health.ts';
import { READ_ONLY_MODE_MESSAGE, StorageError } from '../errors/storage-error.ts';
import type { BilateralStore, SearchResults } from '../interface/bilateral-store.ts';
import { scopedView } from '../interface/statement-scope.ts';
import type { ChangeWatcher } from '../live/change-feed.ts';
import { EXPORT_BATCH_SIZE } from '../paging/batches.ts';
import type { IndexedPassages } from '../plans/cited-passages.ts';
import { ChangeListener } from '../postgres/change-listener.ts';
import {
  type PostgresDatabase,
  type PostgresStore,
  pendingPostgresMigrations,
  refusesWrites,
} from '../postgres/client.ts';
import { guardPostgres, toPostgresStorageError } from '../postgres/storage-error.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { readAllRecords } from './all-records.ts';
import * as keys from './api-keys.ts';
import * as eventCounts from './event-counts.ts';
import * as eventReads from './event-reads.ts';
import * as exports from './export-reads.ts';
import * as insights from './insight-reads.ts';
import { mergeActors } from './merge-actors.ts';
import { databasePointsBudget } from './rate-budgets.ts';
import * as recordReads from './record-reads.ts';
import * as related from './related-reads.ts';
import * as revisions from './revision-reads.ts';
import { indexCitedPassages, saveRecord } from './save-record.ts';
import { search as searchRecords } from './search.ts';
import { loadSeeds } from './seed-load.ts';
import { readSeedRenames } from './seed-renames.ts';
import { inStatementScope, timeStatements } from './statement-timing.ts';

/** How long a client waits before sending a write again while the database is a standby. */
const STANDBY_RETRY_AFTER_SECONDS = 2;

/**
 * Whether a refused write may succeed on retry: the server is a standby, or it was one when it
 * refused and has been promoted since (a failover). Only a server that is no standby and refuses
 * every write by its own setting (default_transaction_read_only) refuses for good.
 */
const refusedOnlyUntilPromoted = async (db: PostgresDatabase) =>
  (
    await db.execute<{ retryable: boolean }>(
      sql`select pg_is_in_recovery() or current_setting('default_transaction_read_only') <> 'on' as retryable`,
    )
  ).rows[0]!.retryable;

type Args<Method extends keyof BilateralStore> = BilateralStore[Method] extends (...args: infer A) => unknown
  ? A
  : never;

export class PostgresBilateralStore implements BilateralStore {
  private readonly opening: Promise<PostgresStore>;
  private readonly statementObservers = new Set<StatementObserver>();
  private changeListener: ChangeListener | undefined;
  /** The documents directory of the indexed passages, once `indexCitedPassages` was asked for. */
  private passages: IndexedPassages | undefined;

  /**
   * `readOnly` says the store being opened was asked for read-only sessions (`READ_ONLY`), known
   * before it has opened: PostgreSQL refuses every write, answered as this server's design rather
   * than as a fault.
   */
  constructor(
    opening: Promise<PostgresStore>,
    readonly readOnly = false,
  ) {
    this.opening = opening.then((store) => {
      timeStatements(store, this.statementObservers);
      return store;
    });
    // A failure to open is reported by the first call; until then it must not crash the process.
    this.opening.catch(() => {});
  }

  /** Runs `read` on the open database, turning a storage fault into StorageError. */
  private async run<T>(read: (db: PostgresDatabase) => Promise<T>): Promise<T> {
    try {
      return await read((await this.opening).db);
    } catch (error) {
      return this.rethrow(error);
    }
  }

  /** Throws `error` as this store's StorageError when it is a storage fault, else as it is. */
  private readonly rethrow = (error: unknown): never => {
    throw this.storageErrorOf(error) ?? error;
  };

  /** Streams `read`'s batches from the open database, each batch's storage fault as StorageError. */
  private async *stream<T>(read: (db: PostgresDatabase) => AsyncIterator<T>): AsyncGenerator<T> {
    const { db } = await this.opening.catch(this.rethrow);
    const batches = read(db);
    for (;;) {
      const next = await batches.next().catch(this.rethrow);
      if (next.done) return;
      yield next.value;
    }
  }

  // Events
  listEvents(...args: Args<'listEvents'>) {
    return this.run((db) => eventReads.listEvents(db, ...args));
  }
  countEvents(...args: Args<'countEvents'>) {
    return this.run((db) => eventCounts.countEvents(db, ...args));
  }
  countEventsUpTo(...args: Args<'countEventsUpTo'>) {
    return this.run((db) => eventCounts.countEventsUpTo(db, ...args));
  }
  eventBySlug(slug: string) {
    return this.run((db) => eventReads.eventBySlug(db, slug));
  }
  eventsByIds(ids: readonly number[]) {
    return this.run((db) => eventReads.eventsByIds(db, ids));
  }
  listBucketEvents(...args: Args<'listBucketEvents'>) {
    return this.run((db) => eventReads.listBucketEvents(db, ...args));
  }
  listSharedEvents(...args: Args<'listSharedEvents'>) {
    return this.run((db) => eventReads.listSharedEvents(db, ...args));
  }
  exportEvents(filter: Args<'exportEvents'>[0], batchSize = EXPORT_BATCH_SIZE) {
    return this.stream((db) => exports.exportEvents(db, filter, batchSize));
  }

  // Actors, sources, figures
  listActors(...args: Args<'listActors'>) {
    return this.run((db) => recordReads.listActors(db, ...args));
  }
  countActors(...args: Args<'countActors'>) {
    return this.run((db) => recordReads.countActors(db, ...args));
  }
  actorBySlug(slug: string) {
    return this.run((db) => recordReads.actorBySlug(db, slug));
  }
  actorsByIds(ids: readonly number[]) {
    return this.run((db) => related.actorsByIds(db, ids));
  }
  exportActors(filter: Args<'exportActors'>[0], batchSize = EXPORT_BATCH_SIZE) {
    return this.stream((db) => exports.exportActors(db, filter, batchSize));
  }
  listSources(...args: Args<'listSources'>) {
    return this.run((db) => recordReads.listSources(db, ...args));
  }
  countSources() {
    return this.run((db) => recordReads.countSources(db));
  }
  sourceBySlug(slug: string) {
    return this.run((db) => recordReads.sourceBySlug(db, slug));
  }
  sourcesByIds(ids: readonly number[]) {
    return this.run((db) => recordReads.sourcesByIds(db, ids));
  }
  listFigures(...args: Args<'listFigures'>) {
    return this.run((db) => recordReads.listFigures(db, ...args));
  }
  countFigures(...args: Args<'countFigures'>) {
    return this.run((db) => recordReads.countFigures(db, ...args));
  }
  figureBySlug(slug: string) {
    return this.run((db) => recordReads.figureBySlug(db, slug));
  }
  figuresByIds(ids: readonly number[]) {
    return this.run((db) => recordReads.figuresByIds(db, ids));
  }

  // Batched lookups for the loaders
  idsBySlugs(...args: Args<'idsBySlugs'>) {
    return this.run((db) => related.idsBySlugs(db, ...args));
  }
  claimsByIds(ids: readonly number[]) {
    return this.run((db) => related.claimsByIds(db, ids));
  }
  officesByIds(ids: readonly number[]) {
    return this.run((db) => related.officesByIds(db, ids));
  }
  participantsByEventIds(ids: readonly number[]) {
    return this.run((db) => related.participantsByEventIds(db, ids));
  }
  sectorsByEventIds(ids: readonly number[]) {
    return this.run((db) => related.sectorsByEventIds(db, ids));
  }
  claimsByEventIds(ids: readonly number[]) {
    return this.run((db) => related.claimsByEventIds(db, ids));
  }
  claimsByFigureIds(ids: readonly number[]) {
    return this.run((db) => related.claimsByFigureIds(db, ids));
  }
  linksByEventIds(ids: readonly number[]) {
    return this.run((db) => related.linksByEventIds(db, ids));
  }
  aliasesByActorIds(ids: readonly number[]) {
    return this.run((db) => related.aliasesByActorIds(db, ids));
  }
  officesByHolderIds(ids: readonly number[]) {
    return this.run((db) => related.officesByHolderIds(db, ids));
  }
  actorsByPredecessorIds(ids: readonly number[]) {
    return this.run((db) => related.actorsByPredecessorIds(db, ids));
  }
  actorIdsByFigureIds(ids: readonly number[]) {
    return this.run((db) => related.actorIdsByFigureIds(db, ids));
  }
  citationsBySubjectIds(...args: Args<'citationsBySubjectIds'>) {
    return this.run((db) => related.citationsBySubjectIds(db, ...args));
  }
  relationshipsByActorIds(ids: readonly number[], limit: number) {
    return this.run((db) => related.relationshipsByActorIds(db, ids, limit));
  }
  relationshipCountsByActorIds(ids: readonly number[]) {
    return this.run((db) => related.relationshipCountsByActorIds(db, ids));
  }
  eventCountsByActorIds(ids: readonly number[]) {
    return this.run((db) => related.eventCountsByActorIds(db, ids));
  }
  citationCountsBySourceIds(ids: readonly number[]) {
    return this.run((db) => related.citationCountsBySourceIds(db, ids));
  }
  eventPagesByActorIds(...args: Args<'eventPagesByActorIds'>) {
    return this.run((db) => eventReads.eventPagesByActorIds(db, ...args));
  }
  citationPagesBySourceIds(...args: Args<'citationPagesBySourceIds'>) {
    return this.run((db) => related.citationPagesBySourceIds(db, ...args));
  }

  // Search, statistics and the network
  search(...args: Args<'search'>): Promise<SearchResults> {
    return this.run((db) => searchRecords(db, ...args));
  }
  eventStats(...args: Args<'eventStats'>) {
    return this.run((db) => insights.eventStats(db, ...args));
  }
  cooperationIndex(...args: Args<'cooperationIndex'>) {
    return this.run((db) => insights.cooperationIndex(db, ...args));
  }
  readActorNetwork(...args: Args<'readActorNetwork'>) {
    return this.run((db) => insights.readActorNetwork(db, ...args));
  }

  // Revisions
  revisionsOf(...args: Args<'revisionsOf'>) {
    return this.run((db) => revisions.revisionsOf(db, ...args));
  }
  revisionAsOf(...args: Args<'revisionAsOf'>) {
    return this.run((db) => revisions.revisionAsOf(db, ...args));
  }
  changesSince(...args: Args<'changesSince'>) {
    return this.run((db) => revisions.changesSince(db, ...args));
  }
  readAllRecords() {
    return this.run((db) => readAllRecords(db));
  }
  readSeedRenames() {
    return this.run((db) => readSeedRenames(db));
  }

  // Keys
  createApiKey(...args: Args<'createApiKey'>) {
    return this.run((db) => keys.createApiKey(db, ...args));
  }
  revokeApiKey(id: number) {
    return this.run((db) => keys.revokeApiKey(db, id));
  }
  listApiKeys() {
    return this.run((db) => keys.listApiKeys(db));
  }
  authenticateApiKey(secret: string) {
    return this.run((db) => keys.authenticateApiKey(db, secret));
  }

  // Writes
  saveRecord<T extends EntityType>(type: T, request: SaveRequest<T>, editor: Editor) {
    return this.write((db) => saveRecord(db, type, request, editor, this.passages));
  }
  mergeActors(...args: Args<'mergeActors'>) {
    return this.write((db) => mergeActors(db, ...args));
  }

  /**
   * Runs a write. A process not started read-only whose server refuses the write because it is a
   * hot standby is most likely in a failover (DATABASE_URL follows the primary, and the standby
   * answers first): the refusal is retryable, and the same write succeeds once it is promoted. It is
   * retryable too when the standby was promoted between the refusal and the check.
   */
  private async write<T>(work: (db: PostgresDatabase) => Promise<T>): Promise<T> {
    try {
      return await this.run(work);
    } catch (error) {
      if (this.readOnly || !(error instanceof StorageError) || error.code !== 'STORAGE_READ_ONLY') throw error;
      const retryable = await this.run(refusedOnlyUntilPromoted).catch(() => false);
      if (!retryable) throw error;
      throw new StorageError(error.code, error.detail, {
        cause: error.cause,
        retryAfterSeconds: STANDBY_RETRY_AFTER_SECONDS,
        message:
          'The database is a standby that takes no writes yet (a failover may be under way), so nothing was written. Retry after `Retry-After` with the same idempotency key: the write succeeds once the standby is promoted.',
        remedy:
          'DATABASE_URL names a hot standby: promote it (pg_ctl promote) if the primary is lost, or point DATABASE_URL at the primary; a replica meant for reads only is started with READ_ONLY=true',
      });
    }
  }
  loadSeeds(seedsDir: string) {
    return this.run(async (db) => {
      const report = await loadSeeds(db, seedsDir);
      if (this.passages) await indexCitedPassages(db, this.passages.dir);
      return report;
    });
  }
  indexCitedPassages(sourcesDir: string | undefined) {
    this.passages = { dir: sourcesDir };
    return this.run((db) => indexCitedPassages(db, sourcesDir));
  }

  // Live updates and budgets
  async watchChanges(watcher: ChangeWatcher) {
    const store = await this.opening;
    this.changeListener ??= new ChangeListener(store);
    return guardPostgres(() => this.changeListener!.watch(watcher));
  }
  sharedPointsBudget(pointsPerMinute: number) {
    // Read-only sessions cannot write `rate_budgets`: each such process keeps its budgets itself.
    if (this.readOnly) return undefined;
    let budget: ReturnType<typeof databasePointsBudget> | undefined;
    return {
      spend: async (client: string, points: number) => {
        // Not yet open, or failed to open: the request meets that fault itself (see databasePointsBudget).
        const store = await this.opening.catch(() => undefined);
        if (!store) return undefined;
        budget ??= databasePointsBudget(store.db, pointsPerMinute);
        return budget.spend(client, points);
      },
    };
  }

  // Storage
  pendingMigrations() {
    return this.run((db) => pendingPostgresMigrations(db));
  }
  async checkStorage(): Promise<StorageStatus> {
    const mode = this.readOnly ? 'read-only' : 'read-write';
    try {
      const { db } = await this.opening;
      const readable = { ok: true, detail: 'PostgreSQL answered' };
      // Read-only by design: writes are refused on purpose, so there is nothing to check.
      if (this.readOnly) return { mode, readable, writable: null };
      // A hot standby, or a server set to refuse writes, answers reads but no write.
      return {
        mode,
        readable,
        writable: (await refusesWrites(db))
          ? {
              ok: false,
              detail:
                'PostgreSQL refuses writes here (a standby, or default_transaction_read_only): set READ_ONLY=true',
            }
          : { ok: true, detail: 'PostgreSQL accepts writes' },
      };
    } catch (error) {
      const storage = toPostgresStorageError(error);
      // The code only: the fault's detail names hosts and ports, and this answer is public.
      const failed = { ok: false, detail: `PostgreSQL did not answer (${storage?.code ?? 'an unexpected error'})` };
      return { mode, readable: failed, writable: this.readOnly ? null : failed };
    }
  }
  storageErrorOf(error: unknown): StorageError | undefined {
    const storage = toPostgresStorageError(error);
    if (!this.readOnly || storage?.code !== 'STORAGE_READ_ONLY' || storage.message === READ_ONLY_MODE_MESSAGE)
      return storage;
    return new StorageError(storage.code, storage.detail, {
      cause: storage.cause,
      remedy: 'this server was started with READ_ONLY=true: send writes to a server without it, on the primary',
      message: READ_ONLY_MODE_MESSAGE,
    });
  }
  databaseSizeBytes() {
    return this.run(async (db) => {
      const { rows } = await db.execute<{ bytes: string }>(sql`select pg_database_size(current_database()) as bytes`);
      return Number(rows[0]?.bytes ?? 0);
    });
  }
  observeStatements(observer: StatementObserver) {
    this.statementObservers.add(observer);
    return () => {
      this.statementObservers.delete(observer);
    };
  }
  withStatementScope(scope: object): BilateralStore {
    return scopedView(this, inStatementScope, scope);
  }
  async close() {
    await this.changeListener?.close();
    await (await this.opening.catch(() => undefined))?.close();
  }
}

/**
 * A BilateralStore over a PostgreSQL store being opened (`openPostgresStore`, `openPgliteStore`);
 * `readOnly` as that store was asked to open.
 */
export const postgresStore = (opening: Promise<PostgresStore>, { readOnly = false } = {}): BilateralStore =>
  new PostgresBilateralStore(opening, readOnly);

/**
 * The one way into the database for the API, the server and the CLI: every read and write they
 * need, each answering a Promise (exports an async iterable of batches), with the store's own types
 * in and out. Each database has one implementation (SQLite: `sqlite/sqlite-store.ts`); callers never
 * learn which one they hold. The semantics of each method are those of the query function of the
 * same name in `queries/` and `curation/`, which the SQLite implementation wraps.
 */

import type { ApiKey } from '../curation/keys.ts';
import type { MergedActors, MergeRequest } from '../curation/merge-actors.ts';
import type { RevisionRow } from '../curation/revisions.ts';
import type { Editor, SavedRecord, SaveRequest } from '../curation/save-record.ts';
import type { StatementObserver } from '../db/statement-timing.ts';
import type { StorageError } from '../db/storage-error.ts';
import type { StorageStatus } from '../db/storage-health.ts';
import type { ChangeWatcher } from '../live/change-feed.ts';
import type { BoundedCount } from '../paging/event-counts.ts';
import type { ActorFilter } from '../queries/actors.ts';
import type { EventFilter, EventOrder, EventRow } from '../queries/events.ts';
import type { ExportedActor, ExportedEvent } from '../queries/export.ts';
import type { FigureFilter } from '../queries/figures.ts';
import type { EventPosition, NetworkEdge, NetworkNode, NetworkOptions, Relationship } from '../queries/network.ts';
import type { Page, PageArgs } from '../queries/pagination.ts';
import type {
  ActorRow,
  AliasRow,
  CitationRow,
  CitationSubject,
  CitationWithSource,
  ClaimRow,
  EventLinkRow,
  FigureActorRow,
  FigureRow,
  OfficeRow,
  ParticipantWithActor,
  SectorRow,
  SourceRow,
} from '../queries/related.ts';
import type { BucketKey, CooperationYear, StatsBucket, StatsDimension } from '../queries/stats.ts';
import type { SeedRenames } from '../records/export-seeds.ts';
import type { AllRecords } from '../records/read-records.ts';
import type { SearchHit, SearchType } from '../search/request.ts';
import type { SeedReport } from '../seed-loader/index.ts';
import type { EntityType, KeyScope, RevisionOperation } from '../vocabulary/curation-terms.ts';

/** Events: pages, counts, lookups by slug and by ID, drill-downs and the export stream. */
export interface EventReads {
  listEvents(
    filter: EventFilter | null | undefined,
    order: readonly EventOrder[],
    page: PageArgs,
  ): Promise<Page<EventRow>>;
  /** Every event `filter` matches: from the kept totals when one counts exactly those, else counted. */
  countEvents(filter: EventFilter | null | undefined): Promise<number>;
  /**
   * The events `filter` matches, exact from the kept totals when one counts exactly those, else
   * counted up to `limit` (`EVENT_COUNT_LIMIT` for a list's count): past it `limited` and `count` = `limit`.
   */
  countEventsUpTo(filter: EventFilter | null | undefined, limit: number): Promise<BoundedCount>;
  eventBySlug(slug: string): Promise<EventRow | undefined>;
  /** Rows of the IDs that exist, in no particular order. */
  eventsByIds(ids: readonly number[]): Promise<EventRow[]>;
  /** A page of one statistics bucket's events (the keys of a `StatsBucket` or a `CooperationYear`). */
  listBucketEvents(
    filter: EventFilter | null | undefined,
    keys: readonly BucketKey[],
    order: readonly EventOrder[],
    page: PageArgs,
  ): Promise<Page<EventRow>>;
  /** A page of the matching events every one of `actorIds` took part in; `since` as a limited network's `eventsSince`. */
  listSharedEvents(
    filter: EventFilter | null | undefined,
    actorIds: readonly number[],
    order: readonly EventOrder[],
    page: PageArgs,
    since?: EventPosition | null,
  ): Promise<Page<EventRow>>;
  /**
   * The matching events in date order, in batches of at most `batchSize`, read a batch at a time.
   * A filter that cannot run rejects the first `next()`, before any row.
   */
  exportEvents(filter: EventFilter | null | undefined, batchSize?: number): AsyncIterable<readonly ExportedEvent[]>;
}

/** Actors, sources and figures: pages, counts, lookups; actors' export stream. */
export interface RecordReads {
  listActors(filter: ActorFilter | null | undefined, page: PageArgs): Promise<Page<ActorRow>>;
  countActors(filter: ActorFilter | null | undefined): Promise<number>;
  actorBySlug(slug: string): Promise<ActorRow | undefined>;
  actorsByIds(ids: readonly number[]): Promise<ActorRow[]>;
  /** Actors in ID order, in batches, like `exportEvents`. */
  exportActors(filter: ActorFilter | null | undefined, batchSize?: number): AsyncIterable<readonly ExportedActor[]>;
  listSources(page: PageArgs): Promise<Page<SourceRow>>;
  countSources(): Promise<number>;
  sourceBySlug(slug: string): Promise<SourceRow | undefined>;
  sourcesByIds(ids: readonly number[]): Promise<SourceRow[]>;
  listFigures(filter: FigureFilter | null | undefined, page: PageArgs): Promise<Page<FigureRow>>;
  countFigures(filter: FigureFilter | null | undefined): Promise<number>;
  figureBySlug(slug: string): Promise<FigureRow | undefined>;
  figuresByIds(ids: readonly number[]): Promise<FigureRow[]>;
}

/**
 * The batched lookups behind the API's loaders: all the rows of one level of a query, for many
 * parents, in one round trip. Rows come in no promised order across parents; within a parent, in
 * the order the field shows them (positions, then IDs).
 */
export interface RelatedLookups {
  /** Row IDs for slugs of one table; an actor merged away resolves to the actor it was merged into; unknown slugs are absent. */
  idsBySlugs(table: 'actors' | 'sources' | 'events', slugs: readonly string[]): Promise<Map<string, number>>;
  claimsByIds(ids: readonly number[]): Promise<ClaimRow[]>;
  officesByIds(ids: readonly number[]): Promise<OfficeRow[]>;
  /** Each participant with its actor joined in. */
  participantsByEventIds(eventIds: readonly number[]): Promise<ParticipantWithActor[]>;
  sectorsByEventIds(eventIds: readonly number[]): Promise<SectorRow[]>;
  claimsByEventIds(eventIds: readonly number[]): Promise<ClaimRow[]>;
  claimsByFigureIds(figureIds: readonly number[]): Promise<ClaimRow[]>;
  /** Links in both directions. */
  linksByEventIds(eventIds: readonly number[]): Promise<EventLinkRow[]>;
  aliasesByActorIds(actorIds: readonly number[]): Promise<AliasRow[]>;
  officesByHolderIds(actorIds: readonly number[]): Promise<OfficeRow[]>;
  actorsByPredecessorIds(actorIds: readonly number[]): Promise<ActorRow[]>;
  actorIdsByFigureIds(figureIds: readonly number[]): Promise<FigureActorRow[]>;
  /** Citations of many subjects of one kind, each with its source joined in. */
  citationsBySubjectIds(subject: CitationSubject, ids: readonly number[]): Promise<CitationWithSource[]>;
  /** Each actor's first `limit` neighbours, heaviest first (ties by the other actor's ID). */
  relationshipsByActorIds(actorIds: readonly number[], limit: number): Promise<Relationship[]>;
  /** How many other actors each actor shares a live event with; actors with none are absent. */
  relationshipCountsByActorIds(actorIds: readonly number[]): Promise<Map<number, number>>;
  /** Live events per actor; actors without one are absent. */
  eventCountsByActorIds(actorIds: readonly number[]): Promise<Map<number, number>>;
  citationCountsBySourceIds(sourceIds: readonly number[]): Promise<Map<number, number>>;
  /** One page per actor (every ID asked for has an entry). */
  eventPagesByActorIds(
    actorIds: readonly number[],
    order: readonly EventOrder[],
    page: PageArgs,
  ): Promise<Map<number, Page<EventRow>>>;
  /** One page per source, in paragraph order (every ID asked for has an entry). */
  citationPagesBySourceIds(sourceIds: readonly number[], page: PageArgs): Promise<Map<number, Page<CitationRow>>>;
}

/** A page of search hits; the costly parts are counted only when asked for. */
export interface SearchResults extends Page<SearchHit> {
  /** Every match, ranked or not, up to SEARCH_COUNT_LIMIT of each kind. */
  totalCount(): Promise<number>;
  /** True when some kind had more matches than SEARCH_RANKING_LIMIT, so only its newest were ranked. */
  rankingLimited(): Promise<boolean>;
}

/**
 * The co-participation network of the events matching one filter, read as each part is asked
 * for: parts nobody asks for are never counted.
 */
export interface ActorNetwork {
  /** Set when the filter matched more than the event limit: only the events from here on are counted. */
  readonly eventsSince: EventPosition | null;
  /** Actors in the whole network (in at least one counted event). */
  nodeCount(): Promise<number>;
  /** Pairs in the whole network with at least `minWeight` shared events. */
  edgeCount(): Promise<number>;
  /** The `first` most active actors, most active first (ties by actor ID). */
  nodes(first: number): Promise<NetworkNode[]>;
  /** The `first` heaviest pairs whose two actors are both among the `amongNodes` most active, heaviest first. */
  edges(first: number, amongNodes: number): Promise<NetworkEdge[]>;
}

/** Search, statistics and the network. */
export interface Insights {
  /** Full-text search; `rows` are the hits of the page (`Page<SearchHit>`). */
  search(query: string, types: readonly SearchType[] | null | undefined, page: PageArgs): Promise<SearchResults>;
  eventStats(
    filter: EventFilter | null | undefined,
    dimensions: readonly StatsDimension[],
  ): Promise<{ buckets: StatsBucket[]; totalCount: number }>;
  cooperationIndex(filter: EventFilter | null | undefined): Promise<CooperationYear[]>;
  readActorNetwork(filter: EventFilter | null | undefined, options?: NetworkOptions): Promise<ActorNetwork>;
}

/** The revision log. */
export interface RevisionReads {
  /** An entity's revisions, newest first. */
  revisionsOf(entityType: EntityType, entityId: number, limit: number): Promise<RevisionRow[]>;
  /** The newest revision (of the given operations, or any) made at or before `at`, an ISO timestamp. */
  revisionAsOf(
    entityType: EntityType,
    entityId: number,
    at: string,
    operations?: readonly RevisionOperation[],
  ): Promise<RevisionRow | undefined>;
  /** Revisions after the given revision ID, oldest first. */
  changesSince(afterRevisionId: number, limit: number): Promise<RevisionRow[]>;
  /** Every record in seed format, for `export-seeds`. */
  readAllRecords(): Promise<AllRecords>;
  /** Records renamed and actors merged away since the seed files were loaded, for `export-seeds`. */
  readSeedRenames(): Promise<SeedRenames>;
}

/** API keys: only SHA-256 hashes are stored. */
export interface KeyStore {
  /** A new key and its secret, which is never stored and cannot be shown again. */
  createApiKey(scope: KeyScope, label: string): Promise<{ key: ApiKey; secret: string }>;
  /** False when there is no such live key. */
  revokeApiKey(id: number): Promise<boolean>;
  listApiKeys(): Promise<ApiKey[]>;
  /** The live key with this secret, or null. */
  authenticateApiKey(secret: string): Promise<ApiKey | null>;
}

/**
 * Writes. Each is one transaction: all of it or none of it. A storage fault is thrown as
 * StorageError, input the caller can fix as CurationError. `change` and the seed files are read
 * inside the transaction, so they must not wait on anything.
 */
export interface Writes {
  saveRecord<T extends EntityType>(type: T, request: SaveRequest<T>, editor: Editor): Promise<SavedRecord>;
  mergeActors(request: MergeRequest, editor: Editor): Promise<MergedActors>;
  /** Validates every seed file, then writes them; see `loadSeeds` in `seed-loader/index.ts`. */
  loadSeeds(seedsDir: string): Promise<SeedReport>;
  /**
   * Indexes the text of each event's cited paragraphs, read from the documents in `sourcesDir`, with
   * the event's own text, so a search finds an event by a word only its passages hold; without a
   * directory takes any indexed passage out again. From then on this store indexes the passages of
   * what it writes (an event or a source, in the write's own transaction; the seeds after they load). Answers how many events
   * changed; see `plans/cited-passages.ts`.
   */
  indexCitedPassages(sourcesDir: string | undefined): Promise<number>;
}

/** Committed writes as they happen, for live updates (`eventChanged`). */
export interface ChangeFeed {
  /**
   * Calls `watcher` with every change committed from now on by any process writing this database,
   * in commit order, once each, never for a write rolled back, until the returned function is
   * called; resolves once it is listening. PostgreSQL carries the changes itself (a process that
   * loses its connection catches up when it reconnects); a SQLite store hears its own writes and,
   * when opened with a `changeRelay`, its sibling processes'.
   */
  watchChanges(watcher: ChangeWatcher): Promise<() => void>;
}

/** A points budget per client (`RATE_LIMIT_POINTS_PER_MINUTE`). */
export interface PointsBudget {
  /**
   * Spends `points` if the client has them; otherwise answers the seconds until it will. Rejects
   * with STORAGE_READ_ONLY when the database takes no writes (a hot standby), so cannot keep the
   * budget: the caller then keeps one itself rather than serve the client unlimited.
   */
  spend(client: string, points: number): Promise<{ retryAfter: number } | undefined>;
}

/** Budgets shared by every process that uses the database. */
export interface SharedBudgets {
  /**
   * One budget per client for every process on this database, kept in the database; undefined where
   * the database keeps none (SQLite, one machine; a store opened read-only, which may not write it),
   * so each process keeps its budgets in memory.
   */
  sharedPointsBudget(pointsPerMinute: number): PointsBudget | undefined;
}

/** What the server asks about the database itself. */
export interface StorageChecks {
  /** True when the store was opened read-only: every write fails with STORAGE_READ_ONLY. */
  readonly readOnly: boolean;
  /** The migrations this code ships that the database lacks, oldest first (none once a writable store has opened). */
  pendingMigrations(): Promise<string[]>;
  /** Readable, and writable unless read-only: for `/ready`. */
  checkStorage(): Promise<StorageStatus>;
  /** The storage fault behind `error` as this store words it (a read-only store's refusal says so), or undefined. */
  storageErrorOf(error: unknown): StorageError | undefined;
  /** Bytes the database takes in storage (for SQLite its file and write-ahead log; 0 in memory), for the metrics. */
  databaseSizeBytes(): Promise<number>;
  /**
   * Reports every SQL statement this store runs (its text, start as `performance.now()`, and
   * duration) to `observer` until the returned function is called: the metrics and traces.
   */
  observeStatements(observer: StatementObserver): () => void;
  /**
   * This store, with every statement its methods run (and the parts of their answers read later)
   * reported to the observers with `scope`: one view per request, for its statement count and spans.
   */
  withStatementScope(scope: object): BilateralStore;
  /** Closes the connection(s); the store answers nothing after. */
  close(): Promise<void>;
}

export interface BilateralStore
  extends EventReads,
    RecordReads,
    RelatedLookups,
    Insights,
    RevisionReads,
    KeyStore,
    Writes,
    ChangeFeed,
    SharedBudgets,
    StorageChecks {}

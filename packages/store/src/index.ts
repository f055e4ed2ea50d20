/**
 * @bilateral/store: everything that touches the database. The API, the server and the CLI reach it
 * through one interface, `BilateralStore` (every read and write, each a Promise), opened with
 * `openBilateralStore`; this entry exports that interface, its factories, and the types and
 * helpers that know no database. The SQLite query functions behind it are not exported: the
 * store's own tests import them by relative path.
 */

export { CurationError, USER_ERROR_CODES, type UserError, type UserErrorCode } from './curation/errors.ts';
export type { ApiKey } from './curation/keys.ts';
export type { MergedActors, MergeRequest } from './curation/merge-actors.ts';
export type { RevisionRow } from './curation/revisions.ts';
export type { Editor, Idempotency, SavedRecord, SaveRequest } from './curation/save-record.ts';
export {
  DATE_PRECISIONS,
  type DatePrecision,
  type FuzzyDate,
  FuzzyDateError,
  firstKnownDay,
  OPEN_END_DAY,
  OPEN_START_DAY,
  parseFuzzyDate,
} from './dates/fuzzy-date.ts';
export { DURABILITY_MODES, type Durability, type OpenStoreOptions } from './db/client.ts';
export { resolveDatabasePath, resolveFromInvocation } from './db/database-path.ts';
export { type StorageAccess, storageAccess } from './db/read-only.ts';
export type { StatementObserver } from './db/statement-timing.ts';
export {
  STORAGE_ERROR_CODES,
  StorageError,
  type StorageErrorCode,
  toStorageError,
} from './db/storage-error.ts';
export type { StorageCheck, StorageStatus } from './db/storage-health.ts';
export { QueryError, type QueryErrorCode } from './errors/query-error.ts';
export type {
  ActorNetwork,
  BilateralStore,
  ChangeFeed,
  EventReads,
  Insights,
  KeyStore,
  PointsBudget,
  RecordReads,
  RelatedLookups,
  RevisionReads,
  SearchResults,
  SharedBudgets,
  StorageChecks,
  Writes,
} from './interface/bilateral-store.ts';
export type { ChangeRelay, ChangeWatcher, CommittedChange } from './live/change-feed.ts';
export { DatabaseUrlError, type OpenBilateralStoreOptions, openBilateralStore } from './open-bilateral-store.ts';
export { type BoundedCount, EVENT_COUNT_LIMIT } from './paging/event-counts.ts';
export type { ActorFilter } from './queries/actors.ts';
export type { EventFilter, EventOrder, EventOrderField, EventRow } from './queries/events.ts';
export { EXPORT_BATCH_SIZE, type ExportedActor, type ExportedEvent } from './queries/export.ts';
export type { FigureFilter } from './queries/figures.ts';
export {
  DEFAULT_NETWORK_EDGES,
  DEFAULT_NETWORK_NODES,
  type EventPosition,
  MAX_NETWORK_EDGES,
  MAX_NETWORK_NODES,
  NETWORK_EVENT_LIMIT,
  type NetworkEdge,
  type NetworkNode,
  type NetworkOptions,
  type Relationship,
} from './queries/network.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageArgs } from './queries/pagination.ts';
export {
  type ActorRow,
  type AliasRow,
  type CitationRow,
  type CitationSubject,
  type CitationWithSource,
  type ClaimRow,
  type EventLinkRow,
  type FigureActorRow,
  type FigureRow,
  groupBy,
  type OfficeRow,
  type ParticipantRow,
  type ParticipantWithActor,
  type SectorRow,
  type SourceRow,
} from './queries/related.ts';
export {
  type BucketKey,
  type CooperationYear,
  GOLDSTEIN_MAPPING,
  STATS_DIMENSIONS,
  type StatsBucket,
  type StatsDimension,
} from './queries/stats.ts';
export { searchErrorFrom } from './queries/text-search.ts';
export type { AllRecords } from './records/read-records.ts';
export {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SEARCH_COUNT_LIMIT,
  SEARCH_RANKING_LIMIT,
  SEARCH_TYPES,
  type SearchHit,
  type SearchType,
} from './search/request.ts';
export { MAX_SEARCH_LENGTH, MAX_SEARCH_NESTING, MAX_SEARCH_TERMS } from './search/syntax.ts';
export { checkAgainstDocuments } from './seed/documents-check.ts';
export type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from './seed/format.ts';
export { formatProblem, type SeedProblem, SeedValidationError } from './seed/problems.ts';
export { validateSeeds } from './seed/validate.ts';
export type { SeedReport } from './seed-loader/index.ts';
export { paragraphText } from './sources/document-paragraphs.ts';
export { defaultSeedsDir, defaultSourcesDir, sourcesAvailable } from './sources/documents.ts';
export { type ParagraphStyle, splitParagraphs } from './sources/paragraphs.ts';
export { openSqliteStore } from './sqlite/sqlite-store.ts';
export * from './vocabulary/curation-terms.ts';
export {
  EVENT_KIND_VALUES,
  EVENT_KINDS,
  type EventKind,
  type EventKindCoding,
  PLOVER_CATEGORIES,
} from './vocabulary/event-kinds.ts';
export * from './vocabulary/terms.ts';

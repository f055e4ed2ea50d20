/**
 * @bilateral/store: everything that touches the database. The API depends on this package and
 * never on drizzle or SQL directly.
 */

export { CurationError, USER_ERROR_CODES, type UserError, type UserErrorCode } from './curation/errors.ts';
export { type ApiKey, authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './curation/keys.ts';
export { type MergedActors, type MergeRequest, mergeActors } from './curation/merge-actors.ts';
export { appendRevision, changesSince, type RevisionRow, revisionAsOf, revisionsOf } from './curation/revisions.ts';
export {
  type Editor,
  type Idempotency,
  type SavedRecord,
  type SaveRequest,
  saveRecord,
} from './curation/save-record.ts';
export {
  DATE_PRECISIONS,
  type DatePrecision,
  type FuzzyDate,
  FuzzyDateError,
  parseFuzzyDate,
} from './dates/fuzzy-date.ts';
export {
  closeStore,
  DURABILITY_MODES,
  type Durability,
  isReadOnly,
  type OpenStoreOptions,
  openStore,
  type Store,
} from './db/client.ts';
export { resolveDatabasePath, resolveFromInvocation } from './db/database-path.ts';
export { type StorageAccess, storageAccess } from './db/read-only.ts';
export {
  STORAGE_ERROR_CODES,
  StorageError,
  type StorageErrorCode,
  toStorageError,
} from './db/storage-error.ts';
export { checkStorage, type StorageCheck, type StorageStatus } from './db/storage-health.ts';
export { type BackupOptions, type BackupSummary, backupDatabase } from './maintenance/backup.ts';
export { BackupError, type BackupErrorCode } from './maintenance/backup-error.ts';
export type { DatabaseContents } from './maintenance/inspect.ts';
export { type RestoreSummary, restoreDatabase } from './maintenance/restore.ts';
export * from './queries/actors.ts';
export { QueryError, type QueryErrorCode } from './queries/errors.ts';
export * from './queries/events.ts';
export * from './queries/export.ts';
export * from './queries/figures.ts';
export * from './queries/network.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageArgs } from './queries/pagination.ts';
export * from './queries/related.ts';
export * from './queries/search.ts';
export * from './queries/sources.ts';
export * from './queries/stats.ts';
export { MAX_SEARCH_LENGTH, MAX_SEARCH_NESTING, MAX_SEARCH_TERMS, searchErrorFrom } from './queries/text-search.ts';
export { type ExportReport, exportSeeds, type RecordChanges } from './records/export-seeds.ts';
export {
  type AllRecords,
  type Reader,
  readActorRecord,
  readAllRecords,
  readEventRecord,
  readFigureRecord,
  readSourceRecord,
} from './records/read-records.ts';
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
export { loadSeeds, type SeedReport } from './seed-loader/index.ts';
export { defaultSeedsDir, defaultSourcesDir, sourcesAvailable } from './sources/documents.ts';
export { type ParagraphStyle, splitParagraphs } from './sources/paragraphs.ts';
export * from './vocabulary/curation-terms.ts';
export {
  EVENT_KIND_VALUES,
  EVENT_KINDS,
  type EventKind,
  type EventKindCoding,
  PLOVER_CATEGORIES,
} from './vocabulary/event-kinds.ts';
export * from './vocabulary/terms.ts';

/**
 * @bilateral/store: everything that touches the database. The API depends on this package and
 * never on drizzle or SQL directly.
 */
export { openStore, closeStore, type Store, type OpenStoreOptions } from './db/client.ts';
export { resolveDatabasePath, resolveFromInvocation } from './db/database-path.ts';
export { backupDatabase, type BackupOptions, type BackupSummary } from './maintenance/backup.ts';
export { restoreDatabase, type RestoreSummary } from './maintenance/restore.ts';
export { BackupError, type BackupErrorCode } from './maintenance/backup-error.ts';
export type { DatabaseContents } from './maintenance/inspect.ts';
export { loadSeeds, validateSeeds, SeedValidationError, formatProblem, type SeedProblem, type SeedReport } from './seed/index.ts';
export type { SourceRecord, ActorRecord, EventRecord, FigureRecord, ClaimRecord, CitationRecord } from './seed/format.ts';
export {
  readSourceRecord, readActorRecord, readEventRecord, readFigureRecord, readAllRecords, type Reader, type AllRecords,
} from './records/read-records.ts';
export { exportSeeds, type ExportReport, type RecordChanges } from './records/export-seeds.ts';
export { checkAgainstDocuments } from './seed/documents-check.ts';
export { defaultSeedsDir, defaultSourcesDir, sourcesAvailable } from './sources/documents.ts';
export { splitParagraphs, type ParagraphStyle } from './sources/paragraphs.ts';
export { parseFuzzyDate, FuzzyDateError, DATE_PRECISIONS, type FuzzyDate, type DatePrecision } from './dates/fuzzy-date.ts';
export { EVENT_KINDS, EVENT_KIND_VALUES, PLOVER_CATEGORIES, type EventKind, type EventKindCoding } from './vocabulary/event-kinds.ts';
export * from './vocabulary/terms.ts';
export { QueryError, type QueryErrorCode } from './queries/errors.ts';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type Page, type PageArgs } from './queries/pagination.ts';
export * from './queries/events.ts';
export * from './queries/actors.ts';
export * from './queries/sources.ts';
export * from './queries/figures.ts';
export * from './queries/related.ts';
export * from './queries/search.ts';
export * from './queries/stats.ts';
export * from './queries/network.ts';
export * from './queries/export.ts';
export { mergeActors, type MergeRequest, type MergedActors } from './curation/merge-actors.ts';
export { saveRecord, type Editor, type Idempotency, type SaveRequest, type SavedRecord } from './curation/save-record.ts';
export { CurationError, USER_ERROR_CODES, type UserError, type UserErrorCode } from './curation/errors.ts';
export { appendRevision, changesSince, revisionAsOf, revisionsOf, ENTITY_TYPES, REVISION_OPERATIONS, type EntityType, type RevisionOperation, type RevisionRow } from './curation/revisions.ts';
export { authenticateApiKey, createApiKey, isKeyScope, KEY_SCOPES, listApiKeys, revokeApiKey, scopeAllows, type ApiKey, type KeyScope } from './curation/keys.ts';

/**
 * Bilateral's store on PostgreSQL: the tables, opening a server or PGlite, storage faults, and the
 * copy from SQLite. Imports none of the SQLite store (db/, queries/, curation/, records/).
 */
export * from './client.ts';
export { COPIED_TABLES, CopyError, type CopyOptions, type CopyReport, copyFromSqlite } from './copy-from-sqlite.ts';
export * as postgresSchema from './schema.ts';
export { searchVector } from './schema.ts';
export { guardPostgres, toPostgresStorageError } from './storage-error.ts';
export { countedTotals, keptTotals, type Totals } from './totals.ts';

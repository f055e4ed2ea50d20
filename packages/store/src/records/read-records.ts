/**
 * Stored records read back in the seed format on SQLite: the plans of `plans/read-records.ts`, which
 * PostgreSQL runs too, answered by SQLite's statements. Revision history stores these as
 * before/after snapshots, and export writes them back to seed files.
 */
import type { Store } from '../db/client.ts';
import { type AllRecords, readAllRecords as readAllPlan, readRecord } from '../plans/read-records.ts';
import { runPlan } from '../plans/run.ts';
import type { ActorRecord, EventRecord, FigureRecord, SourceRecord } from '../seed/format.ts';
import { SqliteStatements } from './sqlite-statements.ts';
import type { Transaction } from './write-records.ts';

export type { AllRecords } from '../plans/read-records.ts';

/** A store or a transaction. */
export type Reader = Store | Transaction;

export const readSourceRecord = (db: Reader, sourceId: number): SourceRecord | null =>
  runPlan(readRecord('source', sourceId), new SqliteStatements(db));

export const readActorRecord = (db: Reader, actorId: number): ActorRecord | null =>
  runPlan(readRecord('actor', actorId), new SqliteStatements(db));

export const readEventRecord = (db: Reader, eventId: number): EventRecord | null =>
  runPlan(readRecord('event', eventId), new SqliteStatements(db));

export const readFigureRecord = (db: Reader, figureId: number): FigureRecord | null =>
  runPlan(readRecord('figure', figureId), new SqliteStatements(db));

/** Every record, ordered by ID; each table is read once. */
export const readAllRecords = (db: Reader): AllRecords => runPlan(readAllPlan(), new SqliteStatements(db));

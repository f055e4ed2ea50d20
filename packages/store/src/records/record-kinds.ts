/**
 * The four kinds of curated record, each with its table and the reader that turns a row back into
 * a seed-format record. The seed loader, its removal rules and the API's write path look kinds up
 * here rather than each keeping its own map.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { actors, events, figures, sources } from '../db/schema.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { type Reader, readActorRecord, readEventRecord, readFigureRecord, readSourceRecord } from './read-records.ts';

export type RecordTable = typeof sources | typeof actors | typeof events | typeof figures;

export const RECORD_KINDS = {
  source: { table: sources, read: readSourceRecord },
  actor: { table: actors, read: readActorRecord },
  event: { table: events, read: readEventRecord },
  figure: { table: figures, read: readFigureRecord },
} satisfies Record<EntityType, { table: RecordTable; read: (db: Reader, id: number) => unknown }>;

/** SHA-256 of a value's JSON: the seed hash of a record, or the fingerprint of a request. */
export const jsonHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Equal as stored: absent and undefined fields alike, key order ignored. */
export const sameRecord = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

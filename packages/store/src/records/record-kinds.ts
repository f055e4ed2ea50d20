/**
 * The four kinds of curated record, each with its table and the reader that turns a row back into
 * a seed-format record. The seed loader, its removal rules and the API's write path look kinds up
 * here rather than each keeping its own map.
 */
import { actors, events, figures, sources } from '../db/schema.ts';

export { jsonHash, sameRecord } from '../seed/record-hash.ts';

import type { EntityType } from '../vocabulary/curation-terms.ts';
import { type Reader, readActorRecord, readEventRecord, readFigureRecord, readSourceRecord } from './read-records.ts';

export type RecordTable = typeof sources | typeof actors | typeof events | typeof figures;

export const RECORD_KINDS = {
  source: { table: sources, read: readSourceRecord },
  actor: { table: actors, read: readActorRecord },
  event: { table: events, read: readEventRecord },
  figure: { table: figures, read: readFigureRecord },
} satisfies Record<EntityType, { table: RecordTable; read: (db: Reader, id: number) => unknown }>;

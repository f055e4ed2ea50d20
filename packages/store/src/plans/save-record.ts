/**
 * The one way the API writes a curated record, on either database. In the caller's transaction it
 * reads the record as it stands, applies the caller's change, validates the result with the same
 * rules as the seed files (`seed/write-rules.ts`), writes it, bumps its version and appends a
 * revision; a retry with the same idempotency key gets the first result back. Any failure rolls all
 * of it back, so a rejected write changes nothing.
 */
import { CurationError, type UserError } from '../errors/curation-error.ts';
import type { SlugResolver } from '../seed/record-columns.ts';
import { jsonHash, sameRecord } from '../seed/record-hash.ts';
import {
  answeredErrors,
  checkIdempotencyKey,
  idempotencyKeyReusedError,
  type LookupAnswers,
  lookupsOf,
  notFoundError,
  parseRecord,
  type RecordOf,
  singleRecordDataset,
  staleVersionError,
  takenError,
  uniqueFields,
} from '../seed/write-rules.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';
import { readRecord } from './read-records.ts';
import { db, type Plan } from './run.ts';
import type { ReferencedIds } from './statements.ts';
import {
  clearActorChildren,
  writeActorChildren,
  writeEventChildren,
  writeEventLinks,
  writeFigureChildren,
} from './write-rows.ts';

/** Who is writing: the API key's ID, recorded in each revision. */
export interface Editor {
  keyId: number;
}

export interface Idempotency {
  key: string;
  /** Names the mutation, so one key cannot be replayed against another mutation. */
  operation: string;
  /** The mutation's input; a retry must send the same. */
  input: unknown;
}

export interface SaveRequest<T extends EntityType> {
  /** The record to change, by ID; absent to create one. */
  id?: number;
  /** The version the caller last read; the write fails with STALE_VERSION if the record has moved on. */
  expectedVersion?: number | null;
  operation: RevisionOperation;
  /** Builds the new record from the current one (null when creating). Throw CurationError for input it rejects. */
  change: (current: RecordOf[T] | null) => unknown;
  /** Why the change was made, kept in the revision. */
  reason?: string;
  idempotency?: Idempotency;
}

export interface SavedRecord {
  id: number;
  version: number;
  /** True when an idempotent retry returned the result of the first attempt without writing again. */
  replayed: boolean;
  /** True when the change left the record as it was, so no version or revision was written. */
  unchanged?: boolean;
}

/** The record's ID and version after a write. */
export type Written = Omit<SavedRecord, 'replayed'>;

export function* saveRecord<T extends EntityType>(type: T, request: SaveRequest<T>, editor: Editor): Plan<SavedRecord> {
  return yield* idempotently(editor, request.idempotency, writeRecord(type, request, editor));
}

/**
 * Runs a write once per idempotency key: a retry with the same key and input returns the first
 * result; the same key with other input is refused.
 */
export function* idempotently<R extends Written>(
  editor: Editor,
  idempotency: Idempotency | undefined,
  write: Plan<R>,
): Plan<R & { replayed: boolean }> {
  if (idempotency) {
    checkIdempotencyKey(idempotency.key);
    const stored = yield* db.findIdempotencyKey(editor.keyId, idempotency.key);
    if (stored) {
      if (stored.operation !== idempotency.operation || stored.requestHash !== jsonHash(idempotency.input))
        throw idempotencyKeyReusedError(stored.operation);
      return { ...(JSON.parse(stored.result) as R), replayed: true };
    }
  }
  const result = yield* write;
  if (idempotency)
    yield* db.rememberIdempotencyKey({
      keyId: editor.keyId,
      idempotencyKey: idempotency.key,
      operation: idempotency.operation,
      requestHash: jsonHash(idempotency.input),
      result: JSON.stringify({ id: result.id, version: result.version }),
      createdAt: new Date().toISOString(),
    });
  return { ...result, replayed: false };
}

/** saveRecord's write without idempotency, for writes that change several records at once. */
export function* writeRecord<T extends EntityType>(
  type: T,
  request: Omit<SaveRequest<T>, 'idempotency'>,
  editor: Editor,
): Plan<Written> {
  const current = request.id === undefined ? undefined : yield* db.lockRecord(type, request.id);
  if (request.id !== undefined && !current) throw notFoundError(type);
  if (current && request.expectedVersion != null && request.expectedVersion !== current.version)
    throw staleVersionError(type, current.version, request.expectedVersion);

  const before = current ? yield* readRecord(type, current.id) : null;
  const { record, found } = yield* validate(type, request.change(before), current?.id);
  // A change that leaves the record as it was is not a new version: nothing to record or announce.
  if (current && sameRecord(before, record)) return { id: current.id, version: current.version, unchanged: true };

  const version = current ? current.version + 1 : 1;
  if (current) yield* db.updateRecordRow(type, current.id, record, { version });
  const id = current?.id ?? (yield* db.insertRecordRow(type, record, { version }));
  yield* writeChildren(type, resolver(found, type, record.slug, id), id, record);

  yield* db.appendRevision({
    entityType: type,
    entityId: id,
    entitySlug: record.slug,
    version,
    operation: request.operation,
    keyId: editor.keyId,
    before,
    after: record,
    reason: request.reason,
  });
  return { id, version };
}

function* writeChildren<T extends EntityType>(type: T, ids: SlugResolver, id: number, record: RecordOf[T]): Plan<void> {
  switch (type) {
    case 'event':
      yield* writeEventChildren(ids, id, record as RecordOf['event']);
      yield* writeEventLinks(ids, id, record as RecordOf['event']);
      return;
    case 'actor':
      yield* clearActorChildren([id]);
      yield* writeActorChildren(ids, id, record as RecordOf['actor']);
      return;
    case 'figure':
      yield* writeFigureChildren(ids, id, record as RecordOf['figure']);
  }
}

/** The IDs the record refers to, found while validating; the record's own slug is its own row. */
function resolver(found: ReferencedIds, type: EntityType, slug: string, id: number): SlugResolver {
  const lookup = (ids: ReadonlyMap<string, number>, kind: EntityType) => (wanted: string) => {
    const found = ids.get(wanted) ?? (kind === type && wanted === slug ? id : undefined);
    if (found === undefined)
      throw new Error(`no ${kind} has the slug "${wanted}"; references must be validated before writing`);
    return found;
  };
  return {
    actor: lookup(found.actor, 'actor'),
    source: lookup(found.source, 'source'),
    event: lookup(found.event, 'event'),
  };
}

/** Checks a candidate record's shape, then its references against what the store holds; answers the IDs it refers to. */
function* validate<T extends EntityType>(
  type: T,
  candidate: unknown,
  currentId: number | undefined,
): Plan<{ record: RecordOf[T]; found: ReferencedIds }> {
  const record = parseRecord(type, candidate);
  const errors: UserError[] = [];
  for (const field of uniqueFields(type)) {
    const value = (record as { slug: string; file?: string })[field]!;
    if (yield* db.valueTaken(type, field, value, currentId)) errors.push(takenError(type, field, value));
  }
  const dataset = singleRecordDataset(type, record);
  const { answers, ids } = yield* db.lookUp(lookupsOf(dataset), type === 'actor' ? currentId : undefined);
  errors.push(...answeredErrors(dataset, withOwnSlug(answers, type, record)));
  if (errors.length) throw new CurationError(errors);
  return { record, found: ids };
}

/** The record's own slug counts as existing: an event may not link to itself, but the rule saying so needs the slug known. */
function withOwnSlug<T extends EntityType>(answers: LookupAnswers, type: T, record: RecordOf[T]): LookupAnswers {
  switch (type) {
    case 'source': {
      const source = record as RecordOf['source'];
      return {
        ...answers,
        sources: new Map([...answers.sources, [source.slug, { file: source.file, style: source.paragraphs }]]),
      };
    }
    case 'actor':
      return { ...answers, actors: new Set([...answers.actors, record.slug]) };
    case 'event':
      return { ...answers, events: new Set([...answers.events, record.slug]) };
    default:
      return { ...answers, figures: new Set([...answers.figures, record.slug]) };
  }
}

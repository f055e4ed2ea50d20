/**
 * The one way the API writes a curated record. In a single IMMEDIATE transaction it reads the
 * record as it stands, applies the caller's change, validates the result with the same rules as
 * the seed files, writes it, bumps its version and appends a revision. Any failure rolls all of
 * it back, so a rejected write changes nothing.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Store } from '../db/client.ts';
import { actorAliases, actors, events, figures, idempotencyKeys, sources } from '../db/schema.ts';
import { guardStorage } from '../db/storage-error.ts';
import { jsonHash, RECORD_KINDS, type RecordTable, sameRecord } from '../records/record-kinds.ts';
import { RECORD_ROWS, type RecordOf } from '../records/record-rows.ts';
import {
  clearActorChildren,
  databaseResolver,
  type Transaction,
  writeActorChildren,
  writeEventChildren,
  writeEventLinks,
  writeFigureChildren,
} from '../records/write-records.ts';
import { actorRecord, eventRecord, figureRecord, RECORD_PARSE_OPTIONS, sourceRecord } from '../seed/format.ts';
import { checkReferences, fieldPath, type KnownRecords, type SeedDataset } from '../seed/validate.ts';
import { codePointName, FORBIDDEN_CHARACTER } from '../text/control-characters.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';
import { checkDocuments } from './document-checks.ts';
import { CurationError, type UserError } from './errors.ts';
import { appendRevision } from './revisions.ts';

/** What the write path needs of one kind of record, typed by the kind so a generic caller needs no cast. */
interface Entity<Type extends EntityType> {
  table: RecordTable;
  read: (db: Transaction, id: number) => RecordOf[Type] | null;
  schema: z.ZodType<RecordOf[Type]>;
  datasetKey: 'events' | 'actors' | 'sources' | 'figures';
  writeChildren: (tx: Transaction, id: number, record: RecordOf[Type]) => void;
}

const ENTITIES: { [Type in EntityType]: Entity<Type> } = {
  event: {
    ...RECORD_KINDS.event,
    schema: eventRecord,
    datasetKey: 'events',
    writeChildren: (tx, id, record) => {
      const ids = databaseResolver(tx);
      writeEventChildren(tx, ids, id, record);
      writeEventLinks(tx, ids, id, record);
    },
  },
  actor: {
    ...RECORD_KINDS.actor,
    schema: actorRecord,
    datasetKey: 'actors',
    writeChildren: (tx, id, record) => {
      clearActorChildren(tx, [id]);
      writeActorChildren(tx, databaseResolver(tx), id, record);
    },
  },
  source: {
    ...RECORD_KINDS.source,
    schema: sourceRecord,
    datasetKey: 'sources',
    writeChildren: () => {},
  },
  figure: {
    ...RECORD_KINDS.figure,
    schema: figureRecord,
    datasetKey: 'figures',
    writeChildren: (tx, id, record) => writeFigureChildren(tx, databaseResolver(tx), id, record),
  },
};

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

export function saveRecord<T extends EntityType>(
  store: Store,
  type: T,
  request: SaveRequest<T>,
  editor: Editor,
): SavedRecord {
  return guardStorage(store, () =>
    store.transaction(
      (tx) => idempotently(tx, editor, request.idempotency, () => writeRecord(tx, type, request, editor)),
      { behavior: 'immediate' },
    ),
  );
}

/** The record's ID and version after a write. */
export type Written = Omit<SavedRecord, 'replayed'>;

/**
 * Runs a write once per idempotency key: a retry with the same key and input returns the first
 * result; the same key with other input is refused. Call inside the write's transaction.
 */
export function idempotently<R extends Written>(
  tx: Transaction,
  editor: Editor,
  idempotency: Idempotency | undefined,
  write: () => R,
): R & { replayed: boolean } {
  if (idempotency) checkIdempotencyKey(idempotency.key);
  const replay = idempotency && findReplay(tx, editor, idempotency);
  if (replay) return { ...(replay as R), replayed: true };
  const result = write();
  if (idempotency) rememberResult(tx, editor, idempotency, { id: result.id, version: result.version });
  return { ...result, replayed: false };
}

/** saveRecord's write without its transaction, for writes that change several records at once. */
export function writeRecord<T extends EntityType>(
  tx: Transaction,
  type: T,
  request: Omit<SaveRequest<T>, 'idempotency'>,
  editor: Editor,
): Written {
  const entity = ENTITIES[type];
  const table: RecordTable = entity.table;
  const current =
    request.id === undefined
      ? undefined
      : tx
          .select({ id: table.id, slug: table.slug, version: table.version })
          .from(table)
          .where(eq(table.id, request.id))
          .get();
  if (request.id !== undefined && !current)
    throw new CurationError([
      { field: 'id', message: `No ${type} has this ID; it may have been merged or never existed.`, code: 'NOT_FOUND' },
    ]);
  if (current && request.expectedVersion != null && request.expectedVersion !== current.version) {
    throw new CurationError([
      {
        field: 'expectedVersion',
        message: `The ${type} is at version ${current.version}, not ${request.expectedVersion}: someone changed it since you read it. Read it again, reapply your change and send the new version.`,
        code: 'STALE_VERSION',
      },
    ]);
  }

  const before = current ? entity.read(tx, current.id) : null;
  const record = validate(tx, type, request.change(before), current?.id);
  // A change that leaves the record as it was is not a new version: nothing to record or announce.
  if (current && sameRecord(before, record)) return { id: current.id, version: current.version, unchanged: true };

  const version = current ? current.version + 1 : 1;
  const rows = RECORD_ROWS[type];
  if (current) rows.update(tx, current.id, record, { version });
  const id = current?.id ?? rows.insert(tx, record, { version });
  entity.writeChildren(tx, id, record);

  appendRevision(tx, {
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

/** Checks a candidate record's shape, then its references against what the store holds. */
function validate<T extends EntityType>(
  tx: Transaction,
  type: T,
  candidate: unknown,
  currentId: number | undefined,
): RecordOf[T] {
  const entity = ENTITIES[type];
  const parsed = entity.schema.safeParse(candidate, RECORD_PARSE_OPTIONS);
  if (!parsed.success) {
    throw new CurationError(
      parsed.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message, code: 'INVALID' })),
    );
  }
  const record = parsed.data;
  const errors: UserError[] = [];
  const table = entity.table as typeof events;
  // A source's file is unique too: two sources for one document would split its citations.
  for (const field of type === 'source' ? (['slug', 'file'] as const) : (['slug'] as const)) {
    const value = (record as { slug: string; file?: string })[field]!;
    const taken = tx
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq((table as unknown as typeof sources)[field], value),
          currentId === undefined ? undefined : ne(table.id, currentId),
        ),
      )
      .get();
    if (taken)
      errors.push({
        field,
        message: `Another ${type} already has the ${field} "${value}"; choose another.`,
        code: 'TAKEN',
      });
  }

  const dataset: SeedDataset = { sources: [], actors: [], events: [], figures: [], coverage: [] };
  (dataset[entity.datasetKey] as { file: string; label: string; record: unknown }[]).push({
    file: 'input',
    label: `${type} "${record.slug}"`,
    record,
  });
  const problems: Parameters<typeof checkReferences>[2] = [];
  checkReferences(dataset, knownInStore(tx, type === 'actor' ? currentId : undefined, type, record.slug), problems);
  errors.push(
    ...problems.map((problem) => ({
      field: problem.field,
      message: problem.message,
      code: problem.code === 'UNKNOWN_REFERENCE' ? ('NOT_FOUND' as const) : ('INVALID' as const),
    })),
  );
  errors.push(...checkDocuments(tx, dataset));
  if (errors.length) throw new CurationError(errors);
  return record;
}

/**
 * What a record may refer to, answered by indexed lookups so a write costs the same however big
 * the store is. The record's own slug counts as existing (an event may not link to itself, but
 * the rule saying so needs the slug known); an edited actor's own names are not "taken".
 */
function knownInStore(
  tx: Transaction,
  editedActorId: number | undefined,
  type: EntityType,
  slug: string,
): KnownRecords {
  const lookup = (table: RecordTable, own: boolean) => ({
    has: (wanted: string) =>
      (own && wanted === slug) ||
      tx.select({ id: table.id }).from(table).where(eq(table.slug, wanted)).get() !== undefined,
  });
  const notEdited = (column: typeof actors.id | typeof actorAliases.actorId) =>
    editedActorId === undefined ? undefined : ne(column, editedActorId);
  return {
    sources: lookup(sources, type === 'source'),
    actors: lookup(actors, type === 'actor'),
    events: lookup(events, type === 'event'),
    figures: lookup(figures, type === 'figure'),
    actorNames: {
      get: (folded) =>
        tx
          .select({ slug: actors.slug })
          .from(actors)
          .where(and(eq(actors.nameFolded, folded), notEdited(actors.id)))
          .get()?.slug ??
        tx
          .select({ slug: actors.slug })
          .from(actorAliases)
          .innerJoin(actors, eq(actors.id, actorAliases.actorId))
          .where(and(eq(actorAliases.nameFolded, folded), notEdited(actorAliases.actorId)))
          .get()?.slug,
    },
  };
}

/** A UUID has 36 characters; 200 leaves room for any key scheme without storing whatever a caller sends. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function checkIdempotencyKey(key: string) {
  const forbidden = FORBIDDEN_CHARACTER.exec(key);
  const problem =
    key.length > MAX_IDEMPOTENCY_KEY_LENGTH
      ? `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters; got ${key.length}. A UUID (36 characters) is a good key.`
      : forbidden
        ? `must not contain control characters or lone surrogates (found ${codePointName(forbidden[0])}). A UUID is a good key.`
        : undefined;
  if (problem) throw new CurationError([{ field: 'idempotencyKey', message: problem, code: 'INVALID' }]);
}

function findReplay(tx: Transaction, editor: Editor, idempotency: Idempotency): Written | undefined {
  const stored = tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.keyId, editor.keyId), eq(idempotencyKeys.idempotencyKey, idempotency.key)))
    .get();
  if (!stored) return undefined;
  if (stored.operation !== idempotency.operation || stored.requestHash !== jsonHash(idempotency.input)) {
    throw new CurationError([
      {
        field: 'idempotencyKey',
        message: `This idempotency key was already used for a different request (${stored.operation}). Use a new key for a new change.`,
        code: 'IDEMPOTENCY_KEY_REUSED',
      },
    ]);
  }
  return JSON.parse(stored.result);
}

function rememberResult(tx: Transaction, editor: Editor, idempotency: Idempotency, result: Written) {
  tx.insert(idempotencyKeys)
    .values({
      keyId: editor.keyId,
      idempotencyKey: idempotency.key,
      operation: idempotency.operation,
      requestHash: jsonHash(idempotency.input),
      result: JSON.stringify(result),
      createdAt: new Date().toISOString(),
    })
    .run();
}

/**
 * `saveRecord` on PostgreSQL, with the semantics and user errors of `curation/save-record.ts`: in one
 * transaction it reads the record as it stands (its row locked `FOR UPDATE`, so no other writer
 * slips in between the version check and the write), applies the caller's change, validates the
 * result with the rules both databases share (`seed/write-rules.ts`), writes it, bumps its version
 * and appends a revision. Any failure rolls all of it back. A transaction PostgreSQL rolls back for
 * a deadlock or a serialization failure is run again, a bounded number of times, then reported BUSY.
 */
import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Editor, Idempotency, SavedRecord, SaveRequest, Written } from '../curation/save-record.ts';
import { CurationError, type UserError } from '../errors/curation-error.ts';
import { causes } from '../errors/storage-error.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actorAliases, actors, events, figures, idempotencyKeys, sources } from '../postgres/schema.ts';
import type { SlugResolver } from '../seed/record-columns.ts';
import { jsonHash, sameRecord } from '../seed/record-hash.ts';
import {
  answeredErrors,
  checkIdempotencyKey,
  idempotencyKeyReusedError,
  type LookupAnswers,
  type Lookups,
  lookupsOf,
  notFoundError,
  parseRecord,
  type RecordOf,
  type SourceDocument,
  singleRecordDataset,
  staleVersionError,
  takenError,
  uniqueFields,
} from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import {
  clearActorChildren,
  insertRecordRow,
  RECORD_TABLES,
  type RecordTable,
  updateRecordRow,
  writeActorChildren,
  writeEventChildren,
  writeEventLinks,
  writeFigureChildren,
} from './record-writes.ts';
import { appendRevision } from './revision-writes.ts';
import { readRecord } from './seed-format-reads.ts';

/** How many times a write is tried when PostgreSQL rolls it back for a conflict with another writer. */
export const WRITE_ATTEMPTS = 3;

/** Deadlock detected, serialization failure: PostgreSQL rolled the transaction back and it may simply be run again. */
const CONFLICTS = new Set(['40001', '40P01']);
const isConflict = (error: unknown) =>
  [...causes(error)].some((cause) => CONFLICTS.has((cause as { code?: unknown }).code as string));

/** Runs `write` in a transaction, again when PostgreSQL rolls it back for a conflict, at most WRITE_ATTEMPTS times. */
export async function inWriteTransaction<T>(db: PostgresDatabase, write: (tx: PostgresDatabase) => Promise<T>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(write);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isConflict(error)) throw error;
    }
  }
}

export function saveRecord<T extends EntityType>(
  db: PostgresDatabase,
  type: T,
  request: SaveRequest<T>,
  editor: Editor,
): Promise<SavedRecord> {
  return inWriteTransaction(db, (tx) =>
    idempotently(tx, editor, request.idempotency, () => writeRecord(tx, type, request, editor)),
  );
}

/**
 * Runs a write once per idempotency key, as on SQLite: a retry with the same key and input returns
 * the first result; the same key with other input is refused. Two requests with one key wait for
 * each other on an advisory lock of the key, so the second finds the first's result.
 */
export async function idempotently<R extends Written>(
  tx: PostgresDatabase,
  editor: Editor,
  idempotency: Idempotency | undefined,
  write: () => Promise<R>,
): Promise<R & { replayed: boolean }> {
  if (idempotency) {
    checkIdempotencyKey(idempotency.key);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${editor.keyId}:${idempotency.key}`}, 0))`);
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.keyId, editor.keyId), eq(idempotencyKeys.idempotencyKey, idempotency.key)));
    if (stored) {
      if (stored.operation !== idempotency.operation || stored.requestHash !== jsonHash(idempotency.input))
        throw idempotencyKeyReusedError(stored.operation);
      return { ...(JSON.parse(stored.result) as R), replayed: true };
    }
  }
  const result = await write();
  if (idempotency)
    await tx.insert(idempotencyKeys).values({
      keyId: editor.keyId,
      idempotencyKey: idempotency.key,
      operation: idempotency.operation,
      requestHash: jsonHash(idempotency.input),
      result: JSON.stringify({ id: result.id, version: result.version }),
      createdAt: new Date().toISOString(),
    });
  return { ...result, replayed: false };
}

/** saveRecord's write without its transaction, for writes that change several records at once. */
export async function writeRecord<T extends EntityType>(
  tx: PostgresDatabase,
  type: T,
  request: Omit<SaveRequest<T>, 'idempotency'>,
  editor: Editor,
): Promise<Written> {
  const table: RecordTable = RECORD_TABLES[type];
  const [current] =
    request.id === undefined
      ? []
      : await tx
          .select({ id: table.id, slug: table.slug, version: table.version })
          .from(table)
          .where(eq(table.id, request.id))
          .for('update');
  if (request.id !== undefined && !current) throw notFoundError(type);
  if (current && request.expectedVersion != null && request.expectedVersion !== current.version)
    throw staleVersionError(type, current.version, request.expectedVersion);

  const before = current ? await readRecord(tx, type, current.id) : null;
  const { record, ids } = await validate(tx, type, request.change(before), current?.id);
  // A change that leaves the record as it was is not a new version: nothing to record or announce.
  if (current && sameRecord(before, record)) return { id: current.id, version: current.version, unchanged: true };

  const version = current ? current.version + 1 : 1;
  if (current) await updateRecordRow(tx, type, current.id, record, { version });
  const id = current?.id ?? (await insertRecordRow(tx, type, record, { version }));
  await writeChildren(tx, type, ids, id, record);

  await appendRevision(tx, {
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

async function writeChildren<T extends EntityType>(
  tx: PostgresDatabase,
  type: T,
  ids: SlugResolver,
  id: number,
  record: RecordOf[T],
) {
  switch (type) {
    case 'event':
      await writeEventChildren(tx, ids, id, record as RecordOf['event']);
      await writeEventLinks(tx, ids, id, record as RecordOf['event']);
      return;
    case 'actor':
      await clearActorChildren(tx, [id]);
      await writeActorChildren(tx, ids, id, record as RecordOf['actor']);
      return;
    case 'figure':
      await writeFigureChildren(tx, ids, id, record as RecordOf['figure']);
  }
}

/** Checks a candidate record's shape, then its references against what the store holds; answers the IDs it refers to. */
async function validate<T extends EntityType>(
  tx: PostgresDatabase,
  type: T,
  candidate: unknown,
  currentId: number | undefined,
): Promise<{ record: RecordOf[T]; ids: SlugResolver }> {
  const record = parseRecord(type, candidate);
  const errors: UserError[] = [];
  const table = RECORD_TABLES[type] as typeof sources;
  for (const field of uniqueFields(type)) {
    const value = (record as { slug: string; file?: string })[field]!;
    const [taken] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table[field], value), currentId === undefined ? undefined : ne(table.id, currentId)))
      .limit(1);
    if (taken) errors.push(takenError(type, field, value));
  }
  const dataset = singleRecordDataset(type, record);
  const found = await lookUp(tx, lookupsOf(dataset), type === 'actor' ? currentId : undefined);
  // The record's own slug counts as existing: an event may not link to itself, but the rule saying so needs the slug known.
  const answers: LookupAnswers = {
    ...found.answers,
    ...(type === 'source' && {
      sources: new Map([...found.answers.sources, [record.slug, sourceDocumentOf(record as RecordOf['source'])]]),
    }),
    ...(type === 'actor' && { actors: new Set([...found.answers.actors, record.slug]) }),
    ...(type === 'event' && { events: new Set([...found.answers.events, record.slug]) }),
    ...(type === 'figure' && { figures: new Set([...found.answers.figures, record.slug]) }),
  };
  errors.push(...answeredErrors(dataset, answers));
  if (errors.length) throw new CurationError(errors);
  return { record, ids: found.ids };
}

const sourceDocumentOf = (record: RecordOf['source']): SourceDocument => ({
  file: record.file,
  style: record.paragraphs,
});

/** IDs by slug of one record table, for the slugs asked. */
async function idsOf(tx: PostgresDatabase, table: typeof actors | typeof events | typeof figures, slugs: Set<string>) {
  if (!slugs.size) return new Map<string, number>();
  const rows = await tx
    .select({ id: table.id, slug: table.slug })
    .from(table)
    .where(inArray(table.slug, [...slugs]));
  return new Map(rows.map((row) => [row.slug, row.id]));
}

/** What the rules asked, answered in one query per kind; the IDs of the referenced records come with it. */
async function lookUp(tx: PostgresDatabase, asked: Lookups, editedActorId: number | undefined) {
  // One transaction is one connection: its queries run one after another.
  const actorIds = await idsOf(tx, actors, asked.actors);
  const eventIds = await idsOf(tx, events, asked.events);
  const figureIds = await idsOf(tx, figures, asked.figures);
  const sourceRows = asked.sources.size
    ? await tx
        .select({ id: sources.id, slug: sources.slug, file: sources.file, style: sources.paragraphStyle })
        .from(sources)
        .where(inArray(sources.slug, [...asked.sources]))
    : [];
  const actorNames = new Map<string, string>();
  if (asked.actorNames.size) {
    const folded = [...asked.actorNames];
    const notEdited = (column: typeof actors.id | typeof actorAliases.actorId): SQL | undefined =>
      editedActorId === undefined ? undefined : ne(column, editedActorId);
    const byName = await tx
      .select({ folded: actors.nameFolded, slug: actors.slug })
      .from(actors)
      .where(and(inArray(actors.nameFolded, folded), notEdited(actors.id)))
      .orderBy(actors.id);
    const byAlias = await tx
      .select({ folded: actorAliases.nameFolded, slug: actors.slug })
      .from(actorAliases)
      .innerJoin(actors, eq(actors.id, actorAliases.actorId))
      .where(and(inArray(actorAliases.nameFolded, folded), notEdited(actorAliases.actorId)))
      .orderBy(actorAliases.id);
    // An actor's own name is found before another's alias, as SQLite's two lookups find them.
    for (const { folded: name, slug } of [...byAlias.reverse(), ...byName.reverse()]) actorNames.set(name, slug);
  }
  const sourceIds = new Map(sourceRows.map((row) => [row.slug, row.id]));
  const resolve = (ids: Map<string, number>, noun: string) => (slug: string) => {
    const id = ids.get(slug);
    if (id === undefined)
      throw new Error(`no ${noun} has the slug "${slug}"; references must be validated before writing`);
    return id;
  };
  return {
    answers: {
      sources: new Map(sourceRows.map((row) => [row.slug, { file: row.file, style: row.style }])),
      actors: new Set(actorIds.keys()),
      events: new Set(eventIds.keys()),
      figures: new Set(figureIds.keys()),
      actorNames,
    } satisfies LookupAnswers,
    ids: {
      actor: resolve(actorIds, 'actor'),
      source: resolve(sourceIds, 'source'),
      event: resolve(eventIds, 'event'),
    } satisfies SlugResolver,
  };
}

/**
 * `mergeActors` on PostgreSQL, as `curation/merge-actors.ts` does it on SQLite, in one transaction:
 * every record naming the merged actor rewritten through `writeRecord` (validated, versioned, a
 * `merge` revision each), the merged actor's names, offices and citations moved to the one it
 * merges into, its row removed and its slug remembered in `actor_merges`. The rules themselves are
 * `seed/merge-rules.ts`, shared with SQLite.
 */
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { MergedActors, MergeRequest } from '../curation/merge-actors.ts';
import type { Editor } from '../curation/save-record.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actorMerges, actors, claims, eventParticipants, figureActors, offices } from '../postgres/schema.ts';
import type { ActorRecord, EventRecord, FigureRecord } from '../seed/format.ts';
import { absorb, actorWithActor, checkMerge, eventWithActor, figureWithActor, type Swap } from '../seed/merge-rules.ts';
import type { RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { appendRevision } from './revision-writes.ts';
import { idempotently, inWriteTransaction, writeRecord } from './save-record.ts';
import { readRecord } from './seed-format-reads.ts';

export async function mergeActors(db: PostgresDatabase, request: MergeRequest, editor: Editor): Promise<MergedActors> {
  const result = await inWriteTransaction(db, (tx) =>
    idempotently(tx, editor, request.idempotency, () => merge(tx, request, editor)),
  );
  // A replay remembers only the ID and version of `into`.
  return { ...result, moved: result.replayed ? [] : result.moved };
}

async function merge(tx: PostgresDatabase, request: MergeRequest, editor: Editor) {
  const { from, into, because } = checkMerge(
    await findActor(tx, request.from),
    await findActor(tx, request.into),
    request.reason,
  );
  const swap: Swap = (slug) => (slug === from.slug ? into.slug : slug);
  const moved: MergedActors['moved'] = [];
  const rewrite = async <T extends EntityType>(
    entityType: T,
    ids: number[],
    change: (record: RecordOf[T]) => unknown,
  ) => {
    for (const id of ids) {
      const written = await writeRecord(
        tx,
        entityType,
        // An update (`id` given) always has a current record; only a create starts from null.
        { id, operation: 'merge', reason: because, change: (current) => change(current!) },
        editor,
      );
      moved.push({ entityType, ...written });
    }
  };
  await rewrite('event', await referringEvents(tx, from), (event: EventRecord) => eventWithActor(event, swap));
  await rewrite('figure', await referringFigures(tx, from.id), (figure: FigureRecord) => figureWithActor(figure, swap));
  await rewrite('actor', await referringActors(tx, from.id, into.id), (actor: ActorRecord) =>
    actorWithActor(actor, swap),
  );

  const absorbed = (await readRecord(tx, 'actor', from.id))!;
  await tx.delete(actors).where(eq(actors.id, from.id));
  await rememberMerge(tx, from, into.id);
  await appendRevision(tx, {
    entityType: 'actor',
    entityId: from.id,
    entitySlug: from.slug,
    version: from.version + 1,
    operation: 'merge',
    keyId: editor.keyId,
    before: absorbed,
    after: null,
    reason: because,
  });

  const written = await writeRecord(
    tx,
    'actor',
    {
      id: into.id,
      expectedVersion: request.expectedVersion,
      operation: 'merge',
      reason: because,
      change: (current) => absorb(current!, absorbed, swap),
    },
    editor,
  );
  return { ...written, moved };
}

/** So a reload of seed files that still hold `from` neither recreates it nor loses its references; earlier merges into `from` now point at `into` too. */
async function rememberMerge(tx: PostgresDatabase, from: { id: number; slug: string }, intoId: number) {
  await tx.update(actorMerges).set({ intoActorId: intoId }).where(eq(actorMerges.intoActorId, from.id));
  await tx
    .insert(actorMerges)
    .values({ fromSlug: from.slug, intoActorId: intoId, mergedAt: new Date().toISOString() })
    .onConflictDoUpdate({ target: actorMerges.fromSlug, set: { intoActorId: intoId } });
}

async function findActor(tx: PostgresDatabase, id: number) {
  const [row] = await tx
    .select({ id: actors.id, slug: actors.slug, version: actors.version })
    .from(actors)
    .where(eq(actors.id, id))
    .for('update');
  return row;
}

const distinct = (ids: number[]) => [...new Set(ids)];

async function referringEvents(tx: PostgresDatabase, actor: { id: number; slug: string }): Promise<number[]> {
  const asParticipant = await tx
    .select({ id: eventParticipants.eventId })
    .from(eventParticipants)
    .where(eq(eventParticipants.actorId, actor.id))
    .orderBy(eventParticipants.eventId);
  const asClaimed = await tx
    .select({ id: claims.eventId })
    .from(claims)
    .where(and(eq(claims.field, 'participant'), eq(claims.value, actor.slug), isNotNull(claims.eventId)))
    .orderBy(claims.id);
  return distinct([...asParticipant, ...asClaimed].map((row) => row.id!));
}

const referringFigures = async (tx: PostgresDatabase, actorId: number) =>
  (await tx.select({ id: figureActors.figureId }).from(figureActors).where(eq(figureActors.actorId, actorId))).map(
    (row) => row.id,
  );

/** Actors whose country, predecessor or office organisation is the merged actor; the two merged actors are handled apart. */
async function referringActors(tx: PostgresDatabase, fromId: number, intoId: number): Promise<number[]> {
  const byReference = await tx
    .select({ id: actors.id })
    .from(actors)
    .where(or(eq(actors.countryId, fromId), eq(actors.predecessorId, fromId)));
  const byOffice = await tx.select({ id: offices.holderId }).from(offices).where(eq(offices.organizationId, fromId));
  return distinct([...byReference, ...byOffice].map((row) => row.id)).filter((id) => id !== fromId && id !== intoId);
}

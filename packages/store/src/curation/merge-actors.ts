/**
 * Merges one actor into another, in a single IMMEDIATE transaction. Every record that refers to
 * the merged actor (events, figures, other actors) is rewritten through writeRecord, so it is
 * validated like any edit and gets its own `merge` revision and version: the change feed shows
 * every record the merge touched. The merged actor's names become aliases of the one it merges
 * into, its offices and citations move over, and its row is removed.
 */
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { actorMerges, actors, claims, eventParticipants, figureActors, offices } from '../db/schema.ts';
import { guardStorage } from '../db/storage-error.ts';
import { readActorRecord } from '../records/read-records.ts';
import type { RecordOf } from '../records/record-rows.ts';
import type { Transaction } from '../records/write-records.ts';
import type { ActorRecord, EventRecord, FigureRecord } from '../seed/format.ts';
import { absorb, actorWithActor, checkMerge, eventWithActor, figureWithActor, type Swap } from '../seed/merge-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { appendRevision } from './revisions.ts';
import {
  type Editor,
  type Idempotency,
  idempotently,
  type SavedRecord,
  type Written,
  writeRecord,
} from './save-record.ts';

export interface MergeRequest {
  /** The actor that disappears. */
  from: number;
  /** The actor that takes over its names and references. */
  into: number;
  /** The version of `into` the caller last read. */
  expectedVersion?: number | null;
  /** Why the two are one actor; kept in every revision the merge writes. */
  reason?: string;
  idempotency?: Idempotency;
}

export interface MergedActors extends SavedRecord {
  /** Records other than the two actors whose references moved; empty on a replay. */
  moved: (Written & { entityType: EntityType })[];
}

export function mergeActors(store: Store, request: MergeRequest, editor: Editor): MergedActors {
  const result = guardStorage(store, () =>
    store.transaction((tx) => idempotently(tx, editor, request.idempotency, () => merge(tx, request, editor)), {
      behavior: 'immediate',
    }),
  );
  // A replay remembers only the ID and version of `into`.
  return { ...result, moved: result.replayed ? [] : result.moved };
}

function merge(tx: Transaction, request: MergeRequest, editor: Editor) {
  const { from, into, because } = checkMerge(findActor(tx, request.from), findActor(tx, request.into), request.reason);

  const swap: Swap = (slug) => (slug === from.slug ? into.slug : slug);
  const moved: MergedActors['moved'] = [];
  const rewrite = <T extends EntityType>(entityType: T, ids: number[], change: (record: RecordOf[T]) => unknown) => {
    for (const id of ids) {
      const written = writeRecord(
        tx,
        entityType,
        // An update (`id` given) always has a current record; only a create starts from null.
        { id, operation: 'merge', reason: because, change: (current) => change(current!) },
        editor,
      );
      moved.push({ entityType, ...written });
    }
  };
  rewrite('event', referringEvents(tx, from), (event: EventRecord) => eventWithActor(event, swap));
  rewrite('figure', referringFigures(tx, from.id), (figure: FigureRecord) => figureWithActor(figure, swap));
  rewrite('actor', referringActors(tx, from.id, into.id), (actor: ActorRecord) => actorWithActor(actor, swap));

  const absorbed = readActorRecord(tx, from.id)!;
  tx.delete(actors).where(eq(actors.id, from.id)).run();
  rememberMerge(tx, from, into.id);
  appendRevision(tx, {
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

  const written = writeRecord(
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
function rememberMerge(tx: Transaction, from: { id: number; slug: string }, intoId: number) {
  tx.update(actorMerges).set({ intoActorId: intoId }).where(eq(actorMerges.intoActorId, from.id)).run();
  tx.insert(actorMerges)
    .values({ fromSlug: from.slug, intoActorId: intoId, mergedAt: new Date().toISOString() })
    .onConflictDoUpdate({ target: actorMerges.fromSlug, set: { intoActorId: intoId } })
    .run();
}

const findActor = (tx: Transaction, id: number) =>
  tx.select({ id: actors.id, slug: actors.slug, version: actors.version }).from(actors).where(eq(actors.id, id)).get();

const distinct = (ids: number[]) => [...new Set(ids)];

function referringEvents(tx: Transaction, actor: { id: number; slug: string }): number[] {
  const asParticipant = tx
    .select({ id: eventParticipants.eventId })
    .from(eventParticipants)
    .where(eq(eventParticipants.actorId, actor.id))
    .all();
  const asClaimed = tx
    .select({ id: claims.eventId })
    .from(claims)
    .where(and(eq(claims.field, 'participant'), eq(claims.value, actor.slug), isNotNull(claims.eventId)))
    .all();
  return distinct([...asParticipant, ...asClaimed].map((row) => row.id!));
}

const referringFigures = (tx: Transaction, actorId: number) =>
  tx
    .select({ id: figureActors.figureId })
    .from(figureActors)
    .where(eq(figureActors.actorId, actorId))
    .all()
    .map((row) => row.id);

/** Actors whose country, predecessor or office organisation is the merged actor; the two merged actors are handled apart. */
function referringActors(tx: Transaction, fromId: number, intoId: number): number[] {
  const byReference = tx
    .select({ id: actors.id })
    .from(actors)
    .where(or(eq(actors.countryId, fromId), eq(actors.predecessorId, fromId)))
    .all();
  const byOffice = tx.select({ id: offices.holderId }).from(offices).where(eq(offices.organizationId, fromId)).all();
  return distinct([...byReference, ...byOffice].map((row) => row.id)).filter((id) => id !== fromId && id !== intoId);
}

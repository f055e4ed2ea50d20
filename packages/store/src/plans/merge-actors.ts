/**
 * Merges one actor into another, on either database, in the caller's transaction. Every record that
 * refers to the merged actor (events, figures, other actors) is rewritten through writeRecord, so it
 * is validated like any edit and gets its own `merge` revision and version: the change feed shows
 * every record the merge touched. The merged actor's names become aliases of the one it merges
 * into, its offices and citations move over, its row is removed and its slug remembered. The rules
 * for each record are `seed/merge-rules.ts`.
 */
import type { ActorRecord, EventRecord, FigureRecord } from '../seed/format.ts';
import { absorb, actorWithActor, checkMerge, eventWithActor, figureWithActor, type Swap } from '../seed/merge-rules.ts';
import type { RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { readRecord } from './read-records.ts';
import { db, type Plan } from './run.ts';
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

export function* mergeActors(request: MergeRequest, editor: Editor): Plan<MergedActors> {
  const result = yield* idempotently(editor, request.idempotency, merge(request, editor));
  // A replay remembers only the ID and version of `into`.
  return { ...result, moved: result.replayed ? [] : result.moved };
}

const distinct = (ids: number[]) => [...new Set(ids)];

function* merge(request: MergeRequest, editor: Editor) {
  const { from, into, because } = checkMerge(
    yield* db.lockRecord('actor', request.from),
    yield* db.lockRecord('actor', request.into),
    request.reason,
  );
  const swap: Swap = (slug) => (slug === from.slug ? into.slug : slug);
  const moved: MergedActors['moved'] = [];
  function* rewrite<T extends EntityType>(entityType: T, ids: number[], change: (record: RecordOf[T]) => unknown) {
    for (const id of ids) {
      const written = yield* writeRecord(
        entityType,
        // An update (`id` given) always has a current record; only a create starts from null.
        { id, operation: 'merge', reason: because, change: (current) => change(current!) },
        editor,
      );
      moved.push({ entityType, ...written });
    }
  }
  const referringEvents = distinct([
    ...(yield* db.eventsByParticipant(from.id)),
    ...(yield* db.eventsByClaimedParticipant(from.slug)),
  ]);
  yield* rewrite('event', referringEvents, (event: EventRecord) => eventWithActor(event, swap));
  yield* rewrite('figure', yield* db.figuresNaming(from.id), (figure: FigureRecord) => figureWithActor(figure, swap));
  // Actors whose country, predecessor or office organisation is the merged actor; the two merged actors are handled apart.
  const referringActors = distinct([
    ...(yield* db.actorsReferring(from.id)),
    ...(yield* db.officeHoldersIn(from.id)),
  ]).filter((id) => id !== from.id && id !== into.id);
  yield* rewrite('actor', referringActors, (actor: ActorRecord) => actorWithActor(actor, swap));

  const absorbed = (yield* readRecord('actor', from.id))!;
  yield* db.deleteRecordRows('actor', [from.id]);
  // So a reload of seed files that still hold `from` neither recreates it nor loses its references; earlier merges into `from` now point at `into` too.
  yield* db.repointMerges(from.id, into.id);
  yield* db.rememberMerge(from.slug, into.id);
  yield* db.appendRevision({
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

  const written = yield* writeRecord(
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

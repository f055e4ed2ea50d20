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
import { groupBy } from '../queries/related.ts';
import { readActorRecord } from '../records/read-records.ts';
import type { RecordOf } from '../records/record-rows.ts';
import type { Transaction } from '../records/write-records.ts';
import {
  type ActorRecord,
  type CitationRecord,
  type ClaimRecord,
  type EventRecord,
  type FigureRecord,
  prose,
} from '../seed/format.ts';
import { foldName } from '../text/fold.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { CurationError, type UserError } from './errors.ts';
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

type Swap = (slug: string) => string;

function merge(tx: Transaction, request: MergeRequest, editor: Editor) {
  const from = findActor(tx, request.from);
  const into = findActor(tx, request.into);
  const errors: UserError[] = [];
  if (!from)
    errors.push({
      field: 'from',
      message: 'No actor has this ID; it may have been merged already.',
      code: 'NOT_FOUND',
    });
  if (!into)
    errors.push({
      field: 'into',
      message: 'No actor has this ID; it may have been merged into another.',
      code: 'NOT_FOUND',
    });
  if (from && into && from.id === into.id)
    errors.push({
      field: 'into',
      message: 'An actor cannot be merged into itself; give two different actors.',
      code: 'INVALID',
    });
  const reason = request.reason === undefined ? undefined : prose(1000, 'lines').safeParse(request.reason);
  if (reason && !reason.success)
    errors.push({ field: 'reason', message: reason.error.issues[0]!.message, code: 'INVALID' });
  if (errors.length || !from || !into) throw new CurationError(errors);
  const because = reason?.data;

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
  rewrite('figure', referringFigures(tx, from.id), (figure: FigureRecord) => ({
    ...figure,
    actors: uniqueBy(figure.actors.map(swap), (slug) => slug),
  }));
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

function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const citationKey = (citation: CitationRecord) => `${citation.source}#${citation.paragraph}`;

function eventWithActor(event: EventRecord, swap: Swap): EventRecord {
  return {
    ...event,
    participants: uniqueBy(
      event.participants.map((participant) => ({ ...participant, actor: swap(participant.actor) })),
      (participant) => `${participant.actor}/${participant.role}`,
    ),
    claims: joinSameClaims(
      event.claims.map((claim) => (claim.field === 'participant' ? { ...claim, value: swap(claim.value) } : claim)),
    ),
  };
}

/** Claims that named the two actors now name one: keep one claim with the support of both. */
function joinSameClaims(list: ClaimRecord[]): ClaimRecord[] {
  const groups = groupBy(list, (claim) => (claim.field === 'participant' ? `participant:${claim.value}` : claim));
  return [...groups.values()].map((group) =>
    group.reduce((kept, claim) => ({
      ...kept,
      preferred: kept.preferred || claim.preferred,
      reason: [kept, claim].find((one) => one.preferred)?.reason ?? kept.reason,
      citations: uniqueBy([...kept.citations, ...claim.citations], citationKey),
    })),
  );
}

function actorWithActor(actor: ActorRecord, swap: Swap): ActorRecord {
  const other = (slug: string | undefined) =>
    slug === undefined || swap(slug) === actor.slug ? undefined : swap(slug);
  return {
    ...actor,
    country: other(actor.country),
    predecessor: other(actor.predecessor),
    offices: actor.offices.map((office) => ({
      ...office,
      organization: office.organization && swap(office.organization),
    })),
  };
}

/** `into` after the merge: its own record with `from`'s names as aliases, and `from`'s offices, citations and missing references. */
function absorb(into: ActorRecord, from: ActorRecord, swap: Swap): ActorRecord {
  const own = actorWithActor(
    { ...into, country: into.country ?? from.country, predecessor: into.predecessor ?? from.predecessor },
    swap,
  );
  const names = [...into.aliases, { name: from.name, kind: 'variant' as const }, ...from.aliases];
  return {
    ...own,
    aliases: uniqueBy(names, (alias) => foldName(alias.name)).filter(
      (alias) => foldName(alias.name) !== foldName(into.name),
    ),
    offices: uniqueBy([...own.offices, ...actorWithActor(from, swap).offices], (office) => JSON.stringify(office)),
    citations: uniqueBy([...into.citations, ...from.citations], citationKey),
  };
}

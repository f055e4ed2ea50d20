/**
 * Which seeded records a reload may delete. A record that has left the seed files goes only while
 * the files are still its last word: it was not edited through the API since it was loaded, and no
 * record outside this load's rewrites refers to it (an event created through the API naming a
 * seeded actor, say). Anything else is kept and counted, so a reload never destroys an API edit.
 */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import {
  actors,
  citations,
  claims,
  eventLinks,
  eventParticipants,
  type events,
  figureActors,
  offices,
  revisions,
} from '../db/schema.ts';
import { RECORD_KINDS } from '../records/record-kinds.ts';
import type { Transaction } from '../records/write-records.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';

/** For each record type, the seed hash of every record in the files, by its slug there. */
export type HashesInFiles = Record<EntityType, ReadonlyMap<string, string>>;

interface Candidate {
  id: number;
  slug: string;
  version: number;
}

export function removalPlan(
  tx: Transaction,
  type: EntityType,
  inFiles: HashesInFiles,
): { remove: Candidate[]; keep: Candidate[] } {
  const table = RECORD_KINDS[type].table as typeof events;
  const seeded = tx
    .select({ id: table.id, slug: table.slug, seedSlug: table.seedSlug, version: table.version })
    .from(table)
    .where(isNotNull(table.seedHash))
    .all();
  const gone = seeded.filter((row) => !inFiles[type].has(row.seedSlug ?? row.slug) && !inFiles[type].has(row.slug));
  const remove: Candidate[] = [];
  const keep: Candidate[] = [];
  for (const row of gone)
    (editedSinceLoaded(tx, type, row.id) || referencedFromOutside(tx, type, row.id, inFiles) ? keep : remove).push(row);
  return { remove, keep };
}

function editedSinceLoaded(tx: Transaction, type: EntityType, id: number): boolean {
  const latest = tx
    .select({ operation: revisions.operation })
    .from(revisions)
    .where(and(eq(revisions.entityType, type), eq(revisions.entityId, id)))
    .orderBy(desc(revisions.version))
    .get();
  return latest !== undefined && latest.operation !== 'seed';
}

type Referrer = { type: EntityType; id: number };

/** True when a record this load will not rewrite refers to the record. */
function referencedFromOutside(tx: Transaction, type: EntityType, id: number, inFiles: HashesInFiles): boolean {
  return referrersOf(tx, type, id).some((referrer) => !rewrittenByThisLoad(tx, referrer, inFiles));
}

function rewrittenByThisLoad(tx: Transaction, { type, id }: Referrer, inFiles: HashesInFiles): boolean {
  const table = RECORD_KINDS[type].table as typeof events;
  const row = tx
    .select({ seedSlug: table.seedSlug, seedHash: table.seedHash })
    .from(table)
    .where(eq(table.id, id))
    .get();
  const hashInFiles = row?.seedSlug ? inFiles[type].get(row.seedSlug) : undefined;
  return hashInFiles !== undefined && hashInFiles !== row!.seedHash;
}

function referrersOf(tx: Transaction, type: EntityType, id: number): Referrer[] {
  const as = (referrerType: EntityType) => (rows: { id: number | null }[]) =>
    rows.flatMap((row) => (row.id === null ? [] : [{ type: referrerType, id: row.id }]));
  switch (type) {
    case 'event':
      return as('event')(
        tx.select({ id: eventLinks.eventId }).from(eventLinks).where(eq(eventLinks.targetEventId, id)).all(),
      );
    case 'actor':
      return [
        ...as('event')(
          tx
            .select({ id: eventParticipants.eventId })
            .from(eventParticipants)
            .where(eq(eventParticipants.actorId, id))
            .all(),
        ),
        ...as('figure')(
          tx.select({ id: figureActors.figureId }).from(figureActors).where(eq(figureActors.actorId, id)).all(),
        ),
        ...as('actor')(
          tx
            .select({ id: actors.id })
            .from(actors)
            .where(or(eq(actors.countryId, id), eq(actors.predecessorId, id)))
            .all(),
        ),
        ...as('actor')(
          tx
            .select({ id: offices.holderId })
            .from(offices)
            .where(eq(offices.organizationId, id))
            .all()
            .filter((row) => row.id !== id),
        ),
      ];
    case 'source': {
      const cited = tx.select().from(citations).where(eq(citations.sourceId, id)).all();
      const claimIds = cited.flatMap((citation) => (citation.claimId === null ? [] : [citation.claimId]));
      const officeIds = cited.flatMap((citation) => (citation.officeId === null ? [] : [citation.officeId]));
      const claimed = claimIds.length
        ? tx
            .select({ eventId: claims.eventId, figureId: claims.figureId })
            .from(claims)
            .where(inArray(claims.id, claimIds))
            .all()
        : [];
      const held = officeIds.length
        ? tx.select({ id: offices.holderId }).from(offices).where(inArray(offices.id, officeIds)).all()
        : [];
      return [
        ...as('event')([
          ...cited.map((citation) => ({ id: citation.eventId })),
          ...claimed.map((claim) => ({ id: claim.eventId })),
        ]),
        ...as('figure')([
          ...cited.map((citation) => ({ id: citation.figureId })),
          ...claimed.map((claim) => ({ id: claim.figureId })),
        ]),
        ...as('actor')([...cited.map((citation) => ({ id: citation.actorId })), ...held]),
      ];
    }
    case 'figure':
      return [];
  }
}

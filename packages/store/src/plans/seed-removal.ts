/**
 * Which seeded records a reload may delete, on either database. A record that has left the seed
 * files goes only while the files are still its last word: it was not edited through the API since
 * it was loaded, and no record outside this load's rewrites refers to it (an event created through
 * the API naming a seeded actor, say). Anything else is kept and counted, so a reload never
 * destroys an API edit.
 */
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { db, type Plan } from './run.ts';
import type { Versioned } from './statements.ts';

/** For each record type, the seed hash of every record in the files, by its slug there. */
export type HashesInFiles = Record<EntityType, ReadonlyMap<string, string>>;

export function* removalPlan(
  type: EntityType,
  inFiles: HashesInFiles,
): Plan<{ remove: Versioned[]; keep: Versioned[] }> {
  const seeded = yield* db.seededRecords(type);
  const gone = seeded.filter((row) => !inFiles[type].has(row.seedSlug ?? row.slug) && !inFiles[type].has(row.slug));
  const remove: Versioned[] = [];
  const keep: Versioned[] = [];
  for (const { id, slug, version } of gone) {
    const held = (yield* editedSinceLoaded(type, id)) || (yield* referencedFromOutside(type, id, inFiles));
    (held ? keep : remove).push({ id, slug, version });
  }
  return { remove, keep };
}

function* editedSinceLoaded(type: EntityType, id: number): Plan<boolean> {
  const latest = yield* db.latestRevisionOperation(type, id);
  return latest !== undefined && latest !== 'seed';
}

type Referrer = { type: EntityType; id: number };

/** True when a record this load will not rewrite refers to the record. */
function* referencedFromOutside(type: EntityType, id: number, inFiles: HashesInFiles): Plan<boolean> {
  for (const referrer of yield* referrersOf(type, id))
    if (!(yield* rewrittenByThisLoad(referrer, inFiles))) return true;
  return false;
}

function* rewrittenByThisLoad({ type, id }: Referrer, inFiles: HashesInFiles): Plan<boolean> {
  const row = yield* db.seedState(type, id);
  const hashInFiles = row?.seedSlug ? inFiles[type].get(row.seedSlug) : undefined;
  return hashInFiles !== undefined && hashInFiles !== row!.seedHash;
}

const as = (type: EntityType) => (ids: (number | null)[]) => ids.flatMap((id) => (id === null ? [] : [{ type, id }]));

function* referrersOf(type: EntityType, id: number): Plan<Referrer[]> {
  switch (type) {
    case 'event':
      return as('event')(yield* db.eventsLinkingTo(id));
    case 'actor':
      return [
        ...as('event')(yield* db.eventsByParticipant(id)),
        ...as('figure')(yield* db.figuresNaming(id)),
        ...as('actor')(yield* db.actorsReferring(id)),
        ...as('actor')((yield* db.officeHoldersIn(id)).filter((holder) => holder !== id)),
      ];
    case 'source': {
      const cited = yield* db.citationsOfSource(id);
      const claimIds = cited.flatMap((citation) => (citation.claimId === null ? [] : [citation.claimId]));
      const officeIds = cited.flatMap((citation) => (citation.officeId === null ? [] : [citation.officeId]));
      const claimed = claimIds.length ? yield* db.claimSubjects(claimIds) : [];
      const held = officeIds.length ? yield* db.officeHolders(officeIds) : [];
      return [
        ...as('event')([...cited.map((citation) => citation.eventId), ...claimed.map((claim) => claim.eventId)]),
        ...as('figure')([...cited.map((citation) => citation.figureId), ...claimed.map((claim) => claim.figureId)]),
        ...as('actor')([...cited.map((citation) => citation.actorId), ...held]),
      ];
    }
    case 'figure':
      return [];
  }
}

/**
 * Which seeded records a reload may delete on PostgreSQL: the rule of `seed-loader/removal.ts`. A
 * record that has left the seed files goes only while the files are still its last word: not
 * edited through the API since it was loaded, and no record outside this load's rewrites refers to it.
 */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { PostgresDatabase } from '../postgres/client.ts';
import {
  actors,
  citations,
  claims,
  eventLinks,
  eventParticipants,
  figureActors,
  offices,
  revisions,
} from '../postgres/schema.ts';
import type { HashesInFiles } from '../seed-loader/removal.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { RECORD_TABLES } from './record-writes.ts';

export type { HashesInFiles } from '../seed-loader/removal.ts';

interface Candidate {
  id: number;
  slug: string;
  version: number;
}

type Referrer = { type: EntityType; id: number };

export async function removalPlan(
  tx: PostgresDatabase,
  type: EntityType,
  inFiles: HashesInFiles,
): Promise<{ remove: Candidate[]; keep: Candidate[] }> {
  const table = RECORD_TABLES[type];
  const seeded = await tx
    .select({ id: table.id, slug: table.slug, seedSlug: table.seedSlug, version: table.version })
    .from(table)
    .where(isNotNull(table.seedHash));
  const gone = seeded.filter((row) => !inFiles[type].has(row.seedSlug ?? row.slug) && !inFiles[type].has(row.slug));
  const remove: Candidate[] = [];
  const keep: Candidate[] = [];
  for (const row of gone)
    ((await editedSinceLoaded(tx, type, row.id)) || (await referencedFromOutside(tx, type, row.id, inFiles))
      ? keep
      : remove
    ).push(row);
  return { remove, keep };
}

async function editedSinceLoaded(tx: PostgresDatabase, type: EntityType, id: number): Promise<boolean> {
  const [latest] = await tx
    .select({ operation: revisions.operation })
    .from(revisions)
    .where(and(eq(revisions.entityType, type), eq(revisions.entityId, id)))
    .orderBy(desc(revisions.version))
    .limit(1);
  return latest !== undefined && latest.operation !== 'seed';
}

async function referencedFromOutside(
  tx: PostgresDatabase,
  type: EntityType,
  id: number,
  inFiles: HashesInFiles,
): Promise<boolean> {
  for (const referrer of await referrersOf(tx, type, id))
    if (!(await rewrittenByThisLoad(tx, referrer, inFiles))) return true;
  return false;
}

async function rewrittenByThisLoad(tx: PostgresDatabase, { type, id }: Referrer, inFiles: HashesInFiles) {
  const table = RECORD_TABLES[type];
  const [row] = await tx
    .select({ seedSlug: table.seedSlug, seedHash: table.seedHash })
    .from(table)
    .where(eq(table.id, id));
  const hashInFiles = row?.seedSlug ? inFiles[type].get(row.seedSlug) : undefined;
  return hashInFiles !== undefined && hashInFiles !== row!.seedHash;
}

const as = (type: EntityType) => (rows: { id: number | null }[]) =>
  rows.flatMap((row) => (row.id === null ? [] : [{ type, id: row.id }]));

async function referrersOf(tx: PostgresDatabase, type: EntityType, id: number): Promise<Referrer[]> {
  switch (type) {
    case 'event':
      return as('event')(
        await tx.select({ id: eventLinks.eventId }).from(eventLinks).where(eq(eventLinks.targetEventId, id)),
      );
    case 'actor':
      return [
        ...as('event')(
          await tx
            .select({ id: eventParticipants.eventId })
            .from(eventParticipants)
            .where(eq(eventParticipants.actorId, id)),
        ),
        ...as('figure')(
          await tx.select({ id: figureActors.figureId }).from(figureActors).where(eq(figureActors.actorId, id)),
        ),
        ...as('actor')(
          await tx
            .select({ id: actors.id })
            .from(actors)
            .where(or(eq(actors.countryId, id), eq(actors.predecessorId, id))),
        ),
        ...as('actor')(
          (await tx.select({ id: offices.holderId }).from(offices).where(eq(offices.organizationId, id))).filter(
            (row) => row.id !== id,
          ),
        ),
      ];
    case 'source': {
      const cited = await tx.select().from(citations).where(eq(citations.sourceId, id));
      const claimIds = cited.flatMap((citation) => (citation.claimId === null ? [] : [citation.claimId]));
      const officeIds = cited.flatMap((citation) => (citation.officeId === null ? [] : [citation.officeId]));
      const claimed = claimIds.length
        ? await tx
            .select({ eventId: claims.eventId, figureId: claims.figureId })
            .from(claims)
            .where(inArray(claims.id, claimIds))
        : [];
      const held = officeIds.length
        ? await tx.select({ id: offices.holderId }).from(offices).where(inArray(offices.id, officeIds))
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

/** The revision log on PostgreSQL, read as `curation/revisions.ts` reads it on SQLite. */
import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import type { RevisionRow } from '../curation/revisions.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { revisions } from '../postgres/schema.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';
import { inTexts } from './event-reads.ts';

/** An entity's revisions, newest first. */
export async function revisionsOf(
  db: PostgresDatabase,
  entityType: EntityType,
  entityId: number,
  limit: number,
): Promise<RevisionRow[]> {
  return await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.version))
    .limit(limit);
}

/** The newest revision of an entity made at or before `at` (of `operations`, when given). */
export async function revisionAsOf(
  db: PostgresDatabase,
  entityType: EntityType,
  entityId: number,
  at: string,
  operations?: readonly RevisionOperation[],
): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(revisions)
    .where(
      and(
        eq(revisions.entityType, entityType),
        eq(revisions.entityId, entityId),
        lte(revisions.at, at),
        operations ? inTexts(revisions.operation, operations) : undefined,
      ),
    )
    .orderBy(desc(revisions.at), desc(revisions.id))
    .limit(1);
  return row;
}

/** Revisions after `afterRevisionId`, oldest first. */
export async function changesSince(db: PostgresDatabase, afterRevisionId: number, limit: number) {
  return (await db
    .select()
    .from(revisions)
    .where(gt(revisions.id, afterRevisionId))
    .orderBy(asc(revisions.id))
    .limit(limit)) as RevisionRow[];
}

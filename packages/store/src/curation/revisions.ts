/**
 * The revision log on SQLite: one row per write, appended in the write's own transaction (the
 * plans' `appendRevision`), holding the whole record before and after in seed format. It answers
 * history, "as of" and change feeds.
 */
import { and, asc, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { revisions } from '../db/schema.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';

export type { NewRevision } from '../plans/statements.ts';

export type RevisionRow = typeof revisions.$inferSelect;

/** An entity's revisions, newest first. */
export function revisionsOf(store: Store, entityType: EntityType, entityId: number, limit: number): RevisionRow[] {
  return store
    .select()
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.version))
    .limit(limit)
    .all();
}

/** The ID of the revision that brought a record to `version` (unique: `revisions_entity_version`). */
export function revisionIdOf(store: Store, entityType: EntityType, entityId: number, version: number): number {
  return store
    .select({ id: revisions.id })
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId), eq(revisions.version, version)))
    .get()!.id;
}

/** The newest revision of an entity made at or before `at` (an ISO timestamp), or undefined if it did not exist yet. */
export function revisionAsOf(
  store: Store,
  entityType: EntityType,
  entityId: number,
  at: string,
  operations?: readonly RevisionOperation[],
): RevisionRow | undefined {
  return store
    .select()
    .from(revisions)
    .where(
      and(
        eq(revisions.entityType, entityType),
        eq(revisions.entityId, entityId),
        lte(revisions.at, at),
        operations ? inArray(revisions.operation, [...operations]) : undefined,
      ),
    )
    .orderBy(desc(revisions.at), desc(revisions.id))
    .get();
}

/** Revisions after the given revision ID, oldest first: a feed a client can poll and resume. */
export function changesSince(store: Store, afterRevisionId: number, limit: number): RevisionRow[] {
  return store
    .select()
    .from(revisions)
    .where(gt(revisions.id, afterRevisionId))
    .orderBy(asc(revisions.id))
    .limit(limit)
    .all();
}

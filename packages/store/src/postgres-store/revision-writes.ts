/** The revision log on PostgreSQL, appended as `curation/revisions.ts` appends it on SQLite: in the write's own transaction. */
import type { NewRevision, RevisionRow } from '../curation/revisions.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { revisions } from '../postgres/schema.ts';

export async function appendRevision(tx: PostgresDatabase, revision: NewRevision): Promise<RevisionRow> {
  const [row] = await tx
    .insert(revisions)
    .values({
      ...revision,
      reason: revision.reason ?? null,
      at: new Date().toISOString(),
      before: revision.before == null ? null : JSON.stringify(revision.before),
      after: revision.after == null ? null : JSON.stringify(revision.after),
    })
    .returning();
  return row as RevisionRow;
}

import { and, eq, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { citations, sources } from '../db/schema.ts';
import { type Page, type PageArgs, planPage } from './pagination.ts';
import type { CitationRow, SourceRow } from './related.ts';

const SOURCE_KEYS = [{ column: sources.id, direction: 'asc' as const, value: (row: SourceRow) => row.id }];

/** Sources in the order they were added (for seeds, the order of sources.yaml). */
export function listSources(store: Store, page: PageArgs): Page<SourceRow> {
  const plan = planPage('id:asc', SOURCE_KEYS, page);
  return plan.finish(
    store
      .select()
      .from(sources)
      .where(plan.where)
      .orderBy(...plan.orderBy)
      .limit(plan.limit)
      .all(),
  );
}

export function countSources(store: Store): number {
  return store.select({ n: sql<number>`count(*)` }).from(sources).get()!.n;
}

export function sourceBySlug(store: Store, slug: string): SourceRow | undefined {
  return store.select().from(sources).where(sql`${sources.slug} = ${slug}`).get();
}

const CITATION_KEYS = [
  { column: citations.paragraph, direction: 'asc' as const, value: (row: CitationRow) => row.paragraph },
  { column: citations.id, direction: 'asc' as const, value: (row: CitationRow) => row.id },
];

/**
 * One page of citations per source, in paragraph order: one statement per source, each stopping at
 * its page. A single statement ranking every citation of all the sources asked for (as other
 * grouped pages do) read all 400,000 citations of a list's most cited sources at 1M events to
 * return one each.
 */
export function citationPagesBySourceIds(
  store: Store,
  sourceIds: readonly number[],
  page: PageArgs,
): Map<number, Page<CitationRow>> {
  return new Map(
    sourceIds.map((sourceId) => {
      const plan = planPage('paragraph:asc', CITATION_KEYS, page);
      const rows = store
        .select()
        .from(citations)
        .where(and(eq(citations.sourceId, sourceId), plan.where))
        .orderBy(...plan.orderBy)
        .limit(plan.limit)
        .all();
      return [sourceId, plan.finish(rows)];
    }),
  );
}

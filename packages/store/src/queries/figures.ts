import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { figures } from '../db/schema.ts';
import { dateBound } from './events.ts';
import { type Page, type PageArgs, planPage } from './pagination.ts';
import type { FigureRow } from './related.ts';

export interface FigureFilter {
  indicator?: string | null;
  /** Fuzzy date; figures whose period overlaps the range from its earliest day. */
  from?: string | null;
  /** Fuzzy date; figures whose period overlaps the range up to its latest day. */
  to?: string | null;
}

function figureFilterSql(filter: FigureFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  return and(
    filter.indicator ? eq(figures.indicator, filter.indicator) : undefined,
    filter.from ? gte(figures.periodLatest, dateBound(filter.from, 'filter.from').earliest) : undefined,
    filter.to ? lte(figures.periodEarliest, dateBound(filter.to, 'filter.to').latest) : undefined,
  );
}

const FIGURE_KEYS = [
  { column: figures.periodEarliest, direction: 'asc' as const, value: (row: FigureRow) => row.periodEarliest },
  { column: figures.id, direction: 'asc' as const, value: (row: FigureRow) => row.id },
];

/** Figures in period order. */
export function listFigures(store: Store, filter: FigureFilter | null | undefined, page: PageArgs): Page<FigureRow> {
  const plan = planPage('period:asc', FIGURE_KEYS, page);
  return plan.finish(
    store
      .select()
      .from(figures)
      .where(and(figureFilterSql(filter), plan.where))
      .orderBy(...plan.orderBy)
      .limit(plan.limit)
      .all(),
  );
}

export function countFigures(store: Store, filter: FigureFilter | null | undefined): number {
  return store.select({ n: sql<number>`count(*)` }).from(figures).where(figureFilterSql(filter)).get()!.n;
}

export function figureBySlug(store: Store, slug: string): FigureRow | undefined {
  return store.select().from(figures).where(sql`${figures.slug} = ${slug}`).get();
}

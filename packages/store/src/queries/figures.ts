import { sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { figures } from '../db/schema.ts';
import { planPage, type Page, type PageArgs } from './pagination.ts';
import type { FigureRow } from './related.ts';

export interface FigureFilter {
  indicator?: string | null;
}

const FIGURE_KEYS = [
  { column: figures.periodEarliest, direction: 'asc' as const, value: (row: FigureRow) => row.periodEarliest },
  { column: figures.id, direction: 'asc' as const, value: (row: FigureRow) => row.id },
];

/** Figures in period order. */
export function listFigures(store: Store, filter: FigureFilter | null | undefined, page: PageArgs): Page<FigureRow> {
  const plan = planPage('period:asc', FIGURE_KEYS, page);
  const byIndicator = filter?.indicator ? sql`${figures.indicator} = ${filter.indicator}` : undefined;
  const where = byIndicator && plan.where ? sql`${byIndicator} and ${plan.where}` : byIndicator ?? plan.where;
  return plan.finish(store.select().from(figures).where(where).orderBy(...plan.orderBy).limit(plan.limit).all());
}

export function countFigures(store: Store, filter: FigureFilter | null | undefined): number {
  return store.select({ n: sql<number>`count(*)` }).from(figures).where(filter?.indicator ? sql`${figures.indicator} = ${filter.indicator}` : undefined).get()!.n;
}

export function figureBySlug(store: Store, slug: string): FigureRow | undefined {
  return store.select().from(figures).where(sql`${figures.slug} = ${slug}`).get();
}

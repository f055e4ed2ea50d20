/**
 * Actors, sources and figures on PostgreSQL: pages, counts and lookups, in the orders and with the
 * filters of `queries/actors.ts`, `sources.ts` and `figures.ts` on SQLite (the same ordering names,
 * so cursors carry over).
 */
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { dateBound } from '../dates/date-bound.ts';
import type { PageArgs } from '../paging/keyset.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actors, figures, searchVector, sources } from '../postgres/schema.ts';
import type { ActorFilter } from '../queries/actors.ts';
import type { FigureFilter } from '../queries/figures.ts';
import type { ActorRow, FigureRow, SourceRow } from '../queries/related.ts';
import { inIds, inTexts } from './event-reads.ts';
import { readPage } from './pages.ts';
import { textFilterSql } from './text-search.ts';

async function countWhere(db: PostgresDatabase, table: PgTable, condition: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(table)
    .where(condition);
  return row!.n;
}

/** The condition for `filter`, as `actorFilterSql` on SQLite. */
export function actorFilterSql(filter: ActorFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  return and(
    filter.kinds?.length ? inTexts(actors.kind, filter.kinds) : undefined,
    // Every word a prefix, as on SQLite: people type the start of a name.
    filter.text != null ? textFilterSql(searchVector(actors), filter.text, { prefixEveryWord: true }) : undefined,
  );
}

const ACTOR_KEYS = [
  { column: actors.name, direction: 'asc' as const, value: (row: ActorRow) => row.name },
  { column: actors.id, direction: 'asc' as const, value: (row: ActorRow) => row.id },
];

/** Actors in name order (byte order, as on SQLite). */
export const listActors = (db: PostgresDatabase, filter: ActorFilter | null | undefined, page: PageArgs) =>
  readPage(db, actors, actorFilterSql(filter), 'name:asc', ACTOR_KEYS, page);

export const countActors = (db: PostgresDatabase, filter: ActorFilter | null | undefined) =>
  countWhere(db, actors, actorFilterSql(filter));

export async function actorBySlug(db: PostgresDatabase, slug: string): Promise<ActorRow | undefined> {
  const [row] = await db.select().from(actors).where(eq(actors.slug, slug));
  return row;
}

const SOURCE_KEYS = [{ column: sources.id, direction: 'asc' as const, value: (row: SourceRow) => row.id }];

/** Sources in the order they were added. */
export const listSources = (db: PostgresDatabase, page: PageArgs) =>
  readPage(db, sources, undefined, 'id:asc', SOURCE_KEYS, page);

export const countSources = (db: PostgresDatabase) => countWhere(db, sources, undefined);

export async function sourceBySlug(db: PostgresDatabase, slug: string): Promise<SourceRow | undefined> {
  const [row] = await db.select().from(sources).where(eq(sources.slug, slug));
  return row;
}

export async function sourcesByIds(db: PostgresDatabase, ids: readonly number[]): Promise<SourceRow[]> {
  return ids.length ? db.select().from(sources).where(inIds(sources.id, ids)).orderBy(sources.id) : [];
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
export const listFigures = (db: PostgresDatabase, filter: FigureFilter | null | undefined, page: PageArgs) =>
  readPage(db, figures, figureFilterSql(filter), 'period:asc', FIGURE_KEYS, page);

export const countFigures = (db: PostgresDatabase, filter: FigureFilter | null | undefined) =>
  countWhere(db, figures, figureFilterSql(filter));

export async function figureBySlug(db: PostgresDatabase, slug: string): Promise<FigureRow | undefined> {
  const [row] = await db.select().from(figures).where(eq(figures.slug, slug));
  return row;
}

export async function figuresByIds(db: PostgresDatabase, ids: readonly number[]): Promise<FigureRow[]> {
  return ids.length ? db.select().from(figures).where(inIds(figures.id, ids)).orderBy(figures.id) : [];
}

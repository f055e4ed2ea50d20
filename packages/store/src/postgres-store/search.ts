/**
 * Full-text search on PostgreSQL, with SQLite's answers in all but the ranking: the same query syntax
 * and match sets (`text-search.ts`), the same kinds, the newest SEARCH_RANKING_LIMIT matches of each
 * kind ranked, the same offset cursors, the same bounded `totalCount`. Ranking is `ts_rank` with the
 * title or name weighted highest (PostgreSQL has no bm25: no weight for how rare a word is), its score
 * negated so that lower is better as on SQLite, ties by kind and ID as there. Snippets are built from
 * the page's records by `search/snippet.ts`.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { PageArgs } from '../paging/keyset.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
import { actors, events, figures, searchVector, sources } from '../postgres/schema.ts';
import {
  SEARCH_COUNT_LIMIT,
  SEARCH_RANKING_LIMIT,
  type SearchHit,
  type SearchType,
  searchPageOf,
  searchRequest,
} from '../search/request.ts';
import { snippetOf } from '../search/snippet.ts';
import { parseSearch, searchTree } from '../search/syntax.ts';
import { inIds } from './event-reads.ts';
import { matchesSql, NOTHING, type TsQuery, toTsQuery } from './text-search.ts';

/**
 * Each kind's table, the rows it searches, its ts_rank weights ({D, C, B, A}: the title or name, A,
 * weighs most, in the proportions of SQLite's bm25 column weights) and its searched columns, in order.
 */
const KINDS: Record<SearchType, { table: SQL; searched?: SQL; weights: string; columns: SQL }> = {
  // Archived events are never found, as on SQLite (the GIN index holds live events only).
  event: {
    table: sql`${events}`,
    searched: sql`${events.archivedAt} is null`,
    weights: '{0.1, 0.2, 0.3, 1}',
    columns: sql`${events.title}, ${events.summary}, ${events.place}, ${events}.cited_passages`,
  },
  actor: { table: sql`${actors}`, weights: '{0, 0, 0.5, 1}', columns: sql`${actors.name}, ${actors}.alias_names` },
  figure: {
    table: sql`${figures}`,
    weights: '{0, 0, 0.2, 1}',
    columns: sql`${figures.label}, replace(${figures.indicator}, '_', ' ')`,
  },
  source: {
    table: sql`${sources}`,
    weights: '{0, 0.3, 0.5, 1}',
    columns: sql`${sources.title}, ${sources.author}, ${sources.outlet}`,
  },
};

const VECTORS: Record<SearchType, SQL> = {
  event: searchVector(events),
  actor: searchVector(actors),
  figure: searchVector(figures),
  source: searchVector(sources),
};

const matching = (type: SearchType, query: TsQuery) => {
  const { table, searched } = KINDS[type];
  return sql`from ${table} where ${searched ? sql`${searched} and ` : sql``}${matchesSql(VECTORS[type], query)}`;
};

/**
 * The ranked candidates of one kind: its newest matches up to the ranking limit, each with its score.
 * Events, a million of them, are read a window of IDs at a time by `newest_event_matches` (the
 * newest-matches migration), so only the newest matches are visited and ranked; the other kinds are
 * small enough to order all their matches.
 */
const candidates = (type: SearchType, query: TsQuery) =>
  type === 'event'
    ? sql`
  (select ${type}::text as type, id, score
    from newest_event_matches(${query}::tsquery, ${KINDS[type].weights}::float4[], ${SEARCH_RANKING_LIMIT})
    order by id desc limit ${SEARCH_RANKING_LIMIT})`
    : sql`
  (select ${type}::text as type, id, (-ts_rank(${KINDS[type].weights}::float4[], ${VECTORS[type]}, ${query}::tsquery, 1))::float8 as score
    ${matching(type, query)} order by id desc limit ${SEARCH_RANKING_LIMIT})`;

/** The searched columns of the page's records of one kind, by ID. */
async function columnsOf(db: PostgresDatabase, type: SearchType, ids: number[]) {
  const { table, columns } = KINDS[type];
  const { rows } = await db.execute<{ id: number; columns: (string | null)[] }>(
    sql`select id, array[${columns}] as columns from ${table} where ${inIds(sql`id`, ids)}`,
  );
  return new Map(rows.map((row) => [row.id, row.columns]));
}

async function count(db: PostgresDatabase, type: SearchType, query: TsQuery, cap: number): Promise<number> {
  if (query === NOTHING) return 0;
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 ${matching(type, query)} limit ${cap}) as found`,
  );
  return rows[0]!.n;
}

export async function search(
  db: PostgresDatabase,
  query: string,
  types: readonly SearchType[] | null | undefined,
  page: PageArgs,
) {
  const request = searchRequest(query, types, page, (text) => toTsQuery(text, 'query'));
  const { match, size, offset, types: wanted } = request;
  const tree = searchTree(parseSearch(request.text, 'query')!);
  const ranked =
    match === NOTHING
      ? []
      : (
          await db.execute<Omit<SearchHit, 'snippet'>>(sql`
            select * from (${sql.join(
              wanted.map((type) => candidates(type, match)),
              sql` union all `,
            )}) as candidates order by score, type collate "C", id limit ${size + 1} offset ${offset}`)
        ).rows;
  const { onPage, ...paging } = searchPageOf(request, ranked);
  let counts: Promise<number[]> | undefined;
  const bounded = () => {
    counts ??= Promise.all(wanted.map((type) => count(db, type, match, SEARCH_RANKING_LIMIT + 1)));
    return counts;
  };
  const texts = new Map(
    await Promise.all(
      wanted.map(async (type) => {
        const ids = onPage.filter((hit) => hit.type === type).map((hit) => hit.id);
        return [type, ids.length ? await columnsOf(db, type, ids) : new Map<number, (string | null)[]>()] as const;
      }),
    ),
  );
  return {
    rows: onPage.map((hit) => ({ ...hit, snippet: snippetOf(texts.get(hit.type)!.get(hit.id) ?? [], tree) })),
    ...paging,
    // Counted only when asked for: counting the matches of a common word is most of a search's cost.
    // One count per kind, up to one past the ranking limit, answers both fields.
    totalCount: async () => (await bounded()).reduce((sum, n) => sum + Math.min(n, SEARCH_COUNT_LIMIT), 0),
    rankingLimited: async () => (await bounded()).some((n) => n > SEARCH_RANKING_LIMIT),
  };
}

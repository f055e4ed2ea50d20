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

/** Matches read of each kind: one past the ranking limit tells whether more match, so the page query also counts. */
const READ = SEARCH_RANKING_LIMIT + 1;

/**
 * The candidates of one kind: its newest matches, up to one past the ranking limit, each with its score
 * and its newness (1 for the newest). Events, a million of them, are read a window of IDs at a time by
 * `newest_event_matches` (the newest-matches migration), so only the newest matches are visited and
 * ranked; the other kinds are small enough to order all their matches.
 */
function candidates(type: SearchType, query: TsQuery): SQL {
  const newest =
    type === 'event'
      ? sql`select id, score from newest_event_matches(${query}::tsquery, ${KINDS[type].weights}::float4[], ${READ})`
      : sql`select id, (-ts_rank(${KINDS[type].weights}::float4[], ${VECTORS[type]}, ${query}::tsquery, 1))::float8 as score
    ${matching(type, query)}`;
  return sql`
  (select ${type}::text as type, id, score, row_number() over (order by id desc) as newness
    from (${newest} order by id desc limit ${READ}) as newest)`;
}

/**
 * The page of ranked hits (the newest SEARCH_RANKING_LIMIT candidates of each kind, best first), then
 * one row per kind holding how many candidates it had (`matches`, at most READ): the bounded count,
 * read from the candidates already visited rather than by visiting the matches again.
 */
const pageAndCounts = (types: readonly SearchType[], query: TsQuery, size: number, offset: number) => sql`
  with found as materialized (${sql.join(
    types.map((type) => candidates(type, query)),
    sql` union all `,
  )})
  select type, id, score, matches from (
    (select type, id, score, null::int as matches from found where newness <= ${SEARCH_RANKING_LIMIT}
      order by score, type collate "C", id limit ${size + 1} offset ${offset})
    union all
    (select type, null, null, count(*)::int from found group by type)
  ) as answer order by matches is not null, score, type collate "C", id`;

/** The searched columns of the page's records of one kind, by ID. */
async function columnsOf(db: PostgresDatabase, type: SearchType, ids: number[]) {
  const { table, columns } = KINDS[type];
  const { rows } = await db.execute<{ id: number; columns: (string | null)[] }>(
    sql`select id, array[${columns}] as columns from ${table} where ${inIds(sql`id`, ids)}`,
  );
  return new Map(rows.map((row) => [row.id, row.columns]));
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
  const answer =
    match === NOTHING
      ? []
      : (
          await db.execute<Omit<SearchHit, 'snippet'> & { matches: number | null }>(
            pageAndCounts(wanted, match, size, offset),
          )
        ).rows;
  const ranked = answer.filter((row) => row.matches === null).map(({ matches: _, ...hit }) => hit);
  const counts = answer.flatMap((row) => (row.matches === null ? [] : [row.matches]));
  const { onPage, ...paging } = searchPageOf(request, ranked);
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
    // Each kind's candidates, up to one past the ranking limit, answer both fields.
    totalCount: async () => counts.reduce((sum, n) => sum + Math.min(n, SEARCH_COUNT_LIMIT), 0),
    rankingLimited: async () => counts.some((n) => n > SEARCH_RANKING_LIMIT),
  };
}

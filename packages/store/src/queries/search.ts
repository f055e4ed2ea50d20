/**
 * Full-text search over events (title, summary, place, and the text of their cited paragraphs when
 * the store was given the documents: `indexCitedPassages`), actors (names and aliases), figures
 * (label, indicator) and sources (title, author, outlet), ranked
 * by bm25 with the title/name column weighted highest, over at most SEARCH_RANKING_LIMIT matches
 * of each kind. The query is read by `toFtsQuery`, as
 * every `text` filter is; a query it cannot read is the caller's error (INVALID_SEARCH).
 */
import { sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SEARCH_COUNT_LIMIT,
  SEARCH_RANKING_LIMIT,
  type SearchHit,
  type SearchType,
  searchPageOf,
  searchRequest,
} from '../search/request.ts';
import type { PageArgs } from './pagination.ts';
import { toFtsQuery } from './text-search.ts';

export interface SearchPage {
  hits: SearchHit[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Every match, ranked or not, up to SEARCH_COUNT_LIMIT of each kind; counted when read. */
  readonly totalCount: number;
  /** True when some kind had more matches than SEARCH_RANKING_LIMIT, so only its newest were ranked. */
  readonly rankingLimited: boolean;
}

/** Each kind's FTS5 table and its bm25 column weights (the title or name column weighs most). */
const INDEXES: Record<SearchType, { table: string; weights: string }> = {
  // Holds live events only: archiving an event takes it out (see the live-event-search migration).
  event: { table: 'event_search', weights: '10.0, 3.0, 2.0, 1.0' },
  actor: { table: 'actor_search', weights: '10.0, 5.0' },
  figure: { table: 'figure_search', weights: '10.0, 2.0' },
  source: { table: 'source_search', weights: '10.0, 5.0, 3.0' },
};

const matching = (type: SearchType, match: string) => {
  const table = sql.identifier(INDEXES[type].table);
  return sql`from ${table} where ${table} match ${match}`;
};

/** The ranked candidates of one kind: its newest matches up to the ranking limit, each with its bm25 score. */
const candidates = (type: SearchType, match: string) => sql`
  select * from (select ${type} as type, rowid as id, bm25(${sql.identifier(INDEXES[type].table)}, ${sql.raw(INDEXES[type].weights)}) as score
    ${matching(type, match)} order by rowid desc limit ${SEARCH_RANKING_LIMIT})`;

/** Snippets for the hits of one kind on the page only: snippet() is costly, so never for every match. */
function snippetsOf(store: Store, type: SearchType, match: string, ids: number[]): Map<number, string> {
  const table = sql.identifier(INDEXES[type].table);
  const rows = store.all<{ id: number; snippet: string }>(sql`
    select rowid as id, snippet(${table}, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) as snippet
    ${matching(type, match)} and rowid in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((row) => [row.id, row.snippet]));
}

export function search(
  store: Store,
  query: string,
  types: readonly SearchType[] | null | undefined,
  page: PageArgs,
): SearchPage {
  const request = searchRequest(query, types, page, (text) => toFtsQuery(text, 'query'));
  const { match, size, offset, types: wanted } = request;
  const ranked = store.all<Omit<SearchHit, 'snippet'>>(sql`
    select * from (${sql.join(
      wanted.map((type) => candidates(type, match)),
      sql` union all `,
    )}) order by score, type, id limit ${size + 1} offset ${offset}`);
  const { onPage, ...paging } = searchPageOf(request, ranked);
  const snippets = new Map(
    wanted.map((type) => {
      const ids = onPage.filter((hit) => hit.type === type).map((hit) => hit.id);
      return [type, ids.length ? snippetsOf(store, type, match, ids) : new Map<number, string>()];
    }),
  );
  return {
    hits: onPage.map((hit) => ({ ...hit, snippet: snippets.get(hit.type)!.get(hit.id) ?? '' })),
    ...paging,
    // Counted only when read: counting every match of a common word is most of a search's cost.
    get totalCount() {
      return searchTotalCount(store, query, types);
    },
    get rankingLimited() {
      return searchRankingLimited(store, query, types);
    },
  };
}

// The counts are apart from `search` so that they can run on the scan thread (scans/scan-functions.ts):
// counting every match of a common word is most of a search's cost.
const matchCounter = (store: Store, query: string, types: readonly SearchType[] | null | undefined) => {
  const { match, types: wanted } = searchRequest(query, types, { first: 1 }, (text) => toFtsQuery(text, 'query'));
  const count = (type: SearchType, cap: number) =>
    store.get<{ n: number }>(sql`select count(*) as n from (select 1 ${matching(type, match)} limit ${cap})`).n;
  return { wanted, count };
};

/** How many records match a search, up to `SEARCH_COUNT_LIMIT` per kind. */
export function searchTotalCount(store: Store, query: string, types: readonly SearchType[] | null | undefined) {
  const { wanted, count } = matchCounter(store, query, types);
  return wanted.reduce((sum, type) => sum + count(type, SEARCH_COUNT_LIMIT), 0);
}

/** Whether some kind has more matches than the ranking reads. */
export function searchRankingLimited(store: Store, query: string, types: readonly SearchType[] | null | undefined) {
  const { wanted, count } = matchCounter(store, query, types);
  return wanted.some((type) => count(type, SEARCH_RANKING_LIMIT + 1) > SEARCH_RANKING_LIMIT);
}

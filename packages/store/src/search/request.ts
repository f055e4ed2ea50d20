/**
 * What a search asks and answers, whatever the database: the kinds searched, a hit, the bound on
 * ranking, the highlight marks, and the offset cursors of search pages. `queries/search.ts` (SQLite)
 * and `postgres-store/search.ts` read requests and answer pages through these.
 */
import { QueryError } from '../errors/query-error.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from '../paging/keyset.ts';

export const SEARCH_TYPES = ['event', 'actor', 'figure', 'source'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  type: SearchType;
  id: number;
  /** The hit's score: lower is better; comparable within one query (SQLite's bm25, PostgreSQL's negated ts_rank). */
  score: number;
  /** Matching passage of our own text, with matches between `[` `]` markers replaced by the caller. */
  snippet: string;
}

/** Marks that cannot occur in our text; the API turns them into the highlight tags it documents. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/**
 * How many matches of one kind of record are ranked. bm25 costs about a microsecond a row on top of
 * reading the match list, so ranking every match of a word found in 400,000 of a million events
 * takes 0.4 s. Past this many matches of a kind, only its most recently added matches (highest IDs)
 * are ranked and returned; `totalCount` still counts the matches and `rankingLimited` says so.
 */
export const SEARCH_RANKING_LIMIT = 10_000;

/**
 * How many matches of one kind of record `totalCount` counts: as many as are ranked. PostgreSQL counts
 * by visiting each match's row (its GIN index tells which rows match, not how many are live): at a
 * million events the 100,000 matches once counted took it about 300 ms, far past a search's budget.
 * So each kind counts at most this many: past it `totalCount` is a lower bound and `rankingLimited` is
 * true. PostgreSQL takes both from the candidates its ranking read (up to one past the limit); SQLite
 * counts from its index. Both count the same way, so they give the same answers.
 */
export const SEARCH_COUNT_LIMIT = SEARCH_RANKING_LIMIT;

/** A search request checked: the trimmed query, the page size and the offset of its first hit. */
export interface SearchRequest {
  text: string;
  size: number;
  offset: number;
  types: readonly SearchType[];
}

const encodeOffset = (query: string, offset: number) =>
  Buffer.from(JSON.stringify(['search', query, offset])).toString('base64url');

function decodeOffset(cursor: string, query: string, argument: string): number {
  try {
    const [kind, forQuery, offset] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (kind === 'search' && forQuery === query && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new QueryError(
    'INVALID_CURSOR',
    `\`${argument}\` is not a cursor from this search. Use a cursor from the same query's results.`,
    argument,
  );
}

/**
 * Checks the paging of a search (forwards only, a size in range, a cursor of this query) after the
 * query itself was read (`read` returns null for a query without a word, refused here).
 */
export function searchRequest<Query>(
  query: string,
  types: readonly SearchType[] | null | undefined,
  page: PageArgs,
  read: (text: string) => Query | null,
): SearchRequest & { match: Query } {
  const text = query.trim();
  const match = read(text);
  if (match === null)
    throw new QueryError('INVALID_SEARCH', 'The search query has no word in it; give at least one word.', 'query');
  if (page.last != null || page.before != null)
    throw new QueryError('BAD_USER_INPUT', 'Search results page forwards only: use `first` and `after`.', 'last');
  const size = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new QueryError('BAD_USER_INPUT', `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${size}.`, 'first');
  }
  const offset = page.after ? decodeOffset(page.after, text, 'after') + 1 : 0;
  return { text, size, offset, types: types?.length ? types : SEARCH_TYPES, match };
}

/** The page of `ranked` (one more than the page size was read, to know whether another page follows). */
export function searchPageOf<Hit>(request: SearchRequest, ranked: Hit[]) {
  const onPage = ranked.slice(0, request.size);
  return {
    onPage,
    cursors: onPage.map((_, index) => encodeOffset(request.text, request.offset + index)),
    hasNextPage: ranked.length > request.size,
    hasPreviousPage: request.offset > 0,
  };
}

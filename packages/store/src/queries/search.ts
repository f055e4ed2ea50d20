/**
 * Full-text search over events (title, summary, place), actors (names and aliases), figures
 * (label, indicator) and sources (title, author, outlet), ranked
 * by bm25 with the title/name column weighted highest. The query is read by `toFtsQuery`, as
 * every `text` filter is; a query it cannot read is the caller's error (INVALID_SEARCH).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { QueryError } from './errors.ts';
import type { PageArgs } from './pagination.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';
import { toFtsQuery } from './text-search.ts';

export const SEARCH_TYPES = ['event', 'actor', 'figure', 'source'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  type: SearchType;
  id: number;
  /** bm25 score: lower is better; comparable within one query. */
  score: number;
  /** Matching passage of our own text, with matches between `[` `]` markers replaced by the caller. */
  snippet: string;
}

export interface SearchPage {
  hits: SearchHit[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Marks that cannot occur in our text; the API turns them into the highlight tags it documents. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

const SOURCES: Record<SearchType, (match: string) => SQL> = {
  event: (match) => sql`
    select 'event' as type, rowid as id, bm25(event_search, 10.0, 3.0, 2.0) as score,
      snippet(event_search, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) as snippet
    from event_search where event_search match ${match}
      and rowid not in (select id from events where archived_at is not null)`,
  actor: (match) => sql`
    select 'actor' as type, rowid as id, bm25(actor_search, 10.0, 5.0) as score,
      snippet(actor_search, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) as snippet
    from actor_search where actor_search match ${match}`,
  figure: (match) => sql`
    select 'figure' as type, rowid as id, bm25(figure_search, 10.0, 2.0) as score,
      snippet(figure_search, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) as snippet
    from figure_search where figure_search match ${match}`,
  source: (match) => sql`
    select 'source' as type, rowid as id, bm25(source_search, 10.0, 5.0, 3.0) as score,
      snippet(source_search, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) as snippet
    from source_search where source_search match ${match}`,
};

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

export function search(
  store: Store,
  query: string,
  types: readonly SearchType[] | null | undefined,
  page: PageArgs,
): SearchPage {
  const text = query.trim();
  const match = toFtsQuery(text, 'query');
  if (!match)
    throw new QueryError('INVALID_SEARCH', 'The search query has no word in it; give at least one word.', 'query');
  if (page.last != null || page.before != null)
    throw new QueryError('BAD_USER_INPUT', 'Search results page forwards only: use `first` and `after`.', 'last');
  const size = page.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new QueryError('BAD_USER_INPUT', `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${size}.`, 'first');
  }
  const offset = page.after ? decodeOffset(page.after, text, 'after') + 1 : 0;
  const wanted = types?.length ? types : SEARCH_TYPES;
  const union = sql.join(
    wanted.map((type) => SOURCES[type](match)),
    sql` union all `,
  );
  const totalCount = store.get<{ n: number }>(sql`select count(*) as n from (${union})`)!.n;
  const rows = store.all<SearchHit>(
    sql`select * from (${union}) order by score, type, id limit ${size + 1} offset ${offset}`,
  );
  const hits = rows.slice(0, size);
  return {
    hits,
    cursors: hits.map((_, index) => encodeOffset(text, offset + index)),
    hasNextPage: rows.length > size,
    hasPreviousPage: offset > 0,
    totalCount,
  };
}

/**
 * Full-text search over events (title, summary, place), actors (names and aliases), figures
 * (label, indicator) and sources (title, author, outlet), ranked
 * by bm25 with the title/name column weighted highest, over at most SEARCH_RANKING_LIMIT matches
 * of each kind. The query is read by `toFtsQuery`, as
 * every `text` filter is; a query it cannot read is the caller's error (INVALID_SEARCH).
 */
import { sql } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { QueryError } from '../errors/query-error.ts';
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
  /** Every match, ranked or not; counted when read. */
  readonly totalCount: number;
  /** True when some kind had more matches than SEARCH_RANKING_LIMIT, so only its newest were ranked. */
  readonly rankingLimited: boolean;
}

/** Marks that cannot occur in our text; the API turns them into the highlight tags it documents. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/**
 * How many matches of one kind of record are ranked. bm25 costs about a microsecond a row on top of
 * reading the match list, so ranking every match of a word found in 400,000 of a million events
 * takes 0.4 s. Past this many matches of a kind, only its most recently added matches (highest IDs)
 * are ranked and returned; `totalCount` still counts every match and `rankingLimited` says so.
 */
export const SEARCH_RANKING_LIMIT = 10_000;

/** Each kind's FTS5 table and its bm25 column weights (the title or name column weighs most). */
const INDEXES: Record<SearchType, { table: string; weights: string }> = {
  // Holds live events only: archiving an event takes it out (see the live-event-search migration).
  event: { table: 'event_search', weights: '10.0, 3.0, 2.0' },
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
  const ranked = store.all<Omit<SearchHit, 'snippet'>>(sql`
    select * from (${sql.join(
      wanted.map((type) => candidates(type, match)),
      sql` union all `,
    )}) order by score, type, id limit ${size + 1} offset ${offset}`);
  const onPage = ranked.slice(0, size);
  const snippets = new Map(
    wanted.map((type) => {
      const ids = onPage.filter((hit) => hit.type === type).map((hit) => hit.id);
      return [type, ids.length ? snippetsOf(store, type, match, ids) : new Map<number, string>()];
    }),
  );
  const count = (type: SearchType, cap?: number) =>
    store.get<{ n: number }>(
      cap === undefined
        ? sql`select count(*) as n ${matching(type, match)}`
        : sql`select count(*) as n from (select 1 ${matching(type, match)} limit ${cap})`,
    ).n;
  return {
    hits: onPage.map((hit) => ({ ...hit, snippet: snippets.get(hit.type)!.get(hit.id) ?? '' })),
    cursors: onPage.map((_, index) => encodeOffset(text, offset + index)),
    hasNextPage: ranked.length > size,
    hasPreviousPage: offset > 0,
    // Counted only when read: counting every match of a common word is most of a search's cost.
    get totalCount() {
      return wanted.reduce((sum, type) => sum + count(type), 0);
    },
    get rankingLimited() {
      return wanted.some((type) => count(type, SEARCH_RANKING_LIMIT + 1) > SEARCH_RANKING_LIMIT);
    },
  };
}

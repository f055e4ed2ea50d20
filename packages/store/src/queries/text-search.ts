/**
 * Translates what a person types into an FTS5 query, for `search` and every `text` filter alike:
 * the input is read by the shared `parseSearch` (`search/syntax.ts`, which PostgreSQL's search
 * reads it with too) and written in FTS5's syntax. Case and accents are folded by the index's tokenizer.
 */

import { QueryError } from '../errors/query-error.ts';
import { parseSearch, SEARCH_SYNTAX_HINT } from '../search/syntax.ts';

export { MAX_SEARCH_LENGTH, MAX_SEARCH_NESTING, MAX_SEARCH_TERMS } from '../search/syntax.ts';

/**
 * Returns the FTS5 MATCH expression for `input`, or null when it holds no word at all. Throws
 * INVALID_SEARCH, naming `argument`, when `parseSearch` refuses the input; FTS5 reads every
 * expression this returns. Each word or phrase is quoted, so its punctuation is never FTS5 syntax.
 */
export function toFtsQuery(
  input: string,
  argument: string,
  options: { prefixEveryWord?: boolean } = {},
): string | null {
  const parts = parseSearch(input, argument, options);
  return (
    parts
      ?.map((part) =>
        part.kind === 'operand'
          ? `"${part.text}"${part.prefix ? '*' : ''}`
          : part.kind === 'operator'
            ? part.operator
            : part.kind === 'open'
              ? '('
              : ')',
      )
      .join(' ') ?? null
  );
}

/** SQLite's messages for an FTS5 expression it cannot read, as opposed to a database that fails. */
const UNREADABLE_FTS_QUERY = /^(fts5[: ]|unterminated string$)/;
const TOO_DEEP_FOR_FTS = /stack overflow|too large/;

/**
 * The caller's INVALID_SEARCH for an error SQLite raised reading an FTS5 expression (drizzle wraps
 * it, so causes are followed), or undefined for any other error. `toFtsQuery` keeps these from
 * happening; this is the net under it, so a search that still slips through is answered as the
 * caller's to fix and never surfaces as an internal error.
 */
export function searchErrorFrom(error: unknown, argument?: string): QueryError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code !== 'SQLITE_ERROR' || !UNREADABLE_FTS_QUERY.test(cause.message)) continue;
    const message = TOO_DEEP_FOR_FTS.test(cause.message)
      ? 'The search nests or chains operators more deeply than the full-text index can read; use fewer parentheses and operators.'
      : `The full-text index cannot read the search (${cause.message}). ${SEARCH_SYNTAX_HINT}`;
    return new QueryError('INVALID_SEARCH', message, argument);
  }
  return undefined;
}

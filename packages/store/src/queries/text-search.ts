/**
 * Translates what a person types into an FTS5 query, for `search` and every `text` filter
 * alike. The syntax is FTS5's: words (all must match), "phrases", prefixes (`pipe*`), OR, NOT,
 * AND and parentheses. Each word is quoted before it reaches FTS5, so a word with punctuation
 * ("Mi-35", "JF-17", "U.S.") means its parts as a phrase instead of being read as a column name
 * or an operator. A designation that ends in a hyphen and digits also matches its variants
 * ("Mi-35" finds "Mi-35M", "JF-17" finds "JF-17B"): the index splits "35M" into one token, so the
 * last part is matched as a prefix. Case and accents are folded by the index's tokenizer.
 */

import { QueryError } from '../errors/query-error.ts';
import { codePointName, FORBIDDEN_CHARACTER } from '../text/control-characters.ts';

/**
 * The limits on what a search may hold, set from what people type: a few words, a quoted title,
 * a handful of alternatives. Google caps a query at 32 words, and so do we. 500 characters fit 32
 * long words. SQLite's FTS5 parser overflows at 33 nested groups such as `(a OR (b OR ...`, and no
 * real search nests more than two or three, so 8 levels leave room without nearing it.
 */
export const MAX_SEARCH_LENGTH = 500;
export const MAX_SEARCH_TERMS = 32;
export const MAX_SEARCH_NESTING = 8;

const WORD = /[^\s]+/g;

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const TOKEN = /"([^"]*)("?)(\*?)|([()])|([^\s()"]+)/g;
const HAS_TERM = /[\p{L}\p{N}]/u;
const DESIGNATION = /\p{L}-\d+$/u;

const SYNTAX_HINT = 'Use words, "quoted phrases", prefix*, OR, NOT and parentheses.';

type Token =
  | { kind: 'operand'; fts: string; terms: number }
  | { kind: 'operator'; fts: string }
  | { kind: 'open' | 'close' };

/** Refuses, before any parsing, input too long to be a search or holding characters no search contains. */
function checkCharacters(input: string, argument: string) {
  if (input.length > MAX_SEARCH_LENGTH)
    throw new QueryError(
      'INVALID_SEARCH',
      `The search is ${input.length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed. Search for fewer, more telling words.`,
      argument,
    );
  const forbidden = FORBIDDEN_CHARACTER.exec(input);
  if (forbidden)
    throw new QueryError(
      'INVALID_SEARCH',
      `The search contains ${codePointName(forbidden[0])} at position ${forbidden.index}, a control character or half of a surrogate pair; remove it and send plain text.`,
      argument,
    );
}

function tokenize(input: string, prefixEveryWord: boolean, argument: string): Token[] {
  const tokens: Token[] = [];
  for (const [, phrase, closed, star, paren, word] of input.matchAll(TOKEN)) {
    if (phrase !== undefined) {
      if (!closed)
        throw new QueryError('INVALID_SEARCH', `The search has an unclosed double quote. ${SYNTAX_HINT}`, argument);
      if (HAS_TERM.test(phrase))
        tokens.push({ kind: 'operand', fts: `"${phrase}"${star}`, terms: phrase.match(WORD)!.length });
    } else if (paren) {
      tokens.push({ kind: paren === '(' ? 'open' : 'close' });
    } else if (OPERATORS.has(word!)) {
      tokens.push({ kind: 'operator', fts: word! });
    } else if (HAS_TERM.test(word!)) {
      const prefix = word!.endsWith('*') || prefixEveryWord || DESIGNATION.test(word!);
      tokens.push({ kind: 'operand', fts: `"${word!.replace(/\*+$/, '')}"${prefix ? '*' : ''}`, terms: 1 });
    }
  }
  return tokens;
}

/**
 * Returns the FTS5 MATCH expression for `input`, or null when it holds no word at all. Throws
 * INVALID_SEARCH, naming `argument`, when the operators or parentheses do not fit together or
 * the input passes the limits above; within them FTS5 reads every expression this returns.
 */
export function toFtsQuery(input: string, argument: string, { prefixEveryWord = false } = {}): string | null {
  checkCharacters(input, argument);
  const parts: string[] = [];
  let expectOperand = true;
  let depth = 0;
  let terms = 0;
  const fail = (problem: string) => new QueryError('INVALID_SEARCH', `The search ${problem}. ${SYNTAX_HINT}`, argument);
  for (const token of tokenize(input, prefixEveryWord, argument)) {
    if (token.kind === 'operand') terms += token.terms;
    if (terms > MAX_SEARCH_TERMS)
      throw new QueryError(
        'INVALID_SEARCH',
        `The search has more than ${MAX_SEARCH_TERMS} words; search for at most ${MAX_SEARCH_TERMS}, the most telling ones.`,
        argument,
      );
    if (token.kind === 'open' && depth === MAX_SEARCH_NESTING)
      throw fail(`nests parentheses more than ${MAX_SEARCH_NESTING} levels deep`);
    const startsOperand = token.kind === 'operand' || token.kind === 'open';
    // FTS5 allows an implicit AND only between phrases, so it is spelled out everywhere.
    if (startsOperand && !expectOperand) parts.push('AND');
    if (token.kind === 'operator' && expectOperand) throw fail(`needs a word before ${token.fts}`);
    if (token.kind === 'close' && expectOperand)
      throw fail('has an empty pair of parentheses or an operator right before ")"');
    if (token.kind === 'close' && --depth < 0) throw fail('closes a parenthesis it never opened');
    if (token.kind === 'open') depth++;
    parts.push('fts' in token ? token.fts : token.kind === 'open' ? '(' : ')');
    expectOperand = token.kind !== 'operand' && token.kind !== 'close';
  }
  if (!parts.length) return null;
  if (expectOperand) throw fail(`needs a word after ${parts.at(-1)}`);
  if (depth > 0) throw fail('leaves a parenthesis open');
  return parts.join(' ');
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
      : `The full-text index cannot read the search (${cause.message}). ${SYNTAX_HINT}`;
    return new QueryError('INVALID_SEARCH', message, argument);
  }
  return undefined;
}

/**
 * Reads what a person types into a search (`search` and every `text` filter), for both databases:
 * words (all must match), "phrases", prefixes (`pipe*`), OR, NOT, AND and parentheses, with FTS5's
 * meaning. `parseSearch` checks the input and gives its parts in order, with every implicit AND
 * spelled out; `searchTree` groups them as FTS5 does (NOT binds tightest, then AND, then OR). Each
 * database renders them in its own syntax: `queries/text-search.ts` for FTS5, `postgres-store/` for
 * tsquery. A word with punctuation ("Mi-35", "U.S.") means its parts as a phrase; a designation that
 * ends in a hyphen and digits also matches its variants ("Mi-35" finds "Mi-35M", "JF-17" finds
 * "JF-17B"): the index keeps "35M" as one token, so the last part is matched as a prefix.
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

export type SearchOperator = 'AND' | 'OR' | 'NOT';

/** A word or a quoted phrase: its text as typed (without quotes or star), and whether its last word is a prefix. */
export interface SearchOperand {
  kind: 'operand';
  text: string;
  prefix: boolean;
}

export type SearchPart = SearchOperand | { kind: 'operator'; operator: SearchOperator } | { kind: 'open' | 'close' };

/** A search grouped as FTS5 groups it. */
export type SearchTree = SearchOperand | { kind: SearchOperator; left: SearchTree; right: SearchTree };

const WORD = /[^\s]+/g;
const OPERATORS = new Set<string>(['AND', 'OR', 'NOT']);
const TOKEN = /"([^"]*)("?)(\*?)|([()])|([^\s()"]+)/g;
const HAS_TERM = /[\p{L}\p{N}]/u;
const DESIGNATION = /\p{L}-\d+$/u;

export const SEARCH_SYNTAX_HINT = 'Use words, "quoted phrases", prefix*, OR, NOT and parentheses.';

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

type Token = { part: SearchPart; terms: number };

function tokenize(input: string, prefixEveryWord: boolean, argument: string): Token[] {
  const tokens: Token[] = [];
  for (const [, phrase, closed, star, paren, word] of input.matchAll(TOKEN)) {
    if (phrase !== undefined) {
      if (!closed)
        throw new QueryError(
          'INVALID_SEARCH',
          `The search has an unclosed double quote. ${SEARCH_SYNTAX_HINT}`,
          argument,
        );
      if (HAS_TERM.test(phrase))
        tokens.push({
          part: { kind: 'operand', text: phrase, prefix: star === '*' },
          terms: phrase.match(WORD)!.length,
        });
    } else if (paren) {
      tokens.push({ part: { kind: paren === '(' ? 'open' : 'close' }, terms: 0 });
    } else if (OPERATORS.has(word!)) {
      tokens.push({ part: { kind: 'operator', operator: word as SearchOperator }, terms: 0 });
    } else if (HAS_TERM.test(word!)) {
      const prefix = word!.endsWith('*') || prefixEveryWord || DESIGNATION.test(word!);
      tokens.push({ part: { kind: 'operand', text: word!.replace(/\*+$/, ''), prefix }, terms: 1 });
    }
  }
  return tokens;
}

const partText = (part: SearchPart) =>
  part.kind === 'operand' ? part.text : part.kind === 'operator' ? part.operator : part.kind === 'open' ? '(' : ')';

/**
 * The parts of `input` in order, every implicit AND spelled out, or null when it holds no word at
 * all. Throws INVALID_SEARCH, naming `argument`, when the operators or parentheses do not fit
 * together or the input passes the limits above. `prefixEveryWord` matches every word as a prefix
 * (the actors filter, where people type the start of a name).
 */
export function parseSearch(input: string, argument: string, { prefixEveryWord = false } = {}): SearchPart[] | null {
  checkCharacters(input, argument);
  const parts: SearchPart[] = [];
  let expectOperand = true;
  let depth = 0;
  let terms = 0;
  const fail = (problem: string) =>
    new QueryError('INVALID_SEARCH', `The search ${problem}. ${SEARCH_SYNTAX_HINT}`, argument);
  for (const { part, terms: partTerms } of tokenize(input, prefixEveryWord, argument)) {
    terms += partTerms;
    if (terms > MAX_SEARCH_TERMS)
      throw new QueryError(
        'INVALID_SEARCH',
        `The search has more than ${MAX_SEARCH_TERMS} words; search for at most ${MAX_SEARCH_TERMS}, the most telling ones.`,
        argument,
      );
    if (part.kind === 'open' && depth === MAX_SEARCH_NESTING)
      throw fail(`nests parentheses more than ${MAX_SEARCH_NESTING} levels deep`);
    const startsOperand = part.kind === 'operand' || part.kind === 'open';
    // FTS5 allows an implicit AND only between phrases, so it is spelled out everywhere.
    if (startsOperand && !expectOperand) parts.push({ kind: 'operator', operator: 'AND' });
    if (part.kind === 'operator' && expectOperand) throw fail(`needs a word before ${part.operator}`);
    if (part.kind === 'close' && expectOperand)
      throw fail('has an empty pair of parentheses or an operator right before ")"');
    if (part.kind === 'close' && --depth < 0) throw fail('closes a parenthesis it never opened');
    if (part.kind === 'open') depth++;
    parts.push(part);
    expectOperand = part.kind !== 'operand' && part.kind !== 'close';
  }
  if (!parts.length) return null;
  if (expectOperand) throw fail(`needs a word after ${partText(parts.at(-1)!)}`);
  if (depth > 0) throw fail('leaves a parenthesis open');
  return parts;
}

/** FTS5's precedence: NOT binds tightest, then AND, then OR; each is left-associative. */
const PRECEDENCE: Record<SearchOperator, number> = { OR: 1, AND: 2, NOT: 3 };

/** Groups the parts `parseSearch` returned (which are well formed) by FTS5's precedence. */
export function searchTree(parts: readonly SearchPart[]): SearchTree {
  let at = 0;
  const operand = (): SearchTree => {
    const part = parts[at++]!;
    if (part.kind === 'operand') return part;
    const inner = expression(0);
    at++; // the closing parenthesis
    return inner;
  };
  const expression = (least: number): SearchTree => {
    let left = operand();
    for (let next = parts[at]; next?.kind === 'operator' && PRECEDENCE[next.operator] > least; next = parts[at]) {
      at++;
      left = { kind: next.operator, left, right: expression(PRECEDENCE[next.operator]) };
    }
    return left;
  };
  return expression(0);
}

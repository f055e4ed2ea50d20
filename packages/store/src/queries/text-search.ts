/**
 * Translates what a person types into an FTS5 query, for `search` and every `text` filter
 * alike. The syntax is FTS5's: words (all must match), "phrases", prefixes (`pipe*`), OR, NOT,
 * AND and parentheses. Each word is quoted before it reaches FTS5, so a word with punctuation
 * ("Mi-35", "JF-17", "U.S.") means its parts as a phrase instead of being read as a column name
 * or an operator. A designation that ends in a hyphen and digits also matches its variants
 * ("Mi-35" finds "Mi-35M", "JF-17" finds "JF-17B"): the index splits "35M" into one token, so the
 * last part is matched as a prefix. Case and accents are folded by the index's tokenizer.
 */
import { QueryError } from './errors.ts';

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const TOKEN = /"([^"]*)("?)(\*?)|([()])|([^\s()"]+)/g;
const HAS_TERM = /[\p{L}\p{N}]/u;
const DESIGNATION = /\p{L}-\d+$/u;

const SYNTAX_HINT = 'Use words, "quoted phrases", prefix*, OR, NOT and parentheses.';

type Token = { kind: 'operand'; fts: string } | { kind: 'operator'; fts: string } | { kind: 'open' | 'close' };

function tokenize(input: string, prefixEveryWord: boolean, argument: string): Token[] {
  const tokens: Token[] = [];
  for (const [, phrase, closed, star, paren, word] of input.matchAll(TOKEN)) {
    if (phrase !== undefined) {
      if (!closed)
        throw new QueryError('INVALID_SEARCH', `The search has an unclosed double quote. ${SYNTAX_HINT}`, argument);
      if (HAS_TERM.test(phrase)) tokens.push({ kind: 'operand', fts: `"${phrase}"${star}` });
    } else if (paren) {
      tokens.push({ kind: paren === '(' ? 'open' : 'close' });
    } else if (OPERATORS.has(word!)) {
      tokens.push({ kind: 'operator', fts: word! });
    } else if (HAS_TERM.test(word!)) {
      const prefix = word!.endsWith('*') || prefixEveryWord || DESIGNATION.test(word!);
      tokens.push({ kind: 'operand', fts: `"${word!.replace(/\*+$/, '')}"${prefix ? '*' : ''}` });
    }
  }
  return tokens;
}

/**
 * Returns the FTS5 MATCH expression for `input`, or null when it holds no word at all. Throws
 * INVALID_SEARCH, naming `argument`, when the operators or parentheses do not fit together.
 */
export function toFtsQuery(input: string, argument: string, { prefixEveryWord = false } = {}): string | null {
  const parts: string[] = [];
  let expectOperand = true;
  let depth = 0;
  const fail = (problem: string) => new QueryError('INVALID_SEARCH', `The search ${problem}. ${SYNTAX_HINT}`, argument);
  for (const token of tokenize(input, prefixEveryWord, argument)) {
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

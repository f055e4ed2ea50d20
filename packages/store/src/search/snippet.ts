/**
 * A search hit's snippet built from its record's text, for a database without FTS5's `snippet()`
 * (PostgreSQL's `ts_headline` cuts words its own way, not as the search does): the column with the
 * most matches, a window of `SNIPPET_WORDS` words around them, each match of a word or phrase between
 * HIGHLIGHT_START and HIGHLIGHT_END, and '…' where the window cuts the text. It follows FTS5's snippet
 * in shape but chooses its window more simply, so the two may show different passages of one record.
 */
import { HIGHLIGHT_END, HIGHLIGHT_START } from './request.ts';
import type { SearchOperand, SearchTree } from './syntax.ts';
import { type SearchToken, searchTokens, searchWords } from './words.ts';

/** Words in a snippet, as SQLite's `snippet(…, 16)`. */
export const SNIPPET_WORDS = 16;

/** The words and phrases a record must hold to match (what NOT excludes is never highlighted). */
function wanted(tree: SearchTree): SearchOperand[] {
  if (tree.kind === 'operand') return [tree];
  return tree.kind === 'NOT' ? wanted(tree.left) : [...wanted(tree.left), ...wanted(tree.right)];
}

interface Match {
  operand: number;
  first: number;
  last: number;
}

function matchesIn(tokens: SearchToken[], phrases: { words: string[]; prefix: boolean }[]): Match[] {
  const found: Match[] = [];
  phrases.forEach(({ words, prefix }, operand) => {
    if (!words.length) return;
    for (let at = 0; at + words.length <= tokens.length; at++) {
      const fits = words.every((word, index) => {
        const token = tokens[at + index]!.word;
        return prefix && index === words.length - 1 ? token.startsWith(word) : token === word;
      });
      if (fits) found.push({ operand, first: at, last: at + words.length - 1 });
    }
  });
  return found.sort((a, b) => a.first - b.first || a.last - b.last);
}

/** How good a window is: distinct words or phrases matched first, then matches. */
const worth = (matches: Match[]) => new Set(matches.map((match) => match.operand)).size * 1000 + matches.length;

const inside = (matches: Match[], start: number) =>
  matches.filter((match) => match.first >= start && match.last < start + SNIPPET_WORDS);

/** The snippet of a record whose searched columns hold `columns` (null for an empty one), for `tree`. */
export function snippetOf(columns: readonly (string | null)[], tree: SearchTree): string {
  const phrases = wanted(tree).map((operand) => ({ words: searchWords(operand.text), prefix: operand.prefix }));
  let best = { column: 0, start: 0, matches: [] as Match[], worth: -1, tokens: [] as SearchToken[] };
  columns.forEach((text, column) => {
    const tokens = searchTokens(text ?? '');
    const matches = matchesIn(tokens, phrases);
    for (const start of matches.length ? matches.map((match) => match.first) : [0]) {
      const shown = inside(matches, start);
      if (worth(shown) > best.worth) best = { column, start, matches: shown, worth: worth(shown), tokens };
    }
  });
  const { tokens, matches } = best;
  const text = columns[best.column] ?? '';
  if (!tokens.length) return text;
  // Centre the matches in the window, as FTS5 does, without running past either end.
  const span = matches.length ? matches.at(-1)!.last - matches[0]!.first + 1 : 0;
  const centred = best.start - Math.floor((SNIPPET_WORDS - span) / 2);
  const start = Math.max(0, Math.min(centred, tokens.length - SNIPPET_WORDS));
  const end = Math.min(tokens.length, start + SNIPPET_WORDS);
  const marked = new Set<number>();
  const opens = new Set<number>();
  const closes = new Set<number>();
  for (const match of inside(matchesIn(tokens, phrases), start)) {
    if ([...range(match.first, match.last)].some((index) => marked.has(index))) continue;
    for (const index of range(match.first, match.last)) marked.add(index);
    opens.add(match.first);
    closes.add(match.last);
  }
  let snippet = start > 0 ? '…' : '';
  let at = start > 0 ? tokens[start]!.start : 0;
  for (let index = start; index < end; index++) {
    const token = tokens[index]!;
    snippet += text.slice(at, token.start);
    if (opens.has(index)) snippet += HIGHLIGHT_START;
    snippet += text.slice(token.start, token.end);
    if (closes.has(index)) snippet += HIGHLIGHT_END;
    at = token.end;
  }
  return end < tokens.length ? `${snippet}…` : snippet + text.slice(at);
}

function* range(first: number, last: number) {
  for (let index = first; index <= last; index++) yield index;
}

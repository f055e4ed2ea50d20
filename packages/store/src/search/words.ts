/**
 * Text cut into search words exactly as SQLite's FTS5 tokenizer (`unicode61 remove_diacritics 2`)
 * cuts and folds it: a word is a run of token characters, lower-cased and stripped of diacritics by
 * unicode61's own tables (`unicode61-table.ts`, recorded from SQLite). "1.5" is the words 1 and 5,
 * "Mi-35M" mi and 35m, "don't" don and t; "Lavróv" is lavrov; Cyrillic й and ё stay themselves, as on
 * SQLite. PostgreSQL's search builds its stored vectors with the SQL twin of this function
 * (`searchWordsSql`, in its search migration) and its queries with this one, so both databases match
 * the same records.
 */
import { UNICODE61_FOLDS, UNICODE61_SEPARATORS } from './unicode61-table.ts';

const FOLDS = new Map(UNICODE61_FOLDS.map(([from, to]) => [from, to]));

/** Whether `codePoint` ends a word: a binary search of the separator ranges. */
function separates(codePoint: number): boolean {
  let low = 0;
  let high = UNICODE61_SEPARATORS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = UNICODE61_SEPARATORS[middle]!;
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

/** A search word of a text and where it stands in that text (UTF-16 offsets, end excluded). */
export interface SearchToken {
  word: string;
  start: number;
  end: number;
}

/** The search words of `text` with their places, in order. */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let word = '';
  let start = 0;
  let offset = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (separates(codePoint)) {
      if (word) tokens.push({ word, start, end: offset });
      word = '';
    } else {
      if (!word) start = offset;
      const folded = FOLDS.get(codePoint);
      if (folded === undefined) word += character;
      else if (folded !== 0) word += String.fromCodePoint(folded);
    }
    offset += character.length;
  }
  if (word) tokens.push({ word, start, end: offset });
  return tokens;
}

/** The search words of `text`, in order. */
export const searchWords = (text: string): string[] => searchTokens(text).map((token) => token.word);

/** A code point written as PostgreSQL's regular expressions and escape strings read it (`\uXXXX`, `\UXXXXXXXX`). */
const escaped = (codePoint: number) =>
  codePoint > 0xffff
    ? `\\U${codePoint.toString(16).padStart(8, '0')}`
    : `\\u${codePoint.toString(16).padStart(4, '0')}`;

/** Code points per group of folds: each group is folded only when the text holds one of its characters. */
const FOLD_GROUP = 128;

/**
 * The body of PostgreSQL's plpgsql `search_words(input text)`: the same cut and fold as `searchWords`,
 * the words joined by single spaces. `translate` folds (the characters it drops listed last, with no
 * counterpart) and one regular expression of the separator ranges cuts; both work on code points,
 * whatever the database's locale. `translate` looks each character up in its list, so the folds are
 * split into groups of neighbouring code points, each applied only to text that holds one of its
 * characters: text in ASCII alone meets the 26 capitals only. (unicode61 folds each character once,
 * and every folded character folds to itself, so the order of the groups does not matter.) NUL is
 * left out: PostgreSQL's text cannot hold it.
 */
export function searchWordsSql(): string {
  const groups = new Map<number, [number, number][]>();
  for (const [from, to] of UNICODE61_FOLDS) {
    const group = Math.floor(from / FOLD_GROUP);
    groups.set(group, [...(groups.get(group) ?? []), [from, to]]);
  }
  const list = (codePoints: number[]) => codePoints.map(escaped).join('');
  const translate = (folds: [number, number][]) => {
    const changed = folds.filter(([, to]) => to !== 0);
    const dropped = folds.filter(([, to]) => to === 0);
    return `translate(folded, E'${list([...changed, ...dropped].map(([from]) => from))}', E'${list(changed.map(([, to]) => to))}')`;
  };
  const [ascii, ...rest] = [...groups].sort(([a], [b]) => a - b);
  const beyondAscii = rest.map(([group, folds]) => {
    const range = `${escaped(group * FOLD_GROUP)}-${escaped(group * FOLD_GROUP + FOLD_GROUP - 1)}`;
    return `    IF folded ~ '[${range}]' THEN folded := ${translate(folds)}; END IF;`;
  });
  const separators = UNICODE61_SEPARATORS.map(([first, last]) => [Math.max(first, 1), last] as const)
    .map(([first, last]) => (first === last ? escaped(first) : `${escaped(first)}-${escaped(last)}`))
    .join('');
  return `DECLARE
  folded text := ${translate(ascii![1]).replace('translate(folded', 'translate(input')};
BEGIN
  IF folded ~ '[^\\u0001-\\u007f]' THEN
${beyondAscii.join('\n')}
  END IF;
  RETURN btrim(regexp_replace(folded, '[${separators}]+', ' ', 'g'));
END`;
}

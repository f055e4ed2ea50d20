/**
 * What a person types into a search, as a PostgreSQL `tsquery` over the `search` vectors: read by
 * the same `parseSearch` as on SQLite, grouped as FTS5 groups it (`searchTree`), each word and phrase
 * cut and folded by `searchWords` as the vectors were (`search_words` in the search-words migration),
 * so both databases match the same records. A phrase is its words joined by `<->`, a prefix `:*` on
 * its last word, `a NOT b` is `a & !b`, and every group is parenthesised, so tsquery's own precedence
 * never applies. The lexemes are written out and cast (`::tsquery`), never normalised again.
 */
import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import { parseSearch, type SearchTree, searchTree } from '../search/syntax.ts';
import { searchWords } from '../search/words.ts';

/** A tsquery, or NOTHING for a search that can match no record (a phrase with no word FTS5 keeps). */
export const NOTHING = Symbol('matches nothing');
export type TsQuery = string | typeof NOTHING;

// Search words hold letters and digits only; quotes and backslashes are escaped all the same.
const lexeme = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

function render(tree: SearchTree): TsQuery {
  if (tree.kind === 'operand') {
    const words = searchWords(tree.text);
    if (!words.length) return NOTHING;
    const phrase = words.map(
      (word, index) => `${lexeme(word)}${tree.prefix && index === words.length - 1 ? ':*' : ''}`,
    );
    return phrase.length === 1 ? phrase[0]! : `(${phrase.join(' <-> ')})`;
  }
  const left = render(tree.left);
  const right = render(tree.right);
  // FTS5 matches nothing for an empty phrase: simplify as it does.
  switch (tree.kind) {
    case 'AND':
      return left === NOTHING || right === NOTHING ? NOTHING : `(${left} & ${right})`;
    case 'OR':
      return left === NOTHING ? right : right === NOTHING ? left : `(${left} | ${right})`;
    case 'NOT':
      return left === NOTHING || right === NOTHING ? left : `(${left} & !${right})`;
  }
}

/**
 * The tsquery for `input`, NOTHING when it can match no record, or null when it holds no word at all.
 * Throws INVALID_SEARCH, naming `argument`, as `toFtsQuery` does for the same input.
 */
export function toTsQuery(
  input: string,
  argument: string,
  options: { prefixEveryWord?: boolean } = {},
): TsQuery | null {
  const parts = parseSearch(input, argument, options);
  return parts && render(searchTree(parts));
}

/** `vector @@ query` for a parsed search (false when it matches nothing). */
export const matchesSql = (vector: SQL, query: TsQuery | Placeholder): SQL =>
  query === NOTHING ? sql`false` : sql`${vector} @@ ${query}::tsquery`;

/** The condition of a `text` filter on `vector`, or undefined when the text holds no word (no condition). */
export function textFilterSql(vector: SQL, text: string, options: { prefixEveryWord?: boolean } = {}): SQL | undefined {
  const query = toTsQuery(text, 'filter.text', options);
  return query === null ? undefined : matchesSql(vector, query);
}

/** How `search(query:)` and every `text` filter read their text; both use the same translation (the store's `toFtsQuery`). */
export const SEARCH_SYNTAX =
  'Case and accents are ignored. All words must match; "double quotes" match a phrase; a trailing * matches a prefix (pipe*); ' +
  'OR, NOT (as in `embargo NOT pipeline`), AND and parentheses combine, and must be written in capitals. ' +
  'Words with punctuation, such as Mi-35, JF-17 or U.S., match as they are written; a designation ending in digits also matches its variants (Mi-35 finds Mi-35M). ' +
  'Operators or parentheses that do not fit together fail with INVALID_SEARCH.';

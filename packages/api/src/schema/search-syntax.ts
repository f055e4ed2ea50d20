import { MAX_SEARCH_LENGTH, MAX_SEARCH_NESTING, MAX_SEARCH_TERMS } from '@bilateral/store';

/** What a search may hold; the store's `toFtsQuery` enforces it. */
export const SEARCH_LIMITS =
  `At most ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_TERMS} words (each word of a phrase counts), with parentheses at most ${MAX_SEARCH_NESTING} levels deep; ` +
  'control characters and lone surrogates are refused. A search over these limits, or whose operators or parentheses do not fit together, fails with INVALID_SEARCH and a message saying why.';

/** How `search(query:)` and every `text` filter read their text; both use the same translation (the store's `toFtsQuery`). */
export const SEARCH_SYNTAX =
  'Case and accents are ignored. All words must match; "double quotes" match a phrase; a trailing * matches a prefix (pipe*); ' +
  'OR, NOT (as in `embargo NOT pipeline`), AND and parentheses combine, and must be written in capitals. ' +
  'Words with punctuation, such as Mi-35, JF-17 or U.S., match as they are written; a designation ending in digits also matches its variants (Mi-35 finds Mi-35M). ' +
  SEARCH_LIMITS;

/**
 * Characters no text we store or search may hold: C0 controls other than tab and line breaks,
 * DEL, the C1 controls, and lone surrogates (half of a UTF-16 pair without its other half, which
 * SQLite would store as U+FFFD and FTS5 may fail to read). Shared by the seed and write rules and the
 * search translation so both refuse the same characters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** `U+0000` style name of the first code point of `character`. */
export const codePointName = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

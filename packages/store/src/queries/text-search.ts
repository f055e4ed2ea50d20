/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: each word must
 * match (AND), a word ending in `*` matches as a prefix, and text in double quotes matches as
 * a phrase. Case and accents are folded by the index's tokenizer.
 */
export function toFtsQuery(input: string, { prefixEveryWord = false } = {}): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const [, phrase, word] = match;
    if (phrase !== undefined) {
      const terms = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (terms.length) parts.push(`"${terms.join(' ')}"`);
      continue;
    }
    const prefix = word!.endsWith('*') || prefixEveryWord;
    for (const term of word!.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) parts.push(`"${term}"${prefix ? '*' : ''}`);
  }
  return parts.length ? parts.join(' ') : null;
}

/**
 * How many paragraphs a document in the documents directory has. Counting reads and splits the
 * whole document, and every write that cites it asks, so counts are cached per file and style
 * and counted again when the file's modification time or size changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ParagraphStyle, splitParagraphs } from './paragraphs.ts';

const cache = new Map<string, { stamp: string; count: number }>();

/** The document's paragraph count, or undefined when `dir` holds no such file. */
export function paragraphCount(dir: string, file: string, style: ParagraphStyle): number | undefined {
  const path = join(dir, file);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  const key = `${style}:${path}`;
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = cache.get(key);
  if (cached?.stamp === stamp) return cached.count;
  const count = splitParagraphs(readFileSync(path, 'utf8'), style).length;
  cache.set(key, { stamp, count });
  return count;
}

/**
 * A document's paragraphs in the documents directory, as `splitParagraphs` cuts them. Every write
 * that cites a document asks for its count, and the API shows cited paragraphs' text, so the
 * paragraphs are cached per file and style and cut again when the file's modification time or size
 * changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ParagraphStyle, splitParagraphs } from './paragraphs.ts';

const cache = new Map<string, { stamp: string; paragraphs: readonly string[] }>();

/** The paragraphs of `file` in `dir`, or undefined when `dir` holds no such file. */
export function documentParagraphs(dir: string, file: string, style: ParagraphStyle): readonly string[] | undefined {
  // A file name only: a source's `file` never reaches outside the directory.
  if (basename(file) !== file) return undefined;
  const path = join(dir, file);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  const key = `${style}:${path}`;
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = cache.get(key);
  if (cached?.stamp === stamp) return cached.paragraphs;
  const paragraphs = splitParagraphs(readFileSync(path, 'utf8'), style);
  cache.set(key, { stamp, paragraphs });
  return paragraphs;
}

/** The document's paragraph count, or undefined when `dir` holds no such file. */
export function paragraphCount(dir: string, file: string, style: ParagraphStyle): number | undefined {
  return documentParagraphs(dir, file, style)?.length;
}

/** The text of paragraph `number` (from 1), or undefined when `dir` holds no such file or paragraph. */
export function paragraphText(dir: string, file: string, style: ParagraphStyle, number: number): string | undefined {
  return documentParagraphs(dir, file, style)?.[number - 1];
}

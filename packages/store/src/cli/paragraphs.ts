// Prints a source document with the paragraph numbers that citations and coverage manifests use.
// Usage: paragraphs <file name in ../shared/sources> [layout|blank-lines]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSourcesDir } from '../sources/documents.ts';
import { PARAGRAPH_STYLES, type ParagraphStyle, splitParagraphs } from '../sources/paragraphs.ts';

const [file, styleArgument] = process.argv.slice(2);
if (!file) {
  console.error('usage: paragraphs <file> [layout|blank-lines]');
  process.exit(2);
}
const style = (styleArgument ?? 'blank-lines') as ParagraphStyle;
if (!PARAGRAPH_STYLES.includes(style)) {
  console.error(`unknown paragraph style "${style}"; use one of ${PARAGRAPH_STYLES.join(', ')}`);
  process.exit(2);
}
const paragraphs = splitParagraphs(readFileSync(join(defaultSourcesDir(), file), 'utf8'), style);
for (const [index, text] of paragraphs.entries()) console.log(`[${index + 1}] ${text}\n`);

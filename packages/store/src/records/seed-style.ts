/**
 * How records look in the seed files, so that a record written by export-seeds reads like one
 * written by hand: block maps for records, offices and claims; flow maps for the small maps of
 * scalars inside them (`{ actor: russia, role: host }`); flow lists of scalars (`[defence, trade]`);
 * summaries and reasons folded (`>-`) at 99 columns; dates and values quoted; defaults left out.
 */
import { Document, type Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** The widest line of folded text; the hand-written files wrap there. */
const FOLD_WIDTH = 99;

const QUOTED_KEYS = new Set(['date', 'period', 'published', 'from', 'to', 'value', 'note']);
const FOLDED_KEYS = new Set(['summary', 'reason', 'dateBasis']);
/** Lists whose items are records of their own, written as block maps even when they hold only scalars. */
export const BLOCK_ITEM_KEYS = new Set(['offices', 'claims']);
/** Values the seed format supplies when a field is absent (format.ts), so the files leave them out. */
const DEFAULTS: Record<string, unknown> = { preferred: false, approximate: false };

const isScalarValue = (value: unknown) => value === null || typeof value !== 'object';

export const isDefault = (key: string, value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0) || DEFAULTS[key] === value;

/**
 * A styled node for `value`. `key` is the field it is the value of; `block` forces a block map,
 * for a record itself (a source holds only scalars) and for offices and claims.
 */
export function styledNode(value: unknown, key?: string, block = false): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map((item) => styledNode(item, undefined, BLOCK_ITEM_KEYS.has(key ?? '')));
    seq.flow = value.every(isScalarValue);
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap();
    const entries = Object.entries(value).filter(([field, fieldValue]) => !isDefault(field, fieldValue));
    map.items = entries.map(([field, fieldValue]) => new Pair(new Scalar(field), styledNode(fieldValue, field)));
    map.flow = !block && entries.every(([, fieldValue]) => isScalarValue(fieldValue));
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && key !== undefined) {
    if (FOLDED_KEYS.has(key)) scalar.type = Scalar.BLOCK_FOLDED;
    else if (QUOTED_KEYS.has(key)) scalar.type = Scalar.QUOTE_DOUBLE;
  }
  return scalar;
}

/**
 * One list item as seed-file text (`- slug: ...`, no trailing newline), indented to `column`.
 * Folded text is wrapped at FOLD_WIDTH, except paragraphs found unchanged in `knownFolds`, which
 * keep the line breaks the file already has.
 */
export function renderItem(node: Node, column: number, knownFolds: ReadonlyMap<string, string[]>): string {
  const document = new Document(new YAMLSeq());
  (document.contents as YAMLSeq).items.push(node);
  // lineWidth 0: the yaml package would otherwise also break long flow maps over several lines.
  const text = document.toString({ lineWidth: 0, flowCollectionPadding: true }).replace(/\n+$/, '');
  const unpadded = text.replace(/^(\s*[a-z_]+: )\[ ((?:[a-z0-9_-]+, )*[a-z0-9_-]+) \]$/gm, '$1[$2]');
  return foldBlocks(unpadded, knownFolds)
    .split('\n')
    .map((line, index) => (index > 0 && line ? ' '.repeat(column) + line : line))
    .join('\n');
}

interface FoldedParagraph {
  /** Index of its first line in the text's lines. */
  start: number;
  lines: string[];
  indent: number;
}

/** The paragraphs of every `>-` block in `text`: runs of non-empty lines indented deeper than the header. */
function foldedParagraphs(lines: string[]): FoldedParagraph[] {
  const paragraphs: FoldedParagraph[] = [];
  let headerIndent = -1;
  lines.forEach((line, index) => {
    const indent = line.length - line.trimStart().length;
    if (headerIndent >= 0 && (!line.trim() || indent > headerIndent)) {
      const last = paragraphs.at(-1);
      if (!line.trim()) return;
      if (last && last.start + last.lines.length === index) last.lines.push(line.trim());
      else paragraphs.push({ start: index, lines: [line.trim()], indent });
      return;
    }
    headerIndent = /(?::|^\s*-) >-?$/.test(line) ? indent : -1;
  });
  return paragraphs;
}

/** Each paragraph of folded text in a file, by its text, with the line breaks it has there. */
export function foldsOf(text: string): Map<string, string[]> {
  return new Map(foldedParagraphs(text.split('\n')).map(({ lines }) => [lines.join(' '), lines]));
}

function foldBlocks(text: string, knownFolds: ReadonlyMap<string, string[]>): string {
  const lines = text.split('\n');
  for (const paragraph of foldedParagraphs(lines).reverse()) {
    const joined = paragraph.lines.join(' ');
    const folded = knownFolds.get(joined) ?? wrap(joined, FOLD_WIDTH - paragraph.indent);
    lines.splice(paragraph.start, paragraph.lines.length, ...folded.map((line) => ' '.repeat(paragraph.indent) + line));
  }
  return lines.join('\n');
}

/** Greedy wrap at single spaces: a folded scalar reads a line break between words as one space. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    while (cut > 0 && (rest[cut - 1] === ' ' || rest[cut + 1] === ' ')) cut = rest.lastIndexOf(' ', cut - 1);
    if (cut <= 0) break;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  return [...lines, rest];
}

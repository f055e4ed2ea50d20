/**
 * One seed file opened by export-seeds. Edits are spliced into the file's text instead of
 * re-printing the whole document, so everything they do not touch (other records, the header,
 * comments between records) keeps its exact bytes; only a replaced record is rendered again.
 */
import { type Document, isMap, isSeq, type Node } from 'yaml';
import type { SeedProblem } from '../seed/problems.ts';
import { parseSeedText } from '../seed/read.ts';
import { foldsOf, renderItem } from './seed-style.ts';

export interface SeedItem {
  readonly slug: string | undefined;
  /** The item as plain YAML data, before the seed format's defaults and transforms. */
  readonly data: unknown;
  readonly node: Node;
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

const isCommentLine = (line: string) => line.trimStart().startsWith('#');

export class SeedFileEditor {
  readonly items: SeedItem[] = [];
  private readonly document: Document | undefined;
  private readonly replaced = new Map<SeedItem, Node>();
  private readonly removed = new Set<SeedItem>();
  private readonly appended: Node[] = [];

  /** `text` is the file's content, empty for a file that does not exist yet; `path` names it in problems. */
  constructor(
    readonly path: string,
    private readonly text: string,
    problems: SeedProblem[],
  ) {
    this.document = parseSeedText(text, path, problems);
    const list = this.document?.contents;
    if (list && !isSeq(list))
      problems.push({
        file: path,
        record: 'file',
        field: '',
        message: 'must hold a YAML list of records',
        code: 'UNREADABLE',
      });
    if (!isSeq(list)) return;
    for (const node of list.items as Node[]) {
      const slug = isMap(node) ? node.get('slug') : undefined;
      this.items.push({ slug: typeof slug === 'string' ? slug : undefined, data: node.toJSON(), node });
    }
  }

  get changed(): boolean {
    return this.replaced.size + this.removed.size + this.appended.length > 0;
  }

  replace(item: SeedItem, node: Node) {
    this.replaced.set(item, node);
  }

  remove(item: SeedItem) {
    this.removed.add(item);
  }

  append(node: Node) {
    this.appended.push(node);
  }

  /** The file's new text. */
  render(): string {
    const folds = foldsOf(this.text);
    const splices: Splice[] = [
      ...[...this.replaced].map(([item, node]) => {
        const { dash, end, column } = this.spanOf(item);
        return { from: dash, to: end, text: renderItem(withoutOuterComments(node), column, folds) };
      }),
      ...[...this.removed].map((item) => this.removalOf(item)),
      ...this.emptyFlowList(),
    ];
    let text = this.text;
    for (const { from, to, text: insert } of splices.sort((a, b) => b.from - a.from))
      text = text.slice(0, from) + insert + text.slice(to);
    if (this.appended.length === 0) return text;
    const column = this.items.length ? this.spanOf(this.items[0]!).column : 0;
    const added = this.appended.map(
      (node) => ' '.repeat(column) + renderItem(withoutOuterComments(node), column, folds),
    );
    const kept = text.trimEnd();
    return `${kept ? `${kept}\n\n` : ''}${added.join('\n\n')}\n`;
  }

  /** From the item's `-` to the end of its last value; comments after it are not its own. */
  private spanOf(item: SeedItem) {
    const [start, valueEnd] = item.node.range!;
    let dash = start - 1;
    while (dash > 0 && this.text[dash] !== '-') dash--;
    const lineStart = this.text.lastIndexOf('\n', dash - 1) + 1;
    return {
      dash,
      lineStart,
      end: start + this.text.slice(start, valueEnd).trimEnd().length,
      column: dash - lineStart,
    };
  }

  /** The item's lines and the comment lines right above it, leaving one blank line between its neighbours. */
  private removalOf(item: SeedItem): Splice {
    const { lineStart, end } = this.spanOf(item);
    let from = lineStart;
    // Comments right above the first record may be the file's header, so they stay.
    if (item !== this.items[0]) {
      while (from > 0) {
        const previous = this.text.lastIndexOf('\n', from - 2) + 1;
        if (!isCommentLine(this.text.slice(previous, from - 1))) break;
        from = previous;
      }
    }
    const lineEnd = this.text.indexOf('\n', end);
    let to = lineEnd < 0 ? this.text.length : lineEnd + 1;
    if (this.text.slice(0, from).endsWith('\n\n') && (to === this.text.length || this.text[to] === '\n')) {
      if (to === this.text.length) from--;
      else to++;
    }
    return { from, to, text: '' };
  }

  /** An empty flow list (`[]`) is dropped when records are appended, which become a block list. */
  private emptyFlowList(): Splice[] {
    const list = this.document?.contents;
    if (this.appended.length === 0 || !isSeq(list) || !list.flow || list.items.length > 0) return [];
    return [{ from: list.range![0], to: list.range![1], text: '' }];
  }
}

/** Comments before and after an item belong to the file's text around it, which stays as it is. */
function withoutOuterComments(node: Node): Node {
  node.commentBefore = undefined;
  node.comment = undefined;
  node.spaceBefore = false;
  return node;
}

import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from './request.ts';
import { snippetOf } from './snippet.ts';
import { parseSearch, type SearchTree, searchTree } from './syntax.ts';

const tree = (input: string, options = {}) => searchTree(parseSearch(input, 'q', options)!);
/** A tree written back with every group parenthesised, to read its grouping. */
const grouped = (node: SearchTree): string =>
  node.kind === 'operand'
    ? `${node.text}${node.prefix ? '*' : ''}`
    : `(${grouped(node.left)} ${node.kind} ${grouped(node.right)})`;

describe('searchTree', () => {
  it('groups as FTS5 does: NOT tightest, then AND, then OR, each from the left', () => {
    expect(grouped(tree('a NOT b c'))).toBe('((a NOT b) AND c)');
    expect(grouped(tree('a OR b NOT c'))).toBe('(a OR (b NOT c))');
    expect(grouped(tree('a OR b c'))).toBe('(a OR (b AND c))');
    expect(grouped(tree('a NOT b NOT c'))).toBe('((a NOT b) NOT c)');
    expect(grouped(tree('(a OR b) NOT "c d"*'))).toBe('((a OR b) NOT c d*)');
    expect(grouped(tree('Mi-35 pipe*'))).toBe('(Mi-35* AND pipe*)');
    expect(grouped(tree('mos', { prefixEveryWord: true }))).toBe('mos*');
  });
});

describe('snippetOf', () => {
  it('shows the column with the most matches, its matches marked and the window cut with ellipses', () => {
    const summary = Array.from({ length: 30 }, (_, index) => (index === 20 ? 'Pipeline' : `w${index}`)).join(' ');
    expect(snippetOf(['Talks', summary, null], tree('pipe* OR talks'))).toBe(`${S}Talks${E}`);
    expect(snippetOf(['Talks', summary, null], tree('pipe*'))).toBe(
      `…w13 w14 w15 w16 w17 w18 w19 ${S}Pipeline${E} w21 w22 w23 w24 w25 w26 w27 w28…`,
    );
    expect(snippetOf(['Gas pipeline deal', null], tree('"gas pipeline" NOT deal'))).toBe(`${S}Gas pipeline${E} deal`);
  });
});

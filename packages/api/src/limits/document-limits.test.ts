import { Lexer, parse, Source, TokenKind, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleOperations } from '../graphiql/examples.ts';
import { MAX_ALIASES, MAX_DIRECTIVES, MAX_NESTING, MAX_TOKENS } from './document-limits.ts';
import { sdkOperationFiles } from './sdk-operations.ts';

const tokens = (text: string) => {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
};

/** The most braces, brackets and parentheses open at once. */
const nesting = (text: string) => {
  const lexer = new Lexer(new Source(text));
  let depth = 0;
  let deepest = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    if ('{[('.includes(token.kind)) deepest = Math.max(deepest, ++depth);
    if ('}])'.includes(token.kind)) depth--;
  }
  return deepest;
};

const countOf = (text: string) => {
  let aliases = 0;
  let directives = 0;
  visit(parse(text), {
    Field: (field) => {
      if (field.alias) aliases++;
    },
    Directive: () => {
      directives++;
    },
  });
  return { aliases, directives };
};

describe('the document ceilings', () => {
  const files = sdkOperationFiles();
  const tabs = exampleOperations();

  it('leave at least five times the tokens of the largest SDK request (a whole operation file, or a tab with its fragments)', () => {
    const largest = Math.max(...files.map(({ text }) => tokens(text)), ...tabs.map(({ query }) => tokens(query)));
    expect(largest).toBeGreaterThan(100);
    expect(largest * 5).toBeLessThanOrEqual(MAX_TOKENS);
  });

  it('leave at least three times the bracket nesting of the deepest SDK request', () => {
    const deepest = Math.max(...files.map(({ text }) => nesting(text)), ...tabs.map(({ query }) => nesting(query)));
    expect(deepest).toBeGreaterThan(5);
    expect(deepest * 3).toBeLessThanOrEqual(MAX_NESTING);
  });

  it('sit above the aliases and directives the SDK uses, with room for hand-written queries', () => {
    const counts = files.map(({ text }) => countOf(text));
    expect(Math.max(...counts.map((count) => count.aliases)) + 10).toBeLessThanOrEqual(MAX_ALIASES);
    expect(Math.max(...counts.map((count) => count.directives)) + 5).toBeLessThanOrEqual(MAX_DIRECTIVES);
  });
});

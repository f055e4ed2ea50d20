/**
 * The ceilings checked on a document's text before it is parsed: how many tokens it has and how
 * deeply its brackets nest (`{`, `[`, `(`). graphql-js parses selections and argument values
 * recursively, so a short document such as `[[[[…]]]]` in an argument literal, or input objects
 * nested a thousand deep, would exhaust the parser's stack (an unexpected error) before any rule
 * could look at it. One pass of graphql's own lexer counts both without recursion, reads no
 * further than the token ceiling, and runs only when Yoga has not parsed the same text before (its
 * parser cache sits in front of the parse function). Hand-written rather than GraphQL Armor's token
 * counter, which counts while parsing and so cannot stop the recursion first.
 */
import { GraphQLError, Lexer, type ParseOptions, Source, TokenKind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface TextCeilings {
  maxTokens: number;
  maxNesting: number;
}

export type PassedCeiling = 'tokens' | 'nesting';

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Which ceiling `text` passes, if any; a document past both is reported as too long, as the token
 * ceiling always has been. A lexical error ends the count: the parser then reports it with its own
 * message.
 */
export function passedCeiling(text: string, { maxTokens, maxNesting }: TextCeilings): PassedCeiling | undefined {
  const lexer = new Lexer(new Source(text));
  let depth = 0;
  let deepest = 0;
  try {
    for (let tokens = 0; ; tokens++) {
      const { kind } = lexer.advance();
      if (kind === TokenKind.EOF) break;
      if (tokens === maxTokens) return 'tokens';
      if (OPENING.has(kind)) deepest = Math.max(deepest, ++depth);
      else if (CLOSING.has(kind)) depth--;
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return deepest > maxNesting ? 'nesting' : undefined;
}

type ParseFn = (source: string | Source, options?: ParseOptions) => unknown;

/**
 * Refuses a document past a ceiling with the error `refusal` builds, before the parse function
 * Yoga would call runs (it wraps the one it finds, so it goes after any plugin that replaces it).
 */
export const useTextLimits = (ceilings: TextCeilings, refusal: (ceiling: PassedCeiling) => GraphQLError): Plugin => ({
  onParse({ parseFn, setParseFn }) {
    const parse = parseFn as ParseFn;
    setParseFn(((source: string | Source, options?: ParseOptions) => {
      const passed = passedCeiling(typeof source === 'string' ? source : source.body, ceilings);
      if (passed) throw refusal(passed);
      return parse(source, options);
    }) as typeof parseFn);
  },
});

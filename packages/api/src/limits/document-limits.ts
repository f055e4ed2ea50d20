/**
 * Ceilings on the shape of a document, checked while it is parsed and validated, before any cost
 * is computed or resolver runs: tokens, bracket nesting, aliases, directives and repeated fields.
 * Each is set from what the SDK's operations need, with room to spare (a test measures the SDK
 * against them), and documented in docs/limits.md. Tokens and nesting are counted on the text before
 * it is parsed (`text-limits.ts`); GraphQL Armor's counters count aliases and directives, each
 * fragment once, so they are linear in the document.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type ValidationRule,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { MAX_QUERY_DEPTH, maxDepthRule } from './query-depth.ts';
import { useTextLimits } from './text-limits.ts';

/** The SDK's largest operation, with its fragments, is about 210 tokens. */
export const MAX_TOKENS = 2_000;
/**
 * Braces, brackets and parentheses open at once. The SDK's deepest operation opens about a dozen;
 * the parser's stack holds about a thousand.
 */
export const MAX_NESTING = 64;
/**
 * The SDK uses no aliases; a hand-written query comparing a few records needs a handful. Each
 * aliased list is a statement over the whole dataset, so this stays low.
 */
export const MAX_ALIASES = 10;
/** The SDK uses no directives; `@include`/`@skip` on a few fields is what a front-end needs. */
export const MAX_DIRECTIVES = 10;
/** How often one response key may be selected in one selection set (`{ id id id }`). */
export const MAX_FIELD_REPEATS = 3;

const limitError = (code: ErrorCode, message: string, limit: number, found?: number) =>
  new GraphQLError(message, { extensions: { code, limit, ...(found === undefined ? {} : { found }) } });

const tooManyTokens = () =>
  limitError(
    'TOO_MANY_TOKENS',
    `This document has more than ${MAX_TOKENS} tokens (names, punctuation, values), the most this server parses. Send fewer fields or split the request.`,
    MAX_TOKENS,
  );

const nestedTooDeep = () =>
  limitError(
    'QUERY_TOO_DEEP',
    `This document nests braces, brackets or parentheses more than ${MAX_NESTING} deep (fields are limited to ${MAX_QUERY_DEPTH} levels, and an argument value's lists and objects count too). Send flatter values or split the request.`,
    MAX_NESTING,
  );

/** An Armor counter whose rejection is reported with our code (Armor's own is an uncoded syntax error). */
const countingRule =
  (
    rule: (options: object) => ValidationRule,
    n: number,
    code: ErrorCode,
    message: (found: number) => string,
  ): ValidationRule =>
  (context) =>
    rule({
      n,
      allowList: [],
      propagateOnRejection: false,
      onReject: [
        (_: unknown, error: GraphQLError) => {
          const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? n + 1);
          context.reportError(limitError(code, message(found), n, found));
        },
      ],
    })(context);

const aliasLimit = countingRule(
  maxAliasesRule,
  MAX_ALIASES,
  'TOO_MANY_ALIASES',
  (found) =>
    `This operation uses ${found} aliases; the limit is ${MAX_ALIASES}. Fetch many records with \`nodes(ids:)\` or a filter instead of one aliased field each.`,
);

const directiveLimit = countingRule(
  maxDirectivesRule,
  MAX_DIRECTIVES,
  'TOO_MANY_DIRECTIVES',
  (found) => `This operation uses ${found} directives; the limit is ${MAX_DIRECTIVES}.`,
);

/** Refuses `{ id id id id }`: graphql merges repeated fields, but each copy is still validated and walked. */
const fieldRepeatLimit: ValidationRule = (context): ASTVisitor => ({
  SelectionSet(selectionSet) {
    const counts = new Map<string, number>();
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count === MAX_FIELD_REPEATS + 1) {
        context.reportError(
          new GraphQLError(
            `\`${key}\` is selected more than ${MAX_FIELD_REPEATS} times in one selection; select each field once.`,
            { nodes: [selection], extensions: { code: 'FIELD_DUPLICATED', limit: MAX_FIELD_REPEATS } },
          ),
        );
      }
    }
  },
});

/** The ceilings checked before graphql's own validation. */
export const documentLimitRules: readonly ValidationRule[] = [
  aliasLimit,
  directiveLimit,
  fieldRepeatLimit,
  maxDepthRule,
];

/**
 * The ceilings' errors for a document, checked once per parsed document: Yoga keeps one parsed
 * document per query text, and its own validation cache does not cover a plugin's `validate` call.
 */
const checkedDocuments = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();

function limitErrors(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  let bySchema = checkedDocuments.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    checkedDocuments.set(schema, bySchema);
  }
  let errors = bySchema.get(document);
  if (!errors) {
    errors = validate(schema, document, documentLimitRules);
    bySchema.set(document, errors);
  }
  return errors;
}

/**
 * Checks the ceilings first and, when one is passed, answers with its errors without running
 * graphql's own validation: some of its rules (overlapping fields) take time that grows with the
 * square of a selection's size, so a document that breaks a ceiling must not reach them.
 */
export const useDocumentLimits = (): Plugin => ({
  onPluginInit({ addPlugin }) {
    addPlugin(
      useTextLimits({ maxTokens: MAX_TOKENS, maxNesting: MAX_NESTING }, (ceiling) =>
        ceiling === 'tokens' ? tooManyTokens() : nestedTooDeep(),
      ),
    );
  },
  onValidate({ params, setResult }) {
    const errors = limitErrors(params.schema, params.documentAST);
    if (errors.length > 0) setResult(errors);
  },
});

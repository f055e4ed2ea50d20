/**
 * A ceiling on how deeply a query may nest. Every list here is paged, but pages nest: a query can
 * ask for events, their actors, their events, their actors ... and multiply the work at each
 * level. The ceiling sits well above the deepest operation the SDK ships (a test checks that), so
 * it only stops queries no front-end needs.
 */

import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from './errors.ts';

export const MAX_QUERY_DEPTH = 16;

/** The depth of a selection set: 1 for `{ a }`, 2 for `{ a { b } }`; fragments count as their contents. */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD)
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, seen));
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      const fragment = fragments[selection.name.value];
      deepest = Math.max(
        deepest,
        selectionDepth(fragment?.selectionSet, fragments, new Set([...seen, selection.name.value])),
      );
    }
  }
  return deepest;
}

function maxDepthRule(context: ValidationContext): ASTVisitor {
  const fragments = Object.fromEntries(
    context
      .getDocument()
      .definitions.filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return {
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, fragments);
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(
          new GraphQLError(
            `This query nests ${depth} levels deep; the limit is ${MAX_QUERY_DEPTH}. Split it: fetch the inner records by ID in a second query.`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_DEEP' satisfies ErrorCode } },
          ),
        );
      }
    },
  };
}

export const useQueryDepthLimit = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(maxDepthRule);
  },
});

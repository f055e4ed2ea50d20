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

export const MAX_QUERY_DEPTH = 16;

/**
 * The depth of a selection set: 1 for `{ a }`, 2 for `{ a { b } }`; fragments count as their
 * contents. Each fragment's depth is computed once and remembered in `fragmentDepths`, so the walk
 * is linear in the document even when fragments spread the next one many times (walking each spread
 * again doubles the work per level). A fragment that spreads itself counts as empty inside itself;
 * graphql's own NoFragmentCycles rule refuses such documents.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  fragmentDepths = new Map<string, number>(),
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD)
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, fragmentDepths));
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, fragmentDepths));
    else deepest = Math.max(deepest, fragmentDepth(selection.name.value, fragments, fragmentDepths));
  }
  return deepest;
}

function fragmentDepth(
  name: string,
  fragments: Record<string, FragmentDefinitionNode>,
  fragmentDepths: Map<string, number>,
): number {
  const known = fragmentDepths.get(name);
  if (known !== undefined) return known;
  fragmentDepths.set(name, 0);
  const depth = selectionDepth(fragments[name]?.selectionSet, fragments, fragmentDepths);
  fragmentDepths.set(name, depth);
  return depth;
}

/** Refuses operations nested deeper than MAX_QUERY_DEPTH (checked by limits/document-limits.ts). */
export function maxDepthRule(context: ValidationContext): ASTVisitor {
  const fragments = Object.fromEntries(
    context
      .getDocument()
      .definitions.filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fragmentDepths = new Map<string, number>();
  return {
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, fragments, fragmentDepths);
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(
          new GraphQLError(
            `This query nests ${depth} levels deep; the limit is ${MAX_QUERY_DEPTH}. Split it: fetch the inner records by ID in a second query.`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_DEEP' } },
          ),
        );
      }
    },
  };
}

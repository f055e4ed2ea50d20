import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../execution/context.ts';
import { EDGES_PRICE, fieldPrice, UNPAGED_LIST_BOUND } from '../limits/pricing.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    ID: { Input: string; Output: string | number };
    Date: { Input: string; Output: string };
    Decimal: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  // Every connection carries its count, computed only when a client selects `totalCount` (connections.ts).
  Connection: { totalCount: () => number | Promise<number> };
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin, ComplexityPlugin],
  // Prices only: the limit is checked during validation by limits/cost-limit.ts, before any resolver runs.
  complexity: { fieldComplexity: fieldPrice, defaultListMultiplier: UNPAGED_LIST_BOUND },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: {
      description: 'Anything that can be fetched by its global ID with `node(id:)` or `nodes(ids:)`.',
    },
    idFieldOptions: {
      description: "Opaque global ID. Stable across restarts; pass it to `node(id:)` or the type's own lookup field.",
    },
    // Replaced by schema/node.ts, which reports malformed IDs as INVALID_ID.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: 'Where a page sits in the whole result, for cursor pagination.' },
    hasNextPageFieldOptions: {
      description: 'True when more items follow this page; fetch them with `after: endCursor`.',
    },
    hasPreviousPageFieldOptions: {
      description: 'True when items come before this page; fetch them with `before: startCursor` and `last`.',
    },
    startCursorFieldOptions: { description: 'Cursor of the first item on this page; null when the page is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last item on this page; null when the page is empty.' },
    pageInfoFieldOptions: { description: 'Paging information for this page.' },
    edgesFieldOptions: { description: 'The items on this page, each with its cursor.', complexity: EDGES_PRICE },
    nodeFieldOptions: { description: 'The item itself.' },
    cursorFieldOptions: {
      description: 'Opaque position of this item; pass it as `after` or `before` to continue from here.',
    },
    firstArgOptions: {
      description:
        'Number of items to return from the start (after `after`), 1 to 100. Defaults to 20 when neither `first` nor `last` is given.',
    },
    lastArgOptions: {
      description:
        'Number of items to return from the end (before `before`), 1 to 100. Cannot be combined with `first`.',
    },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
    defaultConnectionTypeOptions: { description: 'One page of results, with cursors and the total count.' },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
  },
});

/** The schema types Pothos resolved for `builder`, for helpers that take one of its field builders. */
export type BuilderTypes = typeof builder.$inferSchemaTypes;

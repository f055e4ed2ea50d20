import type { Page } from '@bilateral/store';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import { type BuilderTypes, builder } from './builder.ts';

export interface CountedConnection<Row> {
  edges: { node: Row; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when a client selects `totalCount`. */
  totalCount: () => number | Promise<number>;
}

/** A store page in the shape Pothos' relay plugin resolves connections from. */
export function toConnection<Row>(page: Page<Row>, totalCount: () => number | Promise<number>): CountedConnection<Row> {
  return {
    edges: page.rows.map((node, index) => ({ node, cursor: page.cursors[index]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount,
  };
}

/**
 * True when every selection of a connection field is its `totalCount` (or `__typename`): a list that
 * shows each record's count, such as the sources with their citations, needs no page of them, and
 * reading one for each record cost a scan of its children.
 */
export function asksOnlyForCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every(
    (node) =>
      node.selectionSet?.selections.every(
        (selection) => selection.kind === Kind.FIELD && ['totalCount', '__typename'].includes(selection.name.value),
      ) ?? false,
  );
}

/** The page of a connection whose rows nobody asked for. */
export const UNREAD_PAGE: Page<never> = { rows: [], cursors: [], hasNextPage: false, hasPreviousPage: false };

/** The `totalCount` field of a connection type, whose description says what is counted. */
export const totalCountField =
  (description: string) =>
  <Shape extends Pick<CountedConnection<unknown>, 'totalCount'>>(
    t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
  ) => ({
    totalCount: t.int({ description, resolve: (connection) => connection.totalCount() }),
  });

/**
 * `first` and `after` only, for lists that page forwards only (ranked lists paged by offset),
 * so the schema does not offer `last`/`before` only to reject them.
 */
export const forwardPageArgs = () =>
  builder.args((t) => ({
    first: t.int({
      description:
        'Number of items to return (after `after`), 1 to 100; defaults to 20. This list pages forwards only.',
    }),
    after: t.string({ description: 'Return items after this cursor.' }),
  }));

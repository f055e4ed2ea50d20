import { resolveNodes } from '@pothos/plugin-relay';
import { assertAbstractType, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { userError } from '../errors.ts';
import type { Context } from '../execution/context.ts';
import { MAX_NODE_IDS } from '../limits/pricing.ts';
import { builder } from './builder.ts';
import { parseGlobalId } from './lookup.ts';

/*
 * `node` and `nodes` are defined here rather than by the Relay plugin, because the plugin
 * parses IDs before any resolver runs and reports a malformed one as an unexpected error.
 */

const NodeInterface = builder.nodeInterfaceRef();

/** The `{ typename, id }` the Relay plugin loads, or the INVALID_ID error explaining why the ID names no node. */
function nodeKey(
  globalId: string,
  argument: string,
  info: GraphQLResolveInfo,
): { typename: string; id: string } | GraphQLError {
  try {
    const { typename, id } = parseGlobalId(globalId, argument);
    const nodeTypes = info.schema
      .getPossibleTypes(assertAbstractType(info.schema.getType(NodeInterface.name)))
      .map((type) => type.name);
    if (!nodeTypes.includes(typename)) {
      return userError(
        'INVALID_ID',
        `"${globalId}" is not a valid ID: no ${typename} can be fetched by ID. IDs are opaque strings returned by the API's \`id\` fields.`,
        argument,
      );
    }
    return { typename, id: String(id) };
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

/** Loads each key's object; an INVALID_ID error stays in its slot, so one bad ID fails only its own item. */
async function loadNodeKeys(
  keys: ({ typename: string; id: string } | GraphQLError)[],
  context: Context,
  info: GraphQLResolveInfo,
) {
  const loaded = await resolveNodes(
    builder,
    context,
    info,
    keys.map((key) => (key instanceof GraphQLError ? null : key)),
  );
  return keys.map((key, index) => (key instanceof GraphQLError ? key : loaded[index]));
}

builder.queryField('node', (t) =>
  t.field({
    type: NodeInterface,
    nullable: true,
    description:
      'Fetches any object by its global ID. Fails with `INVALID_ID` when the ID is malformed or names a type that does not exist; returns null when the ID is well formed but nothing has it (deleted, or from another database).',
    args: { id: t.arg.id({ required: true, description: 'A global ID, as returned in any `id` field.' }) },
    resolve: async (_root, { id }, context, info) => {
      const [node] = await loadNodeKeys([nodeKey(String(id), 'id', info)], context, info);
      if (node instanceof GraphQLError) throw node;
      return node;
    },
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description:
      "Fetches many objects by global ID, in the order given; null for each ID that matches nothing. A malformed ID (or one naming a type that does not exist) nulls only its own item and adds an `INVALID_ID` error whose `path` ends with that item's index.",
    args: {
      ids: t.arg.idList({
        required: true,
        description: `Global IDs, as returned in any \`id\` field; at most ${MAX_NODE_IDS}. More is \`BAD_USER_INPUT\`: fetch them in several requests.`,
      }),
    },
    resolve: (_root, { ids }, context, info) => {
      if (ids.length > MAX_NODE_IDS) {
        throw userError(
          'BAD_USER_INPUT',
          `\`nodes\` takes at most ${MAX_NODE_IDS} IDs and got ${ids.length}; fetch them in several requests.`,
          'ids',
        );
      }
      return loadNodeKeys(
        ids.map((id) => nodeKey(String(id), 'ids', info)),
        context,
        info,
      );
    },
  }),
);

import {
  actorNetwork,
  listSharedEvents,
  MAX_PAGE_SIZE,
  type NetworkEdge,
  QueryError,
  type Relationship,
} from '@bilateral/store';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { userError } from '../errors.ts';
import { AGGREGATE_LIST_BOUND, boundedListPrice, SCAN_PRICE } from '../limits/pricing.ts';
import { builder } from './builder.ts';
import { forwardPageArgs, toConnection, totalCountField } from './connections.ts';
import { drillDownEvents, type Filtered } from './drill-down.ts';
import { EventFilterInput, toEventFilter } from './event.ts';
import { ActorRef } from './refs.ts';

const NetworkNodeRef = builder.objectRef<{ actorId: number; eventCount: number }>('NetworkNode').implement({
  description: 'An actor in the network.',
  fields: (t) => ({
    id: t.id({
      description: "The actor's global ID; edges refer to nodes by it.",
      resolve: (node) => encodeGlobalID('Actor', node.actorId),
    }),
    actor: t.field({
      type: ActorRef,
      description: 'The actor.',
      resolve: async (node, _args, { loaders }) => (await loaders.actor.load(node.actorId))!,
    }),
    eventCount: t.exposeInt('eventCount', {
      description: 'Number of matching events the actor took part in; a good node size.',
    }),
  }),
});

const NetworkEdgeRef = builder.objectRef<Filtered<NetworkEdge>>('NetworkEdge').implement({
  description: 'Two actors that took part in the same events, undirected.',
  fields: (t) => ({
    source: t.id({
      description: 'Global ID of one actor (the one created first).',
      resolve: (edge) => encodeGlobalID('Actor', edge.sourceId),
    }),
    target: t.id({
      description: 'Global ID of the other actor.',
      resolve: (edge) => encodeGlobalID('Actor', edge.targetId),
    }),
    weight: t.exposeInt('weight', { description: 'Number of matching events both took part in.' }),
    firstDate: t.field({
      type: 'Date',
      description: 'Earliest possible day of the first shared event.',
      resolve: (edge) => edge.firstDate,
    }),
    lastDate: t.field({
      type: 'Date',
      description: 'Latest possible day of the last shared event.',
      resolve: (edge) => edge.lastDate,
    }),
    events: drillDownEvents<Filtered<NetworkEdge>>(t, {
      description:
        'The matching events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight`. ' +
        'Each edge whose `events` are selected costs a query of its own, so select it on the edge being opened.',
      list: (edge, store, order, page) =>
        listSharedEvents(store, edge.filter, [edge.sourceId, edge.targetId], order, page),
      count: (edge) => edge.weight,
    }),
  }),
});

const ActorNetworkRef = builder
  .objectRef<{ nodes: ReturnType<typeof actorNetwork>['nodes']; edges: Filtered<NetworkEdge>[] }>('ActorNetwork')
  .implement({
    description:
      'Actors as nodes and co-participation in events as weighted edges, shaped for graph libraries (nodes with ids; edges with source and target ids).',
    fields: (t) => ({
      nodes: t.field({
        type: [NetworkNodeRef],
        description: 'Actors in at least one matching event, most active first.',
        complexity: boundedListPrice(AGGREGATE_LIST_BOUND),
        resolve: (network) => network.nodes,
      }),
      edges: t.field({
        type: [NetworkEdgeRef],
        description: 'Pairs of actors with at least `minWeight` shared events, heaviest first.',
        complexity: boundedListPrice(AGGREGATE_LIST_BOUND),
        resolve: (network) => network.edges,
      }),
    }),
  });

const RelationshipRef = builder.objectRef<Relationship>('Relationship').implement({
  description: 'Another actor this one took part in events with.',
  fields: (t) => ({
    actor: t.field({
      type: ActorRef,
      description: 'The other actor.',
      resolve: async (relationship, _args, { loaders }) => (await loaders.actor.load(relationship.otherId))!,
    }),
    weight: t.exposeInt('weight', { description: 'Number of events both took part in.' }),
    firstDate: t.field({
      type: 'Date',
      description: 'Earliest possible day of the first shared event.',
      resolve: (relationship) => relationship.firstDate,
    }),
    lastDate: t.field({
      type: 'Date',
      description: 'Latest possible day of the last shared event.',
      resolve: (relationship) => relationship.lastDate,
    }),
    events: drillDownEvents<Relationship>(t, {
      description:
        'The events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight`. ' +
        'Each relationship whose `events` are selected costs a query of its own, so select it on the relationship being opened.',
      list: (relationship, store, order, page) =>
        listSharedEvents(store, null, [relationship.actorId, relationship.otherId], order, page),
      count: (relationship) => relationship.weight,
    }),
  }),
});

const offsetCursor = (offset: number) => Buffer.from(`relationship:${offset}`).toString('base64url');
function offsetAfter(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^relationship:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw userError(
      'INVALID_CURSOR',
      '`after` is not a cursor from this list. Use a cursor from the same field.',
      'after',
    );
  return Number(match[1]) + 1;
}

const RelationshipConnection = builder.connectionObject(
  {
    type: RelationshipRef,
    name: 'RelationshipConnection',
    description: "A page of an actor's relationships, with the total count.",
    fields: totalCountField('Number of other actors this one shares events with.'),
  },
  { name: 'RelationshipEdge', description: 'A relationship with its cursor.' },
);

builder.objectField(ActorRef, 'relationships', (t) =>
  t.field({
    type: RelationshipConnection,
    description: `Actors this one took part in events with, heaviest relationship first (ties by the other actor's key), at most ${MAX_PAGE_SIZE} per page. Pages forward only (\`first\` and \`after\`).`,
    args: forwardPageArgs(),
    resolve: async (actor, args, { loaders }) => {
      const size = args.first ?? 20;
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
        throw userError('BAD_USER_INPUT', `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${size}.`, 'first');
      const all = await loaders.relationships.load(actor.id);
      const offset = offsetAfter(args.after);
      const rows = all.slice(offset, offset + size);
      return toConnection(
        {
          rows,
          cursors: rows.map((_, index) => offsetCursor(offset + index)),
          hasNextPage: offset + size < all.length,
          hasPreviousPage: offset > 0,
        },
        () => all.length,
      );
    },
  }),
);

builder.queryFields((t) => ({
  actorNetwork: t.field({
    type: ActorNetworkRef,
    description:
      'The co-participation network of the events matching a filter: who acts with whom, how often, and from when to when.',
    complexity: SCAN_PRICE,
    args: {
      filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet, as for `events`.' }),
      minWeight: t.arg.int({
        defaultValue: 1,
        description: 'Leave out edges with fewer shared events than this (at least 1).',
      }),
    },
    resolve: (_root, args, { store }) => {
      if (args.minWeight != null && args.minWeight < 1)
        throw new QueryError('BAD_USER_INPUT', '`minWeight` must be at least 1.', 'minWeight');
      const filter = toEventFilter(args.filter);
      const network = actorNetwork(store, filter, args.minWeight ?? 1);
      return { ...network, edges: network.edges.map((edge) => ({ ...edge, filter })) };
    },
  }),
}));

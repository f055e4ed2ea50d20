import {
  type ActorNetwork,
  actorNetwork,
  DEFAULT_NETWORK_EDGES,
  DEFAULT_NETWORK_NODES,
  type EventPosition,
  listSharedEvents,
  MAX_NETWORK_EDGES,
  MAX_NETWORK_NODES,
  MAX_PAGE_SIZE,
  NETWORK_EVENT_LIMIT,
  type NetworkEdge,
  type NetworkNode,
  type Relationship,
} from '@bilateral/store';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { userError } from '../errors.ts';
import { actorNetworkPrice, NETWORK_LIST_PRICE } from '../limits/pricing.ts';
import { builder } from './builder.ts';
import { forwardPageArgs, toConnection, totalCountField } from './connections.ts';
import { drillDownEvents, type Filtered } from './drill-down.ts';
import { EventFilterInput, toEventFilter } from './event.ts';
import { ActorRef } from './refs.ts';

const NetworkNodeRef = builder.objectRef<NetworkNode>('NetworkNode').implement({
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
      description: 'Number of counted events the actor took part in; a good node size.',
    }),
  }),
});

type NetworkEdgeSource = Filtered<NetworkEdge> & { since: EventPosition | null };

const NetworkEdgeRef = builder.objectRef<NetworkEdgeSource>('NetworkEdge').implement({
  description:
    'Two actors that took part in the same events, undirected. Both actors are among the `nodes` of the same answer.',
  fields: (t) => ({
    source: t.id({
      description: "Global ID of one actor (the one created first); equals the `id` of one of the answer's `nodes`.",
      resolve: (edge) => encodeGlobalID('Actor', edge.sourceId),
    }),
    target: t.id({
      description: "Global ID of the other actor; equals the `id` of one of the answer's `nodes`.",
      resolve: (edge) => encodeGlobalID('Actor', edge.targetId),
    }),
    weight: t.exposeInt('weight', { description: 'Number of counted events both took part in.' }),
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
    events: drillDownEvents<NetworkEdgeSource>(t, {
      description:
        'The counted events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight` ' +
        '(when `eventsLimited`, only the events the network counted). ' +
        'Each edge whose `events` are selected costs a query of its own, so select it on the edge being opened.',
      list: (edge, store, order, page) =>
        listSharedEvents(store, edge.filter, [edge.sourceId, edge.targetId], order, page, edge.since),
      count: (edge) => edge.weight,
    }),
  }),
});

const ActorNetworkRef = builder.objectRef<ActorNetwork & { edges: NetworkEdgeSource[] }>('ActorNetwork').implement({
  description:
    'Actors as nodes and co-participation in events as weighted edges, shaped for graph libraries (nodes with ids; edges with source and target ids). ' +
    'Bounded: the `maxNodes` most active actors and the `maxEdges` heaviest edges between them, so every edge joins two returned nodes; ' +
    '`nodeCount`, `edgeCount` and `truncated` tell what was left out.',
  fields: (t) => ({
    nodes: t.field({
      type: [NetworkNodeRef],
      description: `The \`maxNodes\` actors in the most counted events, most active first (ties by actor ID).`,
      complexity: NETWORK_LIST_PRICE,
      resolve: (network) => network.nodes,
    }),
    edges: t.field({
      type: [NetworkEdgeRef],
      description:
        'The `maxEdges` heaviest pairs of returned nodes with at least `minWeight` shared events, heaviest first (ties by `source`, then `target` actor ID). ' +
        "Pairs with an actor outside `nodes` are left out: no edge is heavier than the event count of both its actors, so those pairs are at most as heavy as the last node's `eventCount`.",
      complexity: NETWORK_LIST_PRICE,
      resolve: (network) => network.edges,
    }),
    nodeCount: t.exposeInt('nodeCount', {
      description:
        'Number of actors in the whole network (in at least one counted event); `nodes` holds the first `maxNodes` of them.',
    }),
    edgeCount: t.exposeInt('edgeCount', {
      description:
        'Number of pairs in the whole network with at least `minWeight` shared events, whether or not both actors are among `nodes`.',
    }),
    truncated: t.boolean({
      description:
        'True when the answer leaves part of the network out: fewer `nodes` than `nodeCount` or fewer `edges` than `edgeCount`. ' +
        'Raise `maxNodes`/`maxEdges` or `minWeight`, or narrow the filter, to see the rest.',
      resolve: (network) => network.nodes.length < network.nodeCount || network.edges.length < network.edgeCount,
    }),
    eventsLimited: t.boolean({
      description:
        `True when the filter matched more than ${NETWORK_EVENT_LIMIT.toLocaleString('en')} events: the network then counts only the ${NETWORK_EVENT_LIMIT.toLocaleString('en')} most recent of them ` +
        '(latest date first), and its counts, weights, dates and edge `events` are those of these events. Narrow the filter (a date range) to count them all. ' +
        'Always false without a filter: the whole network is read from running totals.',
      resolve: (network) => network.eventsSince !== null,
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
      'The co-participation network of the events matching a filter: who acts with whom, how often, and from when to when. ' +
      `Returns at most \`maxNodes\` nodes and \`maxEdges\` edges (each edge between two returned nodes). Without a filter it reads running totals kept as events are written; with one, it counts at most the ${NETWORK_EVENT_LIMIT.toLocaleString('en')} most recent matching events (\`eventsLimited\`). ` +
      'Priced as a scan whose selection is multiplied by the larger of `maxNodes` and `maxEdges`.',
    complexity: actorNetworkPrice,
    args: {
      filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet, as for `events`.' }),
      minWeight: t.arg.int({
        defaultValue: 1,
        description: 'Leave out edges with fewer shared events than this (at least 1).',
      }),
      maxNodes: t.arg.int({
        defaultValue: DEFAULT_NETWORK_NODES,
        description: `How many nodes to return, the most active actors first: 1 to ${MAX_NETWORK_NODES}.`,
      }),
      maxEdges: t.arg.int({
        defaultValue: DEFAULT_NETWORK_EDGES,
        description: `How many edges to return, the heaviest first, among pairs of returned nodes: 1 to ${MAX_NETWORK_EDGES}.`,
      }),
    },
    resolve: (_root, args, { store }) => {
      const filter = toEventFilter(args.filter);
      const network = actorNetwork(store, filter, {
        minWeight: args.minWeight ?? undefined,
        maxNodes: args.maxNodes ?? undefined,
        maxEdges: args.maxEdges ?? undefined,
      });
      return { ...network, edges: network.edges.map((edge) => ({ ...edge, filter, since: network.eventsSince })) };
    },
  }),
}));

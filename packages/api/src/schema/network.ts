import {
  type ActorNetwork,
  DEFAULT_NETWORK_EDGES,
  DEFAULT_NETWORK_NODES,
  type EventFilter,
  type EventPosition,
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
import { PAGE_FIELD_COST, SCAN_PRICE, sizedListPrice } from '../limits/pricing.ts';
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
    'Two actors that took part in the same events, undirected. Both are among the `amongNodes` most active actors of the `edges` field that listed it.',
  fields: (t) => ({
    source: t.id({
      description: 'Global ID of one actor (the one created first): the `id` of a node of `nodes(first: amongNodes)`.',
      resolve: (edge) => encodeGlobalID('Actor', edge.sourceId),
    }),
    target: t.id({
      description: 'Global ID of the other actor, also among `nodes(first: amongNodes)`.',
      resolve: (edge) => encodeGlobalID('Actor', edge.targetId),
    }),
    weight: t.exposeInt('weight', { description: 'Number of counted events both took part in.' }),
    firstDate: t.expose('firstDate', {
      type: 'Date',
      description: 'Earliest possible day of the first shared event.',
    }),
    lastDate: t.expose('lastDate', {
      type: 'Date',
      description: 'Latest possible day of the last shared event.',
    }),
    events: drillDownEvents<NetworkEdgeSource>(t, {
      description:
        'The counted events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight` ' +
        '(when `eventsLimited`, only the events the network counted). ' +
        'Each edge whose `events` are selected costs a query of its own, priced as an ordinary page (1,000 points), so select it on the edge being opened ' +
        '(or list them with `events(filter: { actors: [both slugs], actorsMatch: ALL })` under the same filter).',
      list: (edge, store, order, page) =>
        store.listSharedEvents(edge.filter, [edge.sourceId, edge.targetId], order, page, edge.since),
      count: (edge) => edge.weight,
      // Two actors' shared events are found by intersecting their participations (10-90 ms for some
      // pairs at 100,000 events on a loaded machine), not through an index of the edge's own, and
      // `edges` lists up to 500: at a bucket's price one request could open hundreds of them.
      fieldCost: PAGE_FIELD_COST,
    }),
  }),
});

/** The network of one `actorNetwork` field, with the filter its edges' events are listed under. */
interface NetworkSource {
  reader: ActorNetwork;
  filter: EventFilter | null;
}

const ActorNetworkRef = builder.objectRef<NetworkSource>('ActorNetwork').implement({
  description:
    'Actors as nodes and co-participation in events as weighted edges, shaped for graph libraries (nodes with ids; edges with source and target ids). ' +
    'Bounded: `nodes(first:)` returns the most active actors and `edges(first:, amongNodes:)` the heaviest edges between them; ' +
    'pass the same number as `nodes(first:)` and `amongNodes` and every edge joins two returned nodes. `nodeCount` and `edgeCount` tell how much was left out.',
  fields: (t) => ({
    nodes: t.field({
      type: [NetworkNodeRef],
      description: 'The `first` actors in the most counted events, most active first (ties by actor ID).',
      args: {
        first: t.arg.int({
          defaultValue: DEFAULT_NETWORK_NODES,
          description: `How many actors to return, 1 to ${MAX_NETWORK_NODES}.`,
        }),
      },
      complexity: sizedListPrice(DEFAULT_NETWORK_NODES, MAX_NETWORK_NODES),
      resolve: ({ reader }, args) => reader.nodes(args.first ?? DEFAULT_NETWORK_NODES),
    }),
    edges: t.field({
      type: [NetworkEdgeRef],
      description:
        'The `first` heaviest pairs with at least `minWeight` shared events whose two actors are both among the `amongNodes` most active actors, ' +
        "heaviest first (ties by `source`, then `target` actor ID). Pairs with another actor are left out; none is heavier than that actor's `eventCount`, " +
        'so none outweighs the last of the `amongNodes` nodes.',
      args: {
        first: t.arg.int({
          defaultValue: DEFAULT_NETWORK_EDGES,
          description: `How many edges to return, 1 to ${MAX_NETWORK_EDGES}.`,
        }),
        amongNodes: t.arg.int({
          defaultValue: DEFAULT_NETWORK_NODES,
          description:
            `Only edges between the \`amongNodes\` most active actors, 1 to ${MAX_NETWORK_NODES}: the actors \`nodes(first:)\` returns for the same number. ` +
            'Give it the same value as `nodes(first:)` so that every `source` and `target` is the `id` of a returned node (graph libraries such as d3-force and Cytoscape reject edges to missing nodes).',
        }),
      },
      complexity: sizedListPrice(DEFAULT_NETWORK_EDGES, MAX_NETWORK_EDGES),
      resolve: async ({ reader, filter }, args) =>
        (await reader.edges(args.first ?? DEFAULT_NETWORK_EDGES, args.amongNodes ?? DEFAULT_NETWORK_NODES)).map(
          (edge) => ({ ...edge, filter, since: reader.eventsSince }),
        ),
    }),
    nodeCount: t.int({
      description:
        'Number of actors in the whole network (in at least one counted event). Fewer `nodes` than this means the answer leaves actors out.',
      resolve: ({ reader }) => reader.nodeCount(),
    }),
    edgeCount: t.int({
      description:
        'Number of pairs in the whole network with at least `minWeight` shared events, whatever `amongNodes` is. Fewer `edges` than this means the answer leaves edges out.',
      resolve: ({ reader }) => reader.edgeCount(),
    }),
    eventsLimited: t.boolean({
      description:
        `True when the filter matched more than ${NETWORK_EVENT_LIMIT.toLocaleString('en')} events: the network then counts only the ${NETWORK_EVENT_LIMIT.toLocaleString('en')} most recent of them ` +
        '(latest date first), and its counts, weights, dates and edge `events` are those of these events. Narrow the filter (a date range) to count them all. ' +
        'Always false without a filter: the whole network is read from running totals.',
      resolve: ({ reader }) => reader.eventsSince !== null,
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
    firstDate: t.expose('firstDate', {
      type: 'Date',
      description: 'Earliest possible day of the first shared event.',
    }),
    lastDate: t.expose('lastDate', {
      type: 'Date',
      description: 'Latest possible day of the last shared event.',
    }),
    events: drillDownEvents<Relationship>(t, {
      description:
        'The events both actors took part in, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `weight`. ' +
        'Each relationship whose `events` are selected costs a query of its own, so select it on the relationship being opened.',
      list: (relationship, store, order, page) =>
        store.listSharedEvents(null, [relationship.actorId, relationship.otherId], order, page),
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
      const offset = offsetAfter(args.after);
      // One more than the page, to tell whether another follows.
      const upToPage = await loaders.relationships(offset + size + 1).load(actor.id);
      const rows = upToPage.slice(offset, offset + size);
      return toConnection(
        {
          rows,
          cursors: rows.map((_, index) => offsetCursor(offset + index)),
          hasNextPage: upToPage.length > offset + size,
          hasPreviousPage: offset > 0,
        },
        () => loaders.relationshipCounts.load(actor.id),
      );
    },
  }),
);

builder.queryFields((t) => ({
  actorNetwork: t.field({
    type: ActorNetworkRef,
    description:
      'The co-participation network of the events matching a filter: who acts with whom, how often, and from when to when. ' +
      `Its \`nodes\` and \`edges\` lists are bounded by their \`first\` arguments. Without a filter it reads running totals kept as events are written; with one, it counts at most the ${NETWORK_EVENT_LIMIT.toLocaleString('en')} most recent matching events (\`eventsLimited\`).`,
    complexity: SCAN_PRICE,
    args: {
      filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet, as for `events`.' }),
      minWeight: t.arg.int({
        defaultValue: 1,
        description: 'Leave out edges with fewer shared events than this (at least 1).',
      }),
    },
    resolve: async (_root, args, { store }) => {
      const filter = toEventFilter(args.filter);
      return { reader: await store.readActorNetwork(filter, { minWeight: args.minWeight ?? 1 }), filter };
    },
  }),
}));

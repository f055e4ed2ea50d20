/**
 * The benchmark's page queries as PostGraphile asks for them, and the one shape both answers are
 * reduced to for the same-data check. PostGraphile's schema is generated from the tables
 * (postgres.ts), so it names things its own way (`allEvents`, `eventParticipantsByEventId`,
 * `rowId`), pages with its own cursors and keeps enum-like text columns as plain strings.
 */
import { parseFuzzyDate } from '@bilateral/store';
import { decodeEventCursor, decodeGlobalId, type EventFilterArgs } from '../baselines/wire.ts';
import type { BenchQuery } from '../queries.ts';

/** The same page as our `EventsPage`: order, fields and nested lists in the same order. */
const EVENTS_PAGE = `query EventsPage($first: Int!, $after: Cursor, $filter: EventFilter!) {
  allEvents(first: $first, after: $after, filter: $filter, orderBy: [DATE_EARLIEST_ASC, DATE_LATEST_ASC, ROW_ID_ASC]) {
    edges {
      cursor
      node {
        rowId title kind place
        eventParticipantsByEventId(orderBy: POSITION_ASC) { nodes { role actorByActorId { rowId name kind } } }
        citationsByEventId(orderBy: [POSITION_ASC, ROW_ID_ASC]) { nodes { paragraph sourceBySourceId { rowId title } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** PostGraphile's cursor for one event in the page order: where a page after that event starts. */
const CURSOR_OF = `query CursorOf($rowId: Int!) {
  allEvents(condition: { rowId: $rowId }, orderBy: [DATE_EARLIEST_ASC, DATE_LATEST_ASC, ROW_ID_ASC]) { edges { cursor } }
}`;

const ACTOR_IDS = `query ActorIds($slugs: [String!]!) { allActors(filter: { slug: { in: $slugs } }) { nodes { rowId } } }`;

/**
 * Our filter in PostGraphile's connection-filter terms: live events, `from`, and any of the actors
 * took part, named by slug as in our API, or by row ID when `actorIds` are given.
 */
function postgraphileFilter(filter: EventFilterArgs | undefined, actorIds?: number[]): Record<string, unknown> {
  const actor = actorIds ? { actorId: { in: actorIds } } : { actorByActorId: { slug: { in: filter?.actors } } };
  return {
    archivedAt: { isNull: true },
    ...(filter?.from && { dateEarliest: { greaterThanOrEqualTo: parseFuzzyDate(filter.from).earliest } }),
    ...(filter?.actors?.length && { eventParticipantsByEventId: { some: actor } }),
  };
}

export type PostgraphileRequest = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

/**
 * Our page query translated: same size, same filter, and a PostGraphile cursor at the same event.
 * `byActorId` filters by the actors' row IDs (looked up first) instead of their slugs.
 */
export async function postgraphilePage(
  ours: BenchQuery,
  request: PostgraphileRequest,
  { byActorId = false } = {},
): Promise<BenchQuery> {
  const { first, after, filter } = ours.request.variables as {
    first: number;
    after?: string;
    filter?: EventFilterArgs;
  };
  let cursor: string | undefined;
  if (after) {
    const answer = (await request(CURSOR_OF, { rowId: decodeEventCursor(after).id })) as {
      data?: { allEvents: { edges: { cursor: string }[] } };
    };
    cursor = answer.data?.allEvents.edges[0]?.cursor;
    if (!cursor) throw new Error(`PostGraphile gave no cursor for ${ours.name}: ${JSON.stringify(answer)}`);
  }
  let actorIds: number[] | undefined;
  if (byActorId) {
    const answer = (await request(ACTOR_IDS, { slugs: filter?.actors ?? [] })) as {
      data?: { allActors: { nodes: { rowId: number }[] } };
    };
    actorIds = answer.data?.allActors.nodes.map((actor) => actor.rowId);
    if (!actorIds?.length) throw new Error(`PostGraphile found no actors for ${ours.name}: ${JSON.stringify(answer)}`);
  }
  return {
    name: ours.name,
    request: {
      query: EVENTS_PAGE,
      operationName: 'EventsPage',
      variables: { first, ...(cursor && { after: cursor }), filter: postgraphileFilter(filter, actorIds) },
    },
    oneAtATime: false,
  };
}

/** A page reduced to its values: row IDs, enum values in the database's lower case, lists in order. */
interface Page {
  events: unknown[][];
  hasNextPage: boolean;
}

interface OurNode {
  id: string;
  title: string;
  kind: string;
  place: string | null;
  participants: { role: string; actor: { id: string; name: string; kind: string } }[];
  citations: { paragraph: number; source: { id: string; title: string } }[];
}

interface TheirNode {
  rowId: number;
  title: string;
  kind: string;
  place: string | null;
  eventParticipantsByEventId: {
    nodes: { role: string; actorByActorId: { rowId: number; name: string; kind: string } }[];
  };
  citationsByEventId: { nodes: { paragraph: number; sourceBySourceId: { rowId: number; title: string } }[] };
}

interface Connection<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean };
}

/** Reduces a response with `reduce`, keeping a response with errors or without data as it is. */
function reduced<Data>(text: string, reduce: (data: Data) => Page): string {
  const body = JSON.parse(text) as { data?: Data; errors?: unknown };
  return body.errors || !body.data ? text : JSON.stringify({ data: reduce(body.data) });
}

export const ourPage = (text: string) =>
  reduced<{ events: Connection<OurNode> }>(text, ({ events }) => ({
    events: events.edges.map(({ node }) => [
      decodeGlobalId('Event', node.id),
      node.title,
      node.kind.toLowerCase(),
      node.place,
      node.participants.map(({ role, actor }) => [
        role.toLowerCase(),
        decodeGlobalId('Actor', actor.id),
        actor.name,
        actor.kind.toLowerCase(),
      ]),
      node.citations.map(({ paragraph, source }) => [paragraph, decodeGlobalId('Source', source.id), source.title]),
    ]),
    hasNextPage: events.pageInfo.hasNextPage,
  }));

export const postgraphilePageOf = (text: string) =>
  reduced<{ allEvents: Connection<TheirNode> }>(text, ({ allEvents }) => ({
    events: allEvents.edges.map(({ node }) => [
      node.rowId,
      node.title,
      node.kind,
      node.place,
      node.eventParticipantsByEventId.nodes.map(({ role, actorByActorId: actor }) => [
        role,
        actor.rowId,
        actor.name,
        actor.kind,
      ]),
      node.citationsByEventId.nodes.map(({ paragraph, sourceBySourceId: source }) => [
        paragraph,
        source.rowId,
        source.title,
      ]),
    ]),
    hasNextPage: allEvents.pageInfo.hasNextPage,
  }));

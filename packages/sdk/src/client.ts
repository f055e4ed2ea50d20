import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { BilateralError, type BilateralGraphQLError } from './errors.ts';
import {
  type ActorFilter,
  type ActorNetworkQueryVariables,
  type ActorQueryVariables,
  type ActorRelationshipsQueryVariables,
  type ActorsQueryVariables,
  type AddActorCitationMutationVariables,
  type AddEventCitationMutationVariables,
  type AddEventClaimMutationVariables,
  type AddFigureCitationMutationVariables,
  type AddFigureClaimMutationVariables,
  type ArchiveEventMutationVariables,
  type ChangesQueryVariables,
  type CooperationIndexQueryVariables,
  type CreateActorMutationVariables,
  type CreateEventMutationVariables,
  type CreateFigureMutationVariables,
  type CreateSourceMutationVariables,
  type EventFilter,
  type EventHistoryQueryVariables,
  type EventQueryVariables,
  type EventStatsQueryVariables,
  type EventsQuery,
  type EventsQueryVariables,
  type FiguresQueryVariables,
  getSdk,
  type LinkEventsMutationVariables,
  type MergeActorsMutationVariables,
  type RestoreEventMutationVariables,
  type SearchQueryVariables,
  type SetPreferredEventClaimMutationVariables,
  type SetPreferredFigureClaimMutationVariables,
  type SourcesQueryVariables,
  type TimelineJsQueryVariables,
  type UpdateActorMutationVariables,
  type UpdateEventMutationVariables,
  type UpdateFigureMutationVariables,
  type UpdateSourceMutationVariables,
} from './generated/sdk.ts';

export interface ClientOptions {
  /** The GraphQL endpoint, such as `http://localhost:4000/graphql`. */
  url: string;
  /** Extra headers for every request, or a function that returns them (for tokens that rotate). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** A fetch implementation; defaults to the global one (Node 18+, browsers). */
  fetch?: typeof globalThis.fetch;
  /** An API key with the `write` scope, needed by the write methods; sent as `Authorization: Bearer <key>`. Reads need none. */
  apiKey?: string;
}

export interface RequestOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
}

export type EventNode = EventsQuery['events']['edges'][number]['node'];
export type AllEventsVariables = Omit<EventsQueryVariables, 'first' | 'after' | 'last' | 'before'> & {
  /** Events fetched per request, 1 to 100; defaults to 100. */
  pageSize?: number;
};

/** The filter each export takes, as query parameters named like the GraphQL input's fields. */
export interface ExportFilters {
  'events.csv': EventFilter;
  'events.jsonl': EventFilter;
  'actors.csv': ActorFilter;
}
export type ExportKind = keyof ExportFilters;

/**
 * The URL of an export (`/export/events.csv`, `/export/events.jsonl`, `/export/actors.csv`) on
 * the server of `graphqlUrl`, with the filter as query parameters; lists are comma-separated.
 * A relative `graphqlUrl` (`/graphql`, in a browser) gives a relative URL.
 */
export function exportUrl<Kind extends ExportKind>(
  graphqlUrl: string,
  kind: Kind,
  filter?: ExportFilters[Kind] | null,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter ?? {})) {
    if (value == null || (Array.isArray(value) && value.length === 0)) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  const path = `/export/${kind}${query ? `?${query}` : ''}`;
  return /^[a-z][a-z\d+.-]*:/i.test(graphqlUrl) ? new URL(path, graphqlUrl).href : path;
}

export function createClient(options: ClientOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<Result, Variables>(
    document: DocumentNode | TypedDocumentNode<Result, Variables>,
    variables?: Variables,
    requestOptions?: RequestOptions,
  ): Promise<Result> {
    const extraHeaders = {
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...(typeof options.headers === 'function' ? await options.headers() : options.headers),
    };
    let response: Response;
    try {
      response = await fetchImpl(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...extraHeaders,
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
        signal: requestOptions?.signal,
      });
    } catch (cause) {
      throw new BilateralError(
        `Could not reach ${options.url}: ${(cause as Error).message}`,
        [{ message: String(cause), extensions: { code: 'NETWORK_ERROR' } }],
        undefined,
        { cause },
      );
    }
    let body: { data?: Result | null; errors?: BilateralGraphQLError[] };
    try {
      body = await response.json();
    } catch (cause) {
      throw new BilateralError(
        `${options.url} answered HTTP ${response.status} without a GraphQL response.`,
        [{ message: `HTTP ${response.status}`, extensions: { code: 'HTTP_ERROR' } }],
        response.status,
        { cause },
      );
    }
    if (body.errors?.length) {
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
      throw new BilateralError(
        body.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n'),
        body.errors,
        response.status,
        Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : undefined,
      );
    }
    if (!response.ok || body.data == null) {
      throw new BilateralError(
        `${options.url} answered HTTP ${response.status} with no data.`,
        [{ message: `HTTP ${response.status}`, extensions: { code: 'HTTP_ERROR' } }],
        response.status,
      );
    }
    return body.data;
  }

  const sdk = getSdk<RequestOptions>(<R, V>(document: DocumentNode, variables?: V, requestOptions?: RequestOptions) =>
    request<R, V>(document, variables, requestOptions),
  );

  return {
    /** Runs any typed document, such as one from `@bilateral/sdk/documents` or your own codegen. */
    request,
    /** One page of events; see `allEvents` to walk every page. */
    events: async (variables?: EventsQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Events(variables, requestOptions)).events,
    /** One event by `slug` or `id`, with citations, conflicts and links. Throws BilateralError with code NOT_FOUND when there is none. */
    event: async (variables: EventQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Event(variables, requestOptions)).event,
    actors: async (variables?: ActorsQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Actors(variables, requestOptions)).actors,
    /** One actor by `slug` or `id`, with its first events. Throws BilateralError with code NOT_FOUND when there is none. */
    actor: async (variables: ActorQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Actor(variables, requestOptions)).actor,
    sources: async (variables?: SourcesQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Sources(variables, requestOptions)).sources,
    figures: async (variables?: FiguresQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Figures(variables, requestOptions)).figures,
    eventKinds: async (requestOptions?: RequestOptions) => (await sdk.EventKinds({}, requestOptions)).eventKinds,
    /** Full-text search over events, actors, figures and sources, best match first. Throws BilateralError with code INVALID_SEARCH for unreadable query syntax. */
    search: async (variables: SearchQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Search(variables, requestOptions)).search,
    /** Event counts grouped by YEAR, DECADE, KIND, SECTOR, ACTOR or PLOVER, with drill-down IDs. */
    eventStats: async (variables: EventStatsQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.EventStats(variables, requestOptions)).eventStats,
    /** Mean Goldstein score per year. */
    cooperationIndex: async (variables?: CooperationIndexQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.CooperationIndex(variables, requestOptions)).cooperationIndex,
    /** Co-participation network: nodes and weighted edges. */
    actorNetwork: async (variables?: ActorNetworkQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.ActorNetwork(variables, requestOptions)).actorNetwork,
    /** One actor's partners by `slug` or `id`, heaviest relationship first (pages forward with `first`/`after`). Throws BilateralError with code NOT_FOUND when there is no such actor. */
    actorRelationships: async (variables: ActorRelationshipsQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.ActorRelationships(variables, requestOptions)).actor,
    /** A TimelineJS document, ready for `new TL.Timeline(element, document)`. */
    timelineJs: async (variables?: TimelineJsQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.TimelineJs(variables, requestOptions)).timelineJs,
    /** Every write since a `cursor` from an earlier call (or from the beginning), in commit order. */
    changes: async (variables?: ChangesQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.Changes(variables, requestOptions)).changes,
    /** An event's revisions, and the event as it stood at `asOf`. */
    eventHistory: async (variables: EventHistoryQueryVariables, requestOptions?: RequestOptions) =>
      (await sdk.EventHistory(variables, requestOptions)).event,
    // Writes return their payload: `userErrors` lists what to fix (nothing was written); otherwise `event` is the changed event.
    createEvent: async (variables: CreateEventMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.CreateEvent(variables, requestOptions)).createEvent,
    updateEvent: async (variables: UpdateEventMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.UpdateEvent(variables, requestOptions)).updateEvent,
    archiveEvent: async (variables: ArchiveEventMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.ArchiveEvent(variables, requestOptions)).archiveEvent,
    restoreEvent: async (variables: RestoreEventMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.RestoreEvent(variables, requestOptions)).restoreEvent,
    addEventCitation: async (variables: AddEventCitationMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.AddEventCitation(variables, requestOptions)).addEventCitation,
    addEventClaim: async (variables: AddEventClaimMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.AddEventClaim(variables, requestOptions)).addEventClaim,
    setPreferredEventClaim: async (
      variables: SetPreferredEventClaimMutationVariables,
      requestOptions?: RequestOptions,
    ) => (await sdk.SetPreferredEventClaim(variables, requestOptions)).setPreferredEventClaim,
    linkEvents: async (variables: LinkEventsMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.LinkEvents(variables, requestOptions)).linkEvents,
    createActor: async (variables: CreateActorMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.CreateActor(variables, requestOptions)).createActor,
    updateActor: async (variables: UpdateActorMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.UpdateActor(variables, requestOptions)).updateActor,
    mergeActors: async (variables: MergeActorsMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.MergeActors(variables, requestOptions)).mergeActors,
    createSource: async (variables: CreateSourceMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.CreateSource(variables, requestOptions)).createSource,
    updateSource: async (variables: UpdateSourceMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.UpdateSource(variables, requestOptions)).updateSource,
    createFigure: async (variables: CreateFigureMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.CreateFigure(variables, requestOptions)).createFigure,
    updateFigure: async (variables: UpdateFigureMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.UpdateFigure(variables, requestOptions)).updateFigure,
    addActorCitation: async (variables: AddActorCitationMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.AddActorCitation(variables, requestOptions)).addActorCitation,
    addFigureCitation: async (variables: AddFigureCitationMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.AddFigureCitation(variables, requestOptions)).addFigureCitation,
    addFigureClaim: async (variables: AddFigureClaimMutationVariables, requestOptions?: RequestOptions) =>
      (await sdk.AddFigureClaim(variables, requestOptions)).addFigureClaim,
    setPreferredFigureClaim: async (
      variables: SetPreferredFigureClaimMutationVariables,
      requestOptions?: RequestOptions,
    ) => (await sdk.SetPreferredFigureClaim(variables, requestOptions)).setPreferredFigureClaim,
    /** The URL of `/export/events.csv`, `/export/events.jsonl` or `/export/actors.csv` on this server, filtered: `exportUrl('events.csv', { kinds: ['ARMS_DEAL'] })`. */
    exportUrl: <Kind extends ExportKind>(kind: Kind, filter?: ExportFilters[Kind] | null) =>
      exportUrl(options.url, kind, filter),
    /** Every event matching the filter, fetched page by page as you iterate. */
    async *allEvents(
      variables: AllEventsVariables = {},
      requestOptions?: RequestOptions,
    ): AsyncGenerator<EventNode, void, undefined> {
      const { pageSize = 100, ...rest } = variables;
      let after: string | null | undefined;
      do {
        const page = (await sdk.Events({ ...rest, first: pageSize, after }, requestOptions)).events;
        for (const edge of page.edges) yield edge.node;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
    },
  };
}

export type BilateralClient = ReturnType<typeof createClient>;

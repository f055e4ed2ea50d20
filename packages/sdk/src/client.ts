import {
  ActorDocument,
  type ActorFilter,
  ActorNetworkDocument,
  ActorRelationshipsDocument,
  ActorsDocument,
  AddActorCitationDocument,
  AddEventCitationDocument,
  AddEventClaimDocument,
  AddFigureCitationDocument,
  AddFigureClaimDocument,
  ArchiveEventDocument,
  ChangesDocument,
  CooperationIndexDocument,
  CreateActorDocument,
  CreateEventDocument,
  CreateFigureDocument,
  CreateSourceDocument,
  EventDocument,
  type EventFilter,
  EventHistoryDocument,
  EventKindsDocument,
  EventListDocument,
  EventStatsDocument,
  EventsDocument,
  type EventsQuery,
  type EventsQueryVariables,
  FiguresDocument,
  FilterVocabularyDocument,
  LinkEventsDocument,
  MergeActorsDocument,
  RestoreEventDocument,
  SearchDocument,
  SetPreferredEventClaimDocument,
  SetPreferredFigureClaimDocument,
  SourceDocument,
  SourcesDocument,
  TimelineEventsDocument,
  TimelineJsDocument,
  UpdateActorDocument,
  UpdateEventDocument,
  UpdateFigureDocument,
  UpdateSourceDocument,
} from './generated/graphql.ts';
import { type ClientOptions, createTransport, type RequestDocument, type RequestOptions } from './transport.ts';

/** The variables an operation cannot do without. */
type RequiredKeys<Variables> = {
  [Key in keyof Variables]-?: Record<never, never> extends Pick<Variables, Key> ? never : Key;
}[keyof Variables];

/** A method's arguments: variables may be left out when the operation needs none. */
type MethodArguments<Variables> = [RequiredKeys<Variables>] extends [never]
  ? [variables?: Variables, requestOptions?: RequestOptions]
  : [variables: Variables, requestOptions?: RequestOptions];

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
  const request = createTransport(options);

  /** A client method: runs `document` and returns the part of its data that `pick` selects. */
  const method =
    <Result, Variables, Picked>(document: RequestDocument<Result, Variables>, pick: (data: Result) => Picked) =>
    (...[variables, requestOptions]: MethodArguments<Variables>): Promise<Picked> =>
      request(document, variables, requestOptions).then(pick);

  return {
    /** Runs any typed text document, such as one of this package's `…Document` exports or your own codegen's (`documentMode: 'string'`). */
    request,
    /** One page of events; see `allEvents` to walk every page. */
    events: method(EventsDocument, (data) => data.events),
    /** One page of events with `boundedCount` (fast at any size; `limited` past 10,000 matches) in place of the exact `totalCount`: for a list that shows its count. */
    eventList: method(EventListDocument, (data) => data.events),
    /** One event by `slug` or `id`, with citations, conflicts and links. Throws BilateralError with code NOT_FOUND when there is none. */
    event: method(EventDocument, (data) => data.event),
    actors: method(ActorsDocument, (data) => data.actors),
    /** One actor by `slug` or `id`, with its first events. Throws BilateralError with code NOT_FOUND when there is none. */
    actor: method(ActorDocument, (data) => data.actor),
    sources: method(SourcesDocument, (data) => data.sources),
    /** One source document by `slug` or `id`, with a page of its citations and the record each supports. Throws BilateralError with code NOT_FOUND when there is none. */
    source: method(SourceDocument, (data) => data.source),
    figures: method(FiguresDocument, (data) => data.figures),
    eventKinds: method(EventKindsDocument, (data) => data.eventKinds),
    /** The terms an event filter takes, for a form: each event kind with its label, and each sector (`name`) with its description. */
    filterVocabulary: method(FilterVocabularyDocument, (data) => ({
      kinds: data.eventKinds,
      sectors: data.__type?.enumValues ?? [],
    })),
    /** Full-text search over events, actors, figures and sources, best match first. Throws BilateralError with code INVALID_SEARCH for unreadable query syntax. */
    search: method(SearchDocument, (data) => data.search),
    /** Event counts grouped by YEAR, DECADE, KIND, SECTOR, ACTOR or PLOVER, with drill-down IDs. */
    eventStats: method(EventStatsDocument, (data) => data.eventStats),
    /** Mean Goldstein score per year. */
    cooperationIndex: method(CooperationIndexDocument, (data) => data.cooperationIndex),
    /** Co-participation network: the most active actors and the heaviest edges between them (`truncated` says when some were left out). */
    actorNetwork: method(ActorNetworkDocument, (data) => data.actorNetwork),
    /** One actor's partners by `slug` or `id`, heaviest relationship first (pages forward with `first`/`after`). Throws BilateralError with code NOT_FOUND when there is no such actor. */
    actorRelationships: method(ActorRelationshipsDocument, (data) => data.actor),
    /** A TimelineJS document, ready for `new TL.Timeline(element, document)`. */
    timelineJs: method(TimelineJsDocument, (data) => data.timelineJs),
    /** A page of events with each one's date and, where sources disagree on it, the dates they give: what a timeline draws. */
    timelineEvents: method(TimelineEventsDocument, (data) => data.events),
    /** Every write since a `cursor` from an earlier call (or from the beginning), in commit order. */
    changes: method(ChangesDocument, (data) => data.changes),
    /** An event's revisions, and the event as it stood at `asOf`. */
    eventHistory: method(EventHistoryDocument, (data) => data.event),
    // Writes return their payload: `userErrors` lists what to fix (nothing was written); otherwise `event` is the changed event.
    createEvent: method(CreateEventDocument, (data) => data.createEvent),
    updateEvent: method(UpdateEventDocument, (data) => data.updateEvent),
    archiveEvent: method(ArchiveEventDocument, (data) => data.archiveEvent),
    restoreEvent: method(RestoreEventDocument, (data) => data.restoreEvent),
    addEventCitation: method(AddEventCitationDocument, (data) => data.addEventCitation),
    addEventClaim: method(AddEventClaimDocument, (data) => data.addEventClaim),
    setPreferredEventClaim: method(SetPreferredEventClaimDocument, (data) => data.setPreferredEventClaim),
    linkEvents: method(LinkEventsDocument, (data) => data.linkEvents),
    createActor: method(CreateActorDocument, (data) => data.createActor),
    updateActor: method(UpdateActorDocument, (data) => data.updateActor),
    mergeActors: method(MergeActorsDocument, (data) => data.mergeActors),
    createSource: method(CreateSourceDocument, (data) => data.createSource),
    updateSource: method(UpdateSourceDocument, (data) => data.updateSource),
    createFigure: method(CreateFigureDocument, (data) => data.createFigure),
    updateFigure: method(UpdateFigureDocument, (data) => data.updateFigure),
    addActorCitation: method(AddActorCitationDocument, (data) => data.addActorCitation),
    addFigureCitation: method(AddFigureCitationDocument, (data) => data.addFigureCitation),
    addFigureClaim: method(AddFigureClaimDocument, (data) => data.addFigureClaim),
    setPreferredFigureClaim: method(SetPreferredFigureClaimDocument, (data) => data.setPreferredFigureClaim),
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
        const page = (await request(EventsDocument, { ...rest, first: pageSize, after }, requestOptions)).events;
        for (const edge of page.edges) yield edge.node;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
    },
  };
}

export type BilateralClient = ReturnType<typeof createClient>;

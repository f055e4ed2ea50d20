import {
  type ActorRow,
  EVENT_COUNT_LIMIT,
  EVENT_KINDS,
  type EventFilter,
  type EventKind,
  type EventLinkRow,
  type EventOrder,
  MAX_PAGE_SIZE,
  type ParticipantRow,
  parseFuzzyDate,
} from '@bilateral/store';
import type { Loaders } from '../execution/context.ts';
import { type BoundedCounting, boundedCountField } from './bounded-count.ts';
import { builder } from './builder.ts';
import { ConflictType, conflictsOf } from './claim.ts';
import { toConnection, totalCountField } from './connections.ts';
import {
  type ClaimSource,
  type EventSource,
  eventAsOf,
  snapshotCitations,
  snapshotClaims,
  snapshotLinks,
  snapshotParticipants,
} from './event-snapshot.ts';
import { FuzzyDateType } from './fuzzy-date.ts';
import { lookupKey, notFound } from './lookup.ts';
import { ActorRef, CitationRef, ClaimRef, EventRef, loadNodes } from './refs.ts';
import { SEARCH_SYNTAX } from './search-syntax.ts';
import { EventKindEnum, EventLinkTypeEnum, ParticipantRoleEnum, PloverCategoryEnum, SectorEnum } from './vocabulary.ts';

const DATE_BASIS =
  "Null when the cited passages give the date as it stands. Otherwise the curators' account of how the date was " +
  'worked out: from the date of a report a footnote cites, from a time word such as "followed by", from the date of ' +
  'the document, or from knowledge outside the cited documents, such as "the start of the interval is when Pakistan ' +
  'applied, which no document states".';

const claimsOf = (event: EventSource, loaders: Loaders): Promise<ClaimSource[]> =>
  event.snapshot ? snapshotClaims(event, event.snapshot, loaders) : loaders.eventClaims.load(event.id);

builder.node(EventRef, {
  description:
    'Something that happened between actors, as our sources state it: a visit, an agreement, an arms deal, an exercise, a war. ' +
    'Every event cites the passages it rests on, keeps its date at the precision the sources give, and shows where sources disagree.',
  id: { resolve: (event) => event.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.event, ids),
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description:
        'Stable, human-readable key, starting with the year: `2014-06-russia-lifts-arms-embargo-on-pakistan`. Use it in URLs.',
    }),
    title: t.exposeString('title', { description: 'One-line headline in our own words.' }),
    summary: t.exposeString('summary', {
      description: 'A few sentences in our own words on what happened and who was involved.',
    }),
    kind: t.expose('kind', {
      type: EventKindEnum,
      description: 'Kind of event in our taxonomy; see `coding` for its CAMEO and PLOVER equivalents.',
    }),
    sectors: t.field({
      type: [SectorEnum],
      description: 'Policy areas the event belongs to, alphabetically.',
      resolve: async (event, _args, { loaders }) =>
        event.snapshot?.sectors ?? (await loaders.sectors.load(event.id)).map((row) => row.sector),
    }),
    date: t.field({
      type: FuzzyDateType,
      description:
        'When it happened, at the precision the sources support. Where sources disagree, the preferred date; see `conflicts`.',
      resolve: (event) => parseFuzzyDate(event.dateEdtf),
    }),
    dateBasis: t.exposeString('dateBasis', {
      nullable: true,
      description: DATE_BASIS,
    }),
    place: t.exposeString('place', { nullable: true, description: 'Where it happened, when the sources say.' }),
    amount: t.field({
      type: MoneyType,
      nullable: true,
      description: "Money involved (a deal's value, a pledge), when the sources state one.",
      resolve: (event) =>
        event.amountValue && event.amountCurrency
          ? { value: event.amountValue, currency: event.amountCurrency, approximate: event.amountApproximate }
          : null,
    }),
    quantity: t.field({
      type: QuantityType,
      nullable: true,
      description: 'A count of items involved (helicopters, aircraft), when the sources state one.',
      resolve: (event) =>
        event.quantityValue != null && event.quantityUnit
          ? { value: event.quantityValue, unit: event.quantityUnit }
          : null,
    }),
    participants: t.field({
      type: [ParticipantType],
      description: 'Who took part and in what role, in the order the curators listed them (initiator first).',
      resolve: (event, _args, { loaders }) =>
        event.snapshot ? snapshotParticipants(event, event.snapshot, loaders) : loaders.participants.load(event.id),
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'Passages that state this event, across every source that mentions it.',
      resolve: (event, _args, { loaders }) =>
        event.snapshot
          ? snapshotCitations(event.snapshot.citations, { eventId: event.id }, loaders)
          : loaders.eventCitations.load(event.id),
    }),
    claims: t.field({
      type: [ClaimRef],
      description:
        "Every value sources give for the event's disputable fields, grouped by field. Empty when no field was recorded as a claim.",
      resolve: (event, _args, { loaders }) => claimsOf(event, loaders),
    }),
    conflicts: t.field({
      type: [ConflictType],
      description:
        'Fields on which sources disagree (more than one claimed value), each with all its claims. Empty when sources agree.',
      resolve: async (event, _args, { loaders }) => conflictsOf(await claimsOf(event, loaders)),
    }),
    hasConflicts: t.boolean({
      description: 'True when sources disagree on any field of this event.',
      resolve: async (event, _args, { loaders }) => conflictsOf(await claimsOf(event, loaders)).length > 0,
    }),
    links: t.field({
      type: [EventLinkType],
      description:
        'Related events in both directions: the series an exercise belongs to, the visit this one returns, the agreement a delivery implements.',
      resolve: (event, _args, { loaders }) =>
        event.snapshot ? snapshotLinks(event, event.snapshot, loaders) : loaders.links.load(event.id),
    }),
    archived: t.boolean({
      description:
        'True when the event was archived: it is kept, with its history, but left out of lists, search, statistics and exports.',
      resolve: (event) => event.archivedAt !== null,
    }),
    coding: t.field({
      type: EventCodingType,
      description: "The event's kind expressed in the CAMEO and PLOVER event ontologies, with its Goldstein score.",
      resolve: (event) => ({ kind: event.kind }),
    }),
  }),
});

const MoneyType = builder.objectRef<{ value: string; currency: string; approximate: boolean }>('Money').implement({
  description: 'An amount of money, exact as the source states it.',
  fields: (t) => ({
    value: t.expose('value', {
      type: 'Decimal',
      description: 'The amount in the currency\'s main unit, as an exact decimal string: "2500000000" for 2.5 billion.',
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217 currency code, such as USD.' }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the source gives the amount as an estimate ("about", "nearly").',
    }),
  }),
});

const QuantityType = builder.objectRef<{ value: number; unit: string }>('Quantity').implement({
  description: 'A number of things, such as four helicopters.',
  fields: (t) => ({
    value: t.exposeInt('value', { description: 'How many.' }),
    unit: t.exposeString('unit', { description: 'Of what, such as "Mi-35M attack helicopters".' }),
  }),
});

/** A participant; read live it comes with its actor's row, rebuilt from a snapshot it has only the ID. */
const ParticipantType = builder.objectRef<ParticipantRow & { actor?: ActorRow }>('Participant').implement({
  description: "An actor's part in an event.",
  fields: (t) => ({
    role: t.expose('role', {
      type: ParticipantRoleEnum,
      description: 'The part the actor played.',
    }),
    actor: t.field({
      type: ActorRef,
      description: 'The actor.',
      resolve: (participant, _args, { loaders }) =>
        participant.actor ?? loaders.actor.load(participant.actorId).then((actor) => actor!),
    }),
  }),
});

const LinkDirectionEnum = builder.enumType('LinkDirection', {
  description: 'Which way a link between two events points.',
  values: {
    OUTGOING: {
      value: 'outgoing',
      description:
        'This event points at the other: this event follows, implements, supersedes or belongs to the series of the other.',
    },
    INCOMING: {
      value: 'incoming',
      description: 'The other event points at this one: it follows, implements or supersedes this event.',
    },
  },
});

const EventLinkType = builder.objectRef<EventLinkRow>('EventLink').implement({
  description: 'A typed relation from one event to another.',
  fields: (t) => ({
    type: t.expose('type', {
      type: EventLinkTypeEnum,
      description: 'How the events are related, read from the event that points (see `direction`).',
    }),
    direction: t.expose('direction', {
      type: LinkDirectionEnum,
      description: 'Whether this event points at the other or the other at it.',
    }),
    event: t.field({
      type: EventRef,
      description: 'The other event.',
      resolve: async (link, _args, { loaders }) => (await loaders.event.load(link.otherEventId))!,
    }),
  }),
});

export const EventCodingType = builder.objectRef<{ kind: EventKind }>('EventCoding').implement({
  description:
    'How an event kind maps to the CAMEO and PLOVER ontologies used by GDELT and POLECAT. Fields are null for kinds these ontologies do not code (a state forming or dissolving).',
  fields: (t) => ({
    kind: t.expose('kind', {
      type: EventKindEnum,
      description: 'The kind this coding belongs to.',
    }),
    label: t.string({ description: 'Readable name of the kind.', resolve: (coding) => EVENT_KINDS[coding.kind].label }),
    description: t.string({
      description: 'What events of this kind are.',
      resolve: (coding) => EVENT_KINDS[coding.kind].description,
    }),
    cameo: t.string({
      nullable: true,
      description: 'CAMEO event code, such as "057" (Sign formal agreement).',
      resolve: (coding) => EVENT_KINDS[coding.kind].cameo,
    }),
    cameoLabel: t.string({
      nullable: true,
      description: "The CAMEO code's name.",
      resolve: (coding) => EVENT_KINDS[coding.kind].cameoLabel,
    }),
    goldstein: t.float({
      nullable: true,
      description:
        'Goldstein conflict-cooperation score of the CAMEO code, from -10 (most conflictual) to +10 (most cooperative).',
      resolve: (coding) => EVENT_KINDS[coding.kind].goldstein,
    }),
    plover: t.field({
      type: PloverCategoryEnum,
      nullable: true,
      description: 'PLOVER top-level category.',
      resolve: (coding) => EVENT_KINDS[coding.kind].plover,
    }),
  }),
});

export const EventConnection = builder.connectionObject<typeof EventRef, BoundedCounting>(
  {
    type: EventRef,
    name: 'EventConnection',
    description: 'A page of events, with cursors and the total count.',
    fields: (t) => ({
      ...totalCountField(
        'Number of events matching the filter, across all pages, exact: where no kept total counts these events, every one of them is counted (at a million events, hundreds of milliseconds). For a count beside a page, select `boundedCount`.',
      )(t),
      ...boundedCountField(t),
    }),
  },
  { name: 'EventEdge', description: 'An event on a page, with its cursor.' },
);

const DateMatchEnum = builder.enumType('DateMatch', {
  description: 'How a date range filter treats events whose date is less precise than the range.',
  values: {
    WITHIN: {
      value: 'within',
      description:
        'Only events that certainly fall in the range: every day the event\'s date can mean lies inside it. An event dated "2014" does not match June 2014.',
    },
    OVERLAPS: {
      value: 'overlaps',
      description:
        'Events that may fall in the range: any day the event\'s date can mean lies inside it. An event dated "2014" matches June 2014.',
    },
  },
});

const ActorsMatchEnum = builder.enumType('ActorsMatch', {
  description: 'How the `actors` filter combines several actors.',
  values: {
    ANY: { value: 'any', description: 'Events in which at least one of the actors took part.' },
    ALL: { value: 'all', description: 'Events in which every one of the actors took part.' },
  },
});

export const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Narrows a list of events. All given conditions must hold; omitted ones do not filter.',
  fields: (t) => ({
    from: t.string({
      description:
        'Start of a date range, as a date at any precision: "2014", "2014-06", "2014-06-15". The range starts on its first day.',
    }),
    to: t.string({
      description:
        'End of a date range, at any precision. The range ends on its last day, so `to: "2014"` includes 31 December 2014.',
    }),
    dateMatch: t.field({
      type: DateMatchEnum,
      defaultValue: 'within',
      description:
        'Whether an event must lie wholly inside the date range (WITHIN, the default) or merely overlap it (OVERLAPS). Matters for events dated less precisely than the range.',
    }),
    kinds: t.field({ type: [EventKindEnum], description: 'Only events of any of these kinds.' }),
    actors: t.stringList({
      description:
        'Actor slugs, such as ["pakistan", "russia"]. Unknown slugs are an error (NOT_FOUND). Combine with `actorsMatch`.',
    }),
    actorsMatch: t.field({
      type: ActorsMatchEnum,
      defaultValue: 'any',
      description: 'Whether events need any (the default) or all of the `actors`.',
    }),
    sectors: t.field({ type: [SectorEnum], description: 'Only events in any of these sectors.' }),
    text: t.string({
      description: `Full-text condition on the title, summary or place (and, when the server is given the source documents, \`SOURCES_DIR\`, the text of the paragraphs the event and its claims cite), read exactly as \`search(query:)\` reads its query. ${SEARCH_SYNTAX}`,
    }),
    hasConflicts: t.boolean({
      description: 'True: only events on which sources disagree. False: only events on which they do not.',
    }),
    sources: t.stringList({
      description:
        'Source slugs, such as ["policyeast-2024-cold-war-rivals"]: only events that cite any of these documents in their own `citations` (citations of claims do not count). Unknown slugs match nothing.',
    }),
    slugs: t.stringList({
      description:
        'Event slugs, such as ["2014-06-russia-lifts-arms-embargo-on-pakistan"]: only these events, for an export of exactly the events a page shows. Unknown slugs match nothing.',
    }),
  }),
});

const EventOrderFieldEnum = builder.enumType('EventOrderField', {
  description: 'What to sort events by.',
  values: {
    DATE: {
      value: 'date',
      description: 'By the earliest day the date can mean, then by the latest, so "2014" comes before "2014-06".',
    },
    TITLE: { value: 'title', description: 'By title, alphabetically.' },
    KIND: { value: 'kind', description: 'By kind.' },
  },
});

const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { value: 'asc', description: 'Smallest, earliest or A first.' },
    DESC: { value: 'desc', description: 'Largest, latest or Z first.' },
  },
});

const EventOrderInput = builder.inputType('EventOrder', {
  description: 'One sort key. Ties are always broken by ID, so cursors are stable.',
  fields: (t) => ({
    field: t.field({ type: EventOrderFieldEnum, required: true, description: 'What to sort by.' }),
    direction: t.field({
      type: OrderDirectionEnum,
      defaultValue: 'asc',
      description: 'Which way; ascending by default.',
    }),
  }),
});

export const eventListArgs = () =>
  builder.args((t) => ({
    orderBy: t.field({
      type: [EventOrderInput],
      description: 'Sort keys, most significant first. Defaults to date, earliest first.',
    }),
  }));

/**
 * The `EventFilter` input as the store's filter. Every store field is named here, so a field added to the
 * store's `EventFilter` fails to compile until the input offers it or this says why it does not.
 */
export function toEventFilter(input: typeof EventFilterInput.$inferInput | null | undefined): EventFilter | null {
  if (!input) return null;
  const filter: Required<EventFilter> = {
    from: input.from ?? null,
    to: input.to ?? null,
    dateMatch: input.dateMatch ?? null,
    kinds: input.kinds ?? null,
    actors: input.actors ?? null,
    actorsMatch: input.actorsMatch ?? null,
    sectors: input.sectors ?? null,
    text: input.text ?? null,
    hasConflicts: input.hasConflicts ?? null,
    sources: input.sources ?? null,
    slugs: input.slugs ?? null,
    // Archived events are reached through revisions and the change feed, never through a filter.
    includeArchived: false,
  };
  return filter;
}

/** GraphQL input shapes to store shapes. */
export const toEventOrder = (
  orderBy: readonly { field: EventOrder['field']; direction?: EventOrder['direction'] | null }[] | null | undefined,
): EventOrder[] => (orderBy ?? []).map((entry) => ({ field: entry.field, direction: entry.direction ?? 'asc' }));

builder.queryFields((t) => ({
  events: t.connection(
    {
      type: EventRef,
      description: `Events, filtered and sorted, one page at a time (at most ${MAX_PAGE_SIZE} per page).`,
      args: {
        filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet.' }),
        ...eventListArgs(),
      },
      resolve: async (_root, args, { store }) => {
        const filter = toEventFilter(args.filter);
        return {
          ...toConnection(await store.listEvents(filter, toEventOrder(args.orderBy), args), () =>
            store.countEvents(filter),
          ),
          boundedCount: () => store.countEventsUpTo(filter, EVENT_COUNT_LIMIT),
        };
      },
    },
    EventConnection,
  ),
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'One event, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error.',
    args: {
      id: t.arg.id({ description: "The event's global ID." }),
      slug: t.arg.string({ description: "The event's slug." }),
      asOf: t.arg.string({
        description:
          'Show the event as it stood at this moment, rebuilt from its revisions: an ISO 8601 timestamp ("2026-11-23T10:00:00Z") or a day ("2026-11-23", meaning its end, UTC). An impossible day such as "2026-02-30" is BAD_USER_INPUT, never rolled over. Give the event\'s current slug or ID. NOT_FOUND when the event did not exist yet. Links show only those the event itself recorded then; an actor merged away since shows as the actor it was merged into.',
      }),
    },
    resolve: async (_root, args, { store, loaders }) => {
      const key = lookupKey('Event', args);
      const event = 'id' in key ? await loaders.event.load(key.id) : await store.eventBySlug(key.slug);
      if (!event) throw notFound('Event', key, args);
      return args.asOf == null ? event : eventAsOf(store, event, args.asOf);
    },
  }),
  eventKinds: t.field({
    type: [EventCodingType],
    description:
      "The whole event taxonomy with each kind's CAMEO code, Goldstein score and PLOVER category, for legends and filters.",
    resolve: () => (Object.keys(EVENT_KINDS) as EventKind[]).map((kind) => ({ kind })),
  }),
}));

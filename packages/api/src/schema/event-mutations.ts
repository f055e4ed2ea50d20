/**
 * Writes to events: create and update (record-mutation-fields.ts), archive and restore,
 * citations, claims and links. Every committed write reaches `eventChanged` subscribers through the store's change feed (live/changes.ts).
 */
import type { EventRecord, EventRow } from '@bilateral/store';
import { builder } from './builder.ts';
import {
  CitationInput,
  ClaimInput,
  DATE_RULES,
  expectedVersionArg,
  idempotencyArg,
  MULTILINE_TEXT_RULES,
  recordIdArg,
  SLUG_RULES,
  TEXT_RULES,
} from './mutation-inputs.ts';
import { citationMutation, claimMutations, type InputFieldBuilder, recordMutations } from './record-mutation-fields.ts';
import { editRecord, type RecordKind, rejectIf } from './record-writes.ts';
import { EventRef } from './refs.ts';
import { EventKindEnum, EventLinkTypeEnum, ParticipantRoleEnum, SectorEnum } from './vocabulary.ts';

const ParticipantInput = builder.inputType('ParticipantInput', {
  description: "An actor's part in an event. An actor may appear more than once only with different roles.",
  fields: (t) => ({
    actor: t.string({ required: true, description: 'Slug of the actor, such as "russia". Must exist.' }),
    role: t.field({ type: ParticipantRoleEnum, required: true, description: 'The part the actor played.' }),
  }),
});

const MoneyInput = builder.inputType('MoneyInput', {
  description: 'An amount of money, exact as the source states it.',
  fields: (t) => ({
    value: t.field({
      type: 'Decimal',
      required: true,
      description:
        'The amount as a decimal string without separators or units, such as "2500000000". Floats are refused.',
    }),
    currency: t.string({ required: true, description: 'ISO 4217 currency code, such as "USD".' }),
    approximate: t.boolean({
      description: 'True when the source gives an estimate ("about", "nearly"). Defaults to false.',
    }),
  }),
});

const QuantityInput = builder.inputType('QuantityInput', {
  description: 'A number of things, such as four helicopters.',
  fields: (t) => ({
    value: t.int({ required: true, description: 'How many; a positive whole number.' }),
    unit: t.string({
      required: true,
      description: `Of what, such as "Mi-35M attack helicopters" (at most 100 characters). ${TEXT_RULES}`,
    }),
  }),
});

const EventLinkInput = builder.inputType('EventLinkInput', {
  description: 'A typed relation from this event to another.',
  fields: (t) => ({
    type: t.field({ type: EventLinkTypeEnum, required: true, description: 'How this event relates to the other.' }),
    event: t.string({ required: true, description: 'Slug of the other event. Must exist and differ from this event.' }),
  }),
});

/** The fields of an event, required when creating and optional when patching. */
const eventInputFields = (required: boolean) => (t: InputFieldBuilder) => ({
  slug: t.string({
    required,
    description: `Stable key: ${SLUG_RULES}, starting with the year by convention ("2019-03-strategic-talks"). Unique among events.`,
  }),
  title: t.string({
    required,
    description: `One-line headline in your own words, at most 200 characters. ${TEXT_RULES}`,
  }),
  summary: t.string({
    required,
    description: `A few sentences in your own words, at most 2000 characters. ${MULTILINE_TEXT_RULES}`,
  }),
  kind: t.field({ type: EventKindEnum, required, description: 'Kind of event; decides its CAMEO and PLOVER coding.' }),
  date: t.string({ required, description: `When it happened, ${DATE_RULES}` }),
  dateBasis: t.string({
    description: `Only when no cited passage states \`date\` as it stands: how it was worked out (a cited report's date, a time word in the text, the document's date, or knowledge from outside the cited documents), at most 1000 characters. Null clears it when patching. ${MULTILINE_TEXT_RULES}`,
  }),
  place: t.string({
    description: `Where it happened, at most 200 characters. Null clears it when patching. ${TEXT_RULES}`,
  }),
  sectors: t.field({ type: [SectorEnum], required, description: 'Policy areas, at least one, none twice.' }),
  amount: t.field({
    type: MoneyInput,
    description: 'Money involved, if the sources state an amount. Null clears it when patching.',
  }),
  quantity: t.field({ type: QuantityInput, description: 'A count of items involved. Null clears it when patching.' }),
  participants: t.field({
    type: [ParticipantInput],
    required,
    description: 'Who took part, at least one, initiator first. The same actor and role twice is refused.',
  }),
  citations: t.field({ type: [CitationInput], required, description: 'Passages that state the event; at least one.' }),
  claims: t.field({
    type: [ClaimInput],
    description: 'Competing values for disputed fields. Replaces all claims when given in a patch.',
  }),
  links: t.field({
    type: [EventLinkInput],
    description:
      'Relations to other events, each type and event once. Replaces all outgoing links when given in a patch.',
  }),
});

const eventKind: RecordKind<'event', EventRow> = {
  type: 'event',
  typename: 'Event',
  load: async (context, id) => (await context.store.eventsByIds([id]))[0],
};

const EventPayload = recordMutations(eventKind, {
  ref: EventRef,
  inputDescription: 'A whole new event, in our own words, with the passages that state it.',
  fields: eventInputFields,
});

citationMutation(eventKind, EventPayload);
claimMutations(eventKind, EventPayload, {
  fieldsTakingValue: "For DATE, AMOUNT, QUANTITY and PLACE the event's own field takes the value.",
  preferredValue: preferredFieldValue,
});

const eventIdArg = (t: Parameters<typeof recordIdArg>[0]) => recordIdArg(t, 'Event');

builder.mutationFields((t) => ({
  archiveEvent: t.field({
    type: EventPayload,
    description:
      'Archives an event: a tombstone that hides it from lists, search, statistics and exports, but keeps it, its history and its links. Nothing is ever hard-deleted; `restoreEvent` undoes it. Needs the `write` scope.',
    args: { id: eventIdArg(t), expectedVersion: expectedVersionArg(t, 'event'), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) =>
      editRecord(context, eventKind, 'archiveEvent', args, (current) => ({ ...current, archived: true }), {
        operation: 'archive',
      }),
  }),
  restoreEvent: t.field({
    type: EventPayload,
    description: 'Brings an archived event back into lists and search. Needs the `write` scope.',
    args: { id: eventIdArg(t), expectedVersion: expectedVersionArg(t, 'event'), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) =>
      editRecord(context, eventKind, 'restoreEvent', args, ({ archived: _archived, ...live }) => live, {
        operation: 'restore',
      }),
  }),
  linkEvents: t.field({
    type: EventPayload,
    description:
      'Relates an event to another: part of a series, follows, implements, supersedes. Needs the `write` scope. Returns the event the link starts from.',
    args: {
      id: eventIdArg(t),
      link: t.arg({ type: EventLinkInput, required: true, description: 'The relation and the other event.' }),
      expectedVersion: expectedVersionArg(t, 'event'),
      idempotencyKey: idempotencyArg(t),
    },
    resolve: (_root, args, context) =>
      editRecord(context, eventKind, 'linkEvents', args, (current) => {
        const link = args.link;
        rejectIf(
          current.links.some((existing) => existing.type === link.type && existing.event === link.event),
          'link',
          'The events are already linked this way.',
        );
        return { ...current, links: [...current.links, link] };
      }),
  }),
}));

/** The event field a preferred claim sets, so the record shows the value it prefers. */
function preferredFieldValue(current: EventRecord, field: string, value: string): Partial<EventRecord> {
  switch (field) {
    case 'date':
      return { date: value };
    case 'place':
      return { place: value };
    case 'quantity':
      return current.quantity ? { quantity: { ...current.quantity, value: Number(value) } } : {};
    case 'amount': {
      const [amount, currency] = value.split(' ');
      return { amount: { value: amount!, currency: currency!, approximate: current.amount?.approximate ?? false } };
    }
    default:
      return {};
  }
}

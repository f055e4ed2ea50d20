/**
 * Writes to events. Every mutation goes through the store's saveRecord: the input is turned into
 * the seed format, validated with the same rules as seed files, written with a new version and a
 * revision, all in one transaction. References to actors, sources and events are by slug.
 */
import { CurationError, eventsByIds, saveRecord, type Editor, type EventRecord, type RevisionOperation } from '@bilateral/store';
import { builder } from './builder.ts';
import { EventRef } from './refs.ts';
import { decodeId } from './lookup.ts';
import { payloadType, runWrite } from './user-errors.ts';
import { ClaimFieldEnum, ClaimStatusEnum, EventKindEnum, EventLinkTypeEnum, ParticipantRoleEnum, SectorEnum } from './vocabulary.ts';
import type { Context } from '../context.ts';

export const CitationInput = builder.inputType('CitationInput', {
  description: 'A passage that supports a record: a source document and a paragraph number in it.',
  fields: (t) => ({
    source: t.string({ required: true, description: 'Slug of the source document, such as "policyeast-2024-cold-war-rivals". Must exist.' }),
    paragraph: t.int({ required: true, description: 'Paragraph number in the document, counted from 1 as seeds/README.md describes.' }),
    note: t.string({ description: 'What the passage supports, or a caveat, in your own words (at most 1000 characters). Never a quotation.' }),
  }),
});

const ParticipantInput = builder.inputType('ParticipantInput', {
  description: 'An actor\'s part in an event. An actor may appear more than once only with different roles.',
  fields: (t) => ({
    actor: t.string({ required: true, description: 'Slug of the actor, such as "russia". Must exist.' }),
    role: t.field({ type: ParticipantRoleEnum, required: true, description: 'The part the actor played.' }),
  }),
});

const MoneyInput = builder.inputType('MoneyInput', {
  description: 'An amount of money, exact as the source states it.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', required: true, description: 'The amount as a decimal string without separators or units, such as "2500000000". Floats are refused.' }),
    currency: t.string({ required: true, description: 'ISO 4217 currency code, such as "USD".' }),
    approximate: t.boolean({ description: 'True when the source gives an estimate ("about", "nearly"). Defaults to false.' }),
  }),
});

const QuantityInput = builder.inputType('QuantityInput', {
  description: 'A number of things, such as four helicopters.',
  fields: (t) => ({
    value: t.int({ required: true, description: 'How many; a positive whole number.' }),
    unit: t.string({ required: true, description: 'Of what, such as "Mi-35M attack helicopters" (at most 100 characters).' }),
  }),
});

const EventLinkInput = builder.inputType('EventLinkInput', {
  description: 'A typed relation from this event to another.',
  fields: (t) => ({
    type: t.field({ type: EventLinkTypeEnum, required: true, description: 'How this event relates to the other.' }),
    event: t.string({ required: true, description: 'Slug of the other event. Must exist and differ from this event.' }),
  }),
});

export const ClaimInput = builder.inputType('ClaimInput', {
  description: 'One value that sources give for a disputable field, with the passages that state it.',
  fields: (t) => ({
    field: t.field({ type: ClaimFieldEnum, required: true, description: 'The field the value is for.' }),
    value: t.string({ required: true, description: 'The value as text, in the form `Claim.value` describes (an EDTF date for DATE, "<decimal> <ISO 4217>" for AMOUNT ...).' }),
    status: t.field({ type: ClaimStatusEnum, required: true, description: 'How well the value is supported.' }),
    preferred: t.boolean({ description: 'True for the value the record itself shows. Exactly one claim per field is preferred, and it must match the record\'s own value.' }),
    reason: t.string({ description: 'Why this value is preferred; required on the preferred claim (at most 1000 characters).' }),
    citations: t.field({ type: [CitationInput], required: true, description: 'At least one passage stating this value.' }),
  }),
});

const LIMITS = 'Text is normalised to Unicode NFC; control characters are refused.';

/** The fields of an event, required when creating and optional when patching. */
const eventInputFields = (required: boolean) => (t: any) => ({
  slug: t.string({ required, description: 'Stable key: lower-case letters, digits and single hyphens, 3 to 80 characters, starting with the year by convention ("2019-03-strategic-talks"). Unique among events.' }),
  title: t.string({ required, description: `One-line headline in your own words, at most 200 characters. ${LIMITS}` }),
  summary: t.string({ required, description: `A few sentences in your own words, at most 2000 characters. ${LIMITS}` }),
  kind: t.field({ type: EventKindEnum, required, description: 'Kind of event; decides its CAMEO and PLOVER coding.' }),
  date: t.string({ required, description: 'When it happened, at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day.' }),
  place: t.string({ description: 'Where it happened, at most 200 characters. Null clears it when patching.' }),
  sectors: t.field({ type: [SectorEnum], required, description: 'Policy areas, at least one, none twice.' }),
  amount: t.field({ type: MoneyInput, description: 'Money involved, if the sources state an amount. Null clears it when patching.' }),
  quantity: t.field({ type: QuantityInput, description: 'A count of items involved. Null clears it when patching.' }),
  participants: t.field({ type: [ParticipantInput], required, description: 'Who took part, at least one, initiator first. The same actor and role twice is refused.' }),
  citations: t.field({ type: [CitationInput], required, description: 'Passages that state the event; at least one.' }),
  claims: t.field({ type: [ClaimInput], description: 'Competing values for disputed fields. Replaces all claims when given in a patch.' }),
  links: t.field({ type: [EventLinkInput], description: 'Relations to other events. Replaces all outgoing links when given in a patch.' }),
});

const EventInput = builder.inputType('EventInput', { description: 'A whole new event, in our own words, with the passages that state it.', fields: eventInputFields(true) });
const EventPatch = builder.inputType('EventPatch', {
  description: 'Changes to an event. Omitted fields stay as they are; a given list replaces the whole list; null clears an optional field.',
  fields: eventInputFields(false),
});

export const EventPayload = payloadType('EventPayload', 'event', EventRef, 'The outcome of a write to an event.');

/** GraphQL input to a seed-format record: nulls mean "absent", as the seed format has no nulls. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null).map(([key, field]) => [key, withoutNulls(field)]));
}

interface EditArgs {
  id: string;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

const patched = (current: EventRecord, patch: Record<string, unknown>) =>
  withoutNulls({ ...current, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) });

const loadEvent = (context: Context) => (id: number) => eventsByIds(context.store, [id])[0];

const idempotencyArg = (t: any) => t.arg.string({ description: 'Any unique string (a UUID) that makes retries safe: sending the same key with the same input again returns the first result without writing twice; the same key with different input is refused (IDEMPOTENCY_KEY_REUSED). Keys are kept per API key.' });
const expectedVersionArg = (t: any) => t.arg.int({ description: 'The `version` you last read. If the event has changed since, nothing is written and a STALE_VERSION user error is returned. Omit to overwrite whatever is there.' });
const eventIdArg = (t: any) => t.arg.id({ required: true, description: 'Global ID of the event.' });

/** Writes an event and announces it to `eventChanged` subscribers. */
function writeEvent(context: Context, name: string, operation: RevisionOperation, args: { idempotencyKey?: string | null }, input: unknown, save: (editor: Editor, idempotency: { key: string; operation: string; input: unknown } | undefined) => ReturnType<typeof saveRecord>) {
  const payload = runWrite(context, name, (editor) => save(editor, args.idempotencyKey ? { key: args.idempotencyKey, operation: name, input } : undefined), loadEvent(context));
  if (payload.record && !payload.replayed) context.changes.publish('eventChanged', { eventId: payload.record.id, version: payload.record.version, operation });
  return payload;
}

/** A change that edits an existing event's record. */
function editEvent(context: Context, name: string, args: EditArgs, change: (current: EventRecord) => unknown, options: { operation?: 'update' | 'archive' | 'restore'; archived?: boolean } = {}) {
  const id = decodeId('Event', args.id, 'id');
  const operation = options.operation ?? 'update';
  return writeEvent(context, name, operation, args, args, (editor, idempotency) =>
    saveRecord(context.store, 'event', { id, expectedVersion: args.expectedVersion, operation, archived: options.archived, change: (current) => change(current!), idempotency }, editor));
}

const rejectIf = (condition: boolean, field: string, message: string, code: 'INVALID' | 'NOT_FOUND' = 'INVALID') => {
  if (condition) throw new CurationError([{ field, message, code }]);
};

builder.mutationFields((t) => ({
  createEvent: t.field({
    type: EventPayload,
    description: 'Adds an event. Needs a key with the `write` scope. The new event starts at version 1, with a revision recording who created it.',
    args: { input: t.arg({ type: EventInput, required: true, description: 'The event.' }), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) =>
      writeEvent(context, 'createEvent', 'create', args as { idempotencyKey?: string | null }, args.input, (editor, idempotency) =>
        saveRecord(context.store, 'event', { operation: 'create', change: () => withoutNulls(args.input), idempotency }, editor)),
  }),
  updateEvent: t.field({
    type: EventPayload,
    description: 'Changes fields of an event. Needs the `write` scope. Send `expectedVersion` to avoid overwriting someone else\'s change.',
    args: { id: eventIdArg(t), patch: t.arg({ type: EventPatch, required: true, description: 'The fields to change.' }), expectedVersion: expectedVersionArg(t), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) => editEvent(context, 'updateEvent', args as unknown as EditArgs, (current) => patched(current, args.patch as Record<string, unknown>)),
  }),
  archiveEvent: t.field({
    type: EventPayload,
    description: 'Archives an event: a tombstone that hides it from lists, search, statistics and exports, but keeps it, its history and its links. Nothing is ever hard-deleted; `restoreEvent` undoes it. Needs the `write` scope.',
    args: { id: eventIdArg(t), expectedVersion: expectedVersionArg(t), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) => editEvent(context, 'archiveEvent', args as unknown as EditArgs, (current) => current, { operation: 'archive', archived: true }),
  }),
  restoreEvent: t.field({
    type: EventPayload,
    description: 'Brings an archived event back into lists and search. Needs the `write` scope.',
    args: { id: eventIdArg(t), expectedVersion: expectedVersionArg(t), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) => editEvent(context, 'restoreEvent', args as unknown as EditArgs, (current) => current, { operation: 'restore', archived: false }),
  }),
  addEventCitation: t.field({
    type: EventPayload,
    description: 'Adds a passage that states an event. Needs the `write` scope.',
    args: { id: eventIdArg(t), citation: t.arg({ type: CitationInput, required: true, description: 'The passage.' }), expectedVersion: expectedVersionArg(t), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) => editEvent(context, 'addEventCitation', args as unknown as EditArgs, (current) => ({ ...current, citations: [...current.citations, withoutNulls(args.citation) as EventRecord['citations'][number]] })),
  }),
  addEventClaim: t.field({
    type: EventPayload,
    description: 'Records a value a source gives for a disputed field of an event, beside the values already claimed. Nothing is resolved: the preferred claim stays until `setPreferredEventClaim` changes it. Needs the `write` scope.',
    args: { id: eventIdArg(t), claim: t.arg({ type: ClaimInput, required: true, description: 'The claim. Leave `preferred` false unless the field has no claims yet.' }), expectedVersion: expectedVersionArg(t), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) => editEvent(context, 'addEventClaim', args as unknown as EditArgs, (current) => ({ ...current, claims: [...current.claims, withoutNulls(args.claim) as EventRecord['claims'][number]] })),
  }),
  setPreferredEventClaim: t.field({
    type: EventPayload,
    description: 'Makes one claimed value the one the event shows, with a stated reason; the other claims stay visible. For DATE, AMOUNT, QUANTITY and PLACE the event\'s own field takes the value. Needs the `write` scope.',
    args: {
      id: eventIdArg(t),
      field: t.arg({ type: ClaimFieldEnum, required: true, description: 'The disputed field.' }),
      value: t.arg.string({ required: true, description: 'The claimed value to prefer, exactly as in `Claim.value`.' }),
      reason: t.arg.string({ required: true, description: 'Why this value is preferred, in your own words (at most 1000 characters).' }),
      expectedVersion: expectedVersionArg(t),
      idempotencyKey: idempotencyArg(t),
    },
    resolve: (_root, args, context) =>
      editEvent(context, 'setPreferredEventClaim', args as unknown as EditArgs, (current) => {
        const field = args.field as string;
        rejectIf(!current.claims.some((claim) => claim.field === field && claim.value === args.value), 'value', `The event has no ${field} claim with the value "${args.value}". Add it with addEventClaim first.`, 'NOT_FOUND');
        const claims = current.claims.map((claim) => (claim.field !== field ? claim : claim.value === args.value ? { ...claim, preferred: true, reason: args.reason as string } : withoutReason(claim)));
        return { ...current, ...preferredFieldValue(current, field, args.value as string), claims };
      }),
  }),
  linkEvents: t.field({
    type: EventPayload,
    description: 'Relates an event to another: part of a series, follows, implements, supersedes. Needs the `write` scope. Returns the event the link starts from.',
    args: { id: eventIdArg(t), link: t.arg({ type: EventLinkInput, required: true, description: 'The relation and the other event.' }), expectedVersion: expectedVersionArg(t), idempotencyKey: idempotencyArg(t) },
    resolve: (_root, args, context) =>
      editEvent(context, 'linkEvents', args as unknown as EditArgs, (current) => {
        const link = args.link as EventRecord['links'][number];
        rejectIf(current.links.some((existing) => existing.type === link.type && existing.event === link.event), 'link', 'The events are already linked this way.');
        return { ...current, links: [...current.links, link] };
      }),
  }),
}));

const withoutReason = ({ reason: _reason, ...claim }: EventRecord['claims'][number]) => ({ ...claim, preferred: false });

/** The event field a preferred claim sets, so the record shows the value it prefers. */
function preferredFieldValue(current: EventRecord, field: string, value: string): Partial<EventRecord> {
  switch (field) {
    case 'date': return { date: value };
    case 'place': return { place: value };
    case 'quantity': return current.quantity ? { quantity: { ...current.quantity, value: Number(value) } } : {};
    case 'amount': {
      const [amount, currency] = value.split(' ');
      return { amount: { value: amount!, currency: currency!, approximate: current.amount?.approximate ?? false } };
    }
    default: return {};
  }
}

import { type ClaimField, type ClaimRow, parseFuzzyDate } from '@bilateral/store';
import { builder } from './builder.ts';
import { FuzzyDateType } from './fuzzy-date.ts';
import { CitationRef, ClaimRef, loadNodes } from './refs.ts';
import { ClaimFieldEnum, ClaimStatusEnum } from './vocabulary.ts';

builder.node(ClaimRef, {
  description:
    'One value that sources give for a field of an event or figure. When sources disagree, each value is its own claim with its own citations; one is preferred (with a reason) and the others stay visible.',
  id: { resolve: (claim) => claim.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.claim, ids),
  fields: (t) => ({
    field: t.expose('field', {
      type: ClaimFieldEnum,
      description: 'The field this claim gives a value for.',
    }),
    value: t.exposeString('value', {
      description:
        'The claimed value as text: a fuzzy date in EDTF for DATE, "<decimal> <ISO 4217>" for AMOUNT, an integer for QUANTITY, an actor slug for PARTICIPANT, free text for PLACE, a decimal for VALUE.',
    }),
    date: t.field({
      type: FuzzyDateType,
      nullable: true,
      description:
        "For a DATE claim, the claimed date read as the event's own `date` is (earliest and latest day, precision, display), to draw competing dates beside the preferred one; null for every other field.",
      resolve: (claim) => (claim.field === 'date' ? parseFuzzyDate(claim.value) : null),
    }),
    status: t.expose('status', {
      type: ClaimStatusEnum,
      description: 'How well the value is supported.',
    }),
    preferred: t.exposeBoolean('preferred', { description: 'True for the value the record itself shows.' }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why this value is preferred (set on the preferred claim).',
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'The passages that state this value.',
      resolve: (claim, _args, { loaders }) => claim.snapshotCitations ?? loaders.claimCitations.load(claim.id),
    }),
  }),
});

export interface Conflict {
  field: ClaimField;
  claims: ClaimRow[];
}

/** Fields whose claims hold more than one distinct value. */
export function conflictsOf(claims: readonly ClaimRow[]): Conflict[] {
  const byField = new Map<ClaimField, ClaimRow[]>();
  for (const claim of claims) byField.set(claim.field, [...(byField.get(claim.field) ?? []), claim]);
  return [...byField]
    .filter(([, list]) => new Set(list.map((claim) => claim.value)).size > 1)
    .map(([field, list]) => ({ field, claims: list }));
}

export const ConflictType = builder.objectRef<Conflict>('Conflict').implement({
  description:
    'A field that sources disagree on, with every competing value. Nothing is resolved silently: the preferred claim says why it was chosen.',
  fields: (t) => ({
    field: t.expose('field', {
      type: ClaimFieldEnum,
      description: 'The disputed field.',
    }),
    preferred: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'The claim whose value the record shows.',
      resolve: (conflict) => conflict.claims.find((claim) => claim.preferred) ?? null,
    }),
    claims: t.expose('claims', {
      type: [ClaimRef],
      description: 'All claims for the field, the preferred one included.',
    }),
  }),
});

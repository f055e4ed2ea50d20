/** Writes to figures: numbers such as a year's bilateral trade, with the claims sources make about them. */
import type { FigureRow } from '@bilateral/store';
import { CitationInput, ClaimInput, DATE_RULES, SLUG_RULES, TEXT_RULES } from './mutation-inputs.ts';
import { citationMutation, claimMutations, type InputFieldBuilder, recordMutations } from './record-mutation-fields.ts';
import type { RecordKind } from './record-writes.ts';
import { FigureRef } from './refs.ts';

const figureInputFields = (required: boolean) => (t: InputFieldBuilder) => ({
  slug: t.string({
    required,
    description: `Stable key: ${SLUG_RULES}, such as "pakistan-russia-trade-2023". Unique among figures.`,
  }),
  label: t.string({
    required,
    description: `What the figure measures, for display; at most 200 characters. ${TEXT_RULES}`,
  }),
  indicator: t.string({
    required,
    description:
      'Machine name of what is measured, in snake_case, such as "bilateral_trade". Figures with the same indicator form a series.',
  }),
  period: t.string({ required, description: `The period the figure covers, ${DATE_RULES}` }),
  actors: t.stringList({
    required,
    description: 'Slugs of the actors the figure is between, at least one; each must exist and be listed once.',
  }),
  value: t.field({
    type: 'Decimal',
    required,
    description: 'The value as a decimal string without separators or units, such as "1000000000". Floats are refused.',
  }),
  currency: t.string({
    description:
      'ISO 4217 currency code when the figure is money, such as "USD". Give either a currency or a unit, never both; null clears it when patching.',
  }),
  unit: t.string({
    description: `Unit when the figure is not money, such as "tonnes" (at most 100 characters). Give either a currency or a unit, never both; null clears it when patching. ${TEXT_RULES}`,
  }),
  approximate: t.boolean({ description: 'True when the source gives the figure as an estimate. Defaults to false.' }),
  citations: t.field({ type: [CitationInput], required, description: 'Passages that give the figure; at least one.' }),
  claims: t.field({
    type: [ClaimInput],
    description: 'Competing values sources give (field VALUE). Replaces all claims when given in a patch.',
  }),
});

const figureKind: RecordKind<'figure', FigureRow> = {
  type: 'figure',
  typename: 'Figure',
  load: async (context, id) => (await context.store.figuresByIds([id]))[0],
};

const FigurePayload = recordMutations(figureKind, {
  ref: FigureRef,
  inputDescription: 'A new figure, with the passages that give it.',
  fields: figureInputFields,
});

citationMutation(figureKind, FigurePayload);
claimMutations(figureKind, FigurePayload, {
  fieldsTakingValue: "The figure's own `value` takes the preferred VALUE.",
  preferredValue: (_current, field, value) => (field === 'value' ? { value } : {}),
});

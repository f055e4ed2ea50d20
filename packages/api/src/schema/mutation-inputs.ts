/**
 * Inputs and arguments that mutations of every record type share: citations, claims, the
 * record's ID, `expectedVersion` and `idempotencyKey`.
 */
import type { ArgBuilder } from '@pothos/core';
import { builder } from './builder.ts';
import { ClaimFieldEnum, ClaimStatusEnum } from './vocabulary.ts';

const TEXT_HYGIENE =
  'Text is normalised to Unicode NFC before its length is counted; control characters, lone surrogates (half of a UTF-16 pair) and bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused.';

/** For names, titles, labels, units and places. */
export const TEXT_RULES = `One line: no line breaks or tabs. ${TEXT_HYGIENE}`;

/** For summaries, notes and reasons. */
export const MULTILINE_TEXT_RULES = `Line breaks are kept; tabs are refused. ${TEXT_HYGIENE}`;

export const SLUG_RULES = 'lower-case letters, digits and single hyphens, 3 to 80 characters';

export const DATE_RULES =
  'at the precision the sources give: "2014", "2014-06", "2014-11-21", "2016~" (approximate), "2002/2003" (either year), "198X" (decade). Impossible days such as "2023-02-29" are refused; a year is never padded to a day.';

export const CitationInput = builder.inputType('CitationInput', {
  description:
    'A passage that supports a record: a source document and a paragraph number in it. One list cites a paragraph of a source once.',
  fields: (t) => ({
    source: t.string({
      required: true,
      description: 'Slug of the source document, such as "policyeast-2024-cold-war-rivals". Must exist.',
    }),
    paragraph: t.int({
      required: true,
      description:
        'Paragraph number in the document, counted from 1 as seeds/README.md describes. When the server has the documents directory, a paragraph past the end of the document is an INVALID user error naming its paragraph count.',
    }),
    note: t.string({
      description: `What the passage supports, or a caveat, in your own words (at most 1000 characters). Never a quotation. ${MULTILINE_TEXT_RULES}`,
    }),
  }),
});

export const ClaimInput = builder.inputType('ClaimInput', {
  description: 'One value that sources give for a disputable field, with the passages that state it.',
  fields: (t) => ({
    field: t.field({ type: ClaimFieldEnum, required: true, description: 'The field the value is for.' }),
    value: t.string({
      required: true,
      description:
        'The value as text, checked by field: an EDTF date for DATE, "<decimal> <ISO 4217>" for AMOUNT (such as "2500000000 USD"), a positive integer for QUANTITY, an existing actor slug for PARTICIPANT, one line of at most 200 characters for PLACE, a plain decimal for a figure\'s VALUE. A value that breaks its rule is an INVALID user error at `claims[n].value`.',
    }),
    status: t.field({ type: ClaimStatusEnum, required: true, description: 'How well the value is supported.' }),
    preferred: t.boolean({
      description:
        "True for the value the record itself shows. Exactly one claim per field is preferred, and it must match the record's own value.",
    }),
    reason: t.string({
      description: `Why this value is preferred; required on the preferred claim (at most 1000 characters). ${MULTILINE_TEXT_RULES}`,
    }),
    citations: t.field({
      type: [CitationInput],
      required: true,
      description: 'At least one passage stating this value.',
    }),
  }),
});

/** What the argument helpers need of a field builder: its `arg` builder. */
type WithArgs = { arg: ArgBuilder<typeof builder.$inferSchemaTypes> };

export const idempotencyArg = (t: WithArgs) =>
  t.arg.string({
    description:
      'Any unique string of at most 200 characters (a UUID) that makes retries safe: sending the same key with the same input again writes nothing and answers with `replayed: true` and the record the first request wrote, as it stands now (so a later edit shows); the same key with different input is refused (IDEMPOTENCY_KEY_REUSED); a longer key, or one with control characters, is refused as INVALID on `idempotencyKey`. Keys are kept per API key.',
  });

export const expectedVersionArg = (t: WithArgs, noun: string) =>
  t.arg.int({
    description: `The \`version\` of the ${noun} you last read. If it has changed since, nothing is written and a STALE_VERSION user error is returned. Omit to overwrite whatever is there.`,
  });

export const recordIdArg = (t: WithArgs, typename: string) =>
  t.arg.id({ required: true, description: `Global ID of the ${typename.toLowerCase()}.` });

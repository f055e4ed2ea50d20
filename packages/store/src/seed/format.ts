/**
 * The shape of each seed record, as documented in seeds/README.md. Structural rules live here;
 * rules that look across records (references, uniqueness, claims) live in validate.ts.
 */
import { z } from 'zod';
import { tryParseFuzzyDate } from '../dates/fuzzy-date.ts';
import { PARAGRAPH_STYLES } from '../sources/paragraphs.ts';
import { codePointName, FORBIDDEN_CHARACTER } from '../text/control-characters.ts';
import { EVENT_KIND_VALUES, type EventKind } from '../vocabulary/event-kinds.ts';
import {
  ACTOR_KINDS,
  ALIAS_KINDS,
  CLAIM_FIELDS,
  CLAIM_STATUSES,
  EVENT_LINK_TYPES,
  keysOf,
  PARTICIPANT_ROLES,
  SECTORS,
  SKIP_REASONS,
  SOURCE_GENRES,
} from '../vocabulary/terms.ts';

/** Parse options for every record: a missing field says so plainly instead of zod's "expected string, received undefined". */
export const RECORD_PARSE_OPTIONS = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined),
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Bidirectional overrides and isolates: they can make text display in another order than it reads. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Control characters and lone surrogates; a lone surrogate is invisible, so the message names it. */
function refuseForbiddenCharacters(value: string, context: z.RefinementCtx) {
  const forbidden = FORBIDDEN_CHARACTER.exec(value);
  if (forbidden)
    context.addIssue({
      code: 'custom',
      message: /\p{Cs}/u.test(forbidden[0])
        ? `must not contain lone surrogates (found ${codePointName(forbidden[0])} without its pair)`
        : 'must not contain control characters',
    });
}

const enumOf = <T extends Record<string, string>>(vocabulary: T) =>
  z.enum(keysOf(vocabulary) as [keyof T & string, ...(keyof T & string)[]]);

export const slug = z
  .string()
  .min(3, 'a slug has at least 3 characters')
  .max(80, 'a slug has at most 80 characters')
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens, like "2014-arms-embargo-lifted"');

/**
 * Text in our own words. Names, titles and labels are one line; summaries, notes and reasons may
 * break lines. The length is counted after NFC normalisation, as stored.
 */
export const prose = (max: number, lines: 'one line' | 'lines' = 'one line') =>
  z
    .string()
    .transform((value) => value.normalize('NFC'))
    .pipe(
      z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .superRefine(refuseForbiddenCharacters)
        .refine(
          (value) => !BIDI_CONTROLS.test(value),
          'must not contain bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069)',
        )
        .refine(
          (value) => (lines === 'lines' ? !value.includes('\t') : !LINE_BREAKS_AND_TABS.test(value)),
          lines === 'lines' ? 'must not contain tabs' : 'must be one line, without line breaks or tabs',
        ),
    );

/** YAML reads an unquoted `2014` as a number; a year is still a date, so accept it as text. */
export const fuzzyDate = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .superRefine((value, context) => {
    const parsed = tryParseFuzzyDate(value);
    if (parsed instanceof Error) context.addIssue({ code: 'custom', message: parsed.message });
  });

export const decimalString = z
  .string({ error: 'write the number as a quoted decimal string, like "2500000000"' })
  .regex(
    /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
    'must be a plain decimal number such as "2500000000" or "1.5", without separators or units',
  );

export const currencyCode = z
  .string()
  .refine((code) => CURRENCIES.has(code), 'must be an ISO 4217 currency code such as USD, RUB or PKR');

export const httpUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .superRefine(refuseForbiddenCharacters)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an absolute http:// or https:// URL');

export const citation = z
  .object({
    source: slug,
    paragraph: z
      .number({ error: 'must be a paragraph number' })
      .int('must be a whole paragraph number')
      .positive('paragraphs are numbered from 1'),
    note: prose(1000, 'lines').optional(),
  })
  .strict();

const citations = z.array(citation);

/** An amount as claims write it: "<decimal> <ISO 4217 code>", the same rules as an event's `amount`. */
const amountText = z.string().superRefine((text, context) => {
  const parts = text.split(' ');
  if (parts.length !== 2)
    return context.addIssue({ code: 'custom', message: 'must be "<decimal> <currency>", like "2500000000 USD"' });
  const problems = [
    ...(decimalString.safeParse(parts[0]).error?.issues.map((issue) => `its number ${issue.message}`) ?? []),
    ...(currencyCode.safeParse(parts[1]).error?.issues.map((issue) => `its currency ${issue.message}`) ?? []),
  ];
  for (const message of problems) context.addIssue({ code: 'custom', message });
});

/** What a claim's value must be, by the field it is for; each matches the rule for the record's own field. */
const CLAIM_VALUE_RULES: Record<keyof typeof CLAIM_FIELDS, z.ZodType<string>> = {
  date: fuzzyDate,
  amount: amountText,
  quantity: z.string().regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number, like "12"'),
  participant: slug,
  place: prose(200),
  value: decimalString,
};

export const claim = z
  .object({
    field: enumOf(CLAIM_FIELDS),
    value: z.union([z.string(), z.number()]).transform(String),
    status: enumOf(CLAIM_STATUSES),
    preferred: z.boolean().default(false),
    reason: prose(1000, 'lines').optional(),
    citations: citations.min(1, 'every claim needs at least one citation'),
  })
  .strict()
  .transform((claim, context) => {
    const value = CLAIM_VALUE_RULES[claim.field].safeParse(claim.value);
    if (value.success) return { ...claim, value: value.data };
    for (const issue of value.error.issues)
      context.addIssue({ code: 'custom', message: issue.message, path: ['value'] });
    return z.NEVER;
  });

export const sourceRecord = z
  .object({
    slug,
    file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a file name in ../shared/sources, like 000_a5a9ecb81bb08c62.txt'),
    title: prose(300),
    author: prose(200).optional(),
    outlet: prose(200).optional(),
    genre: enumOf(SOURCE_GENRES),
    published: fuzzyDate.optional(),
    url: httpUrl.optional(),
    paragraphs: z.enum(PARAGRAPH_STYLES).default('blank-lines'),
  })
  .strict();

const alias = z.union([
  prose(200).transform((name): { name: string; kind: 'variant'; outsideReason?: string } => ({
    name,
    kind: 'variant',
  })),
  z
    .object({
      name: prose(200),
      kind: enumOf(ALIAS_KINDS).default('variant'),
      /** Set only for a name no source document uses: why the curators added it anyway. */
      outsideReason: prose(500, 'lines').optional(),
    })
    .strict(),
]);

export const actorRecord = z
  .object({
    slug,
    name: prose(200),
    kind: enumOf(ACTOR_KINDS),
    country: slug.optional(),
    predecessor: slug.optional(),
    aliases: z.array(alias).default([]),
    offices: z
      .array(
        z
          .object({
            title: prose(200),
            organization: slug.optional(),
            from: fuzzyDate.nullish(),
            to: fuzzyDate.nullish(),
            citations: citations.default([]),
          })
          .strict(),
      )
      .default([]),
    citations: citations.default([]),
  })
  .strict();

export const eventRecord = z
  .object({
    slug,
    title: prose(200),
    summary: prose(2000, 'lines'),
    kind: z.enum(EVENT_KIND_VALUES as [EventKind, ...EventKind[]]),
    date: fuzzyDate,
    /** How the date was worked out when no cited paragraph states it as it stands (seeds/README.md, rules 4 and 9). */
    dateBasis: prose(1000, 'lines').optional(),
    place: prose(200).optional(),
    sectors: z.array(enumOf(SECTORS)).min(1, 'give at least one sector'),
    amount: z
      .object({ value: decimalString, currency: currencyCode, approximate: z.boolean().default(false) })
      .strict()
      .optional(),
    quantity: z
      .object({ value: z.number().int().positive(), unit: prose(100) })
      .strict()
      .optional(),
    participants: z
      .array(z.object({ actor: slug, role: enumOf(PARTICIPANT_ROLES) }).strict())
      .min(1, 'name at least one participant'),
    citations: citations.min(1, 'every event needs at least one citation'),
    claims: z.array(claim).default([]),
    links: z.array(z.object({ type: enumOf(EVENT_LINK_TYPES), event: slug }).strict()).default([]),
    /** A tombstone: kept with its history, left out of lists. Absent for a live event. */
    archived: z
      .literal(true, { error: 'write `archived: true` for an archived event, or leave the field out' })
      .optional(),
  })
  .strict();

export const figureRecord = z
  .object({
    slug,
    label: prose(200),
    indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use snake_case, like bilateral_trade'),
    period: fuzzyDate,
    actors: z.array(slug).min(1, 'name the actors the figure is between'),
    value: decimalString,
    currency: currencyCode.nullish(),
    unit: prose(100).nullish(),
    approximate: z.boolean().default(false),
    citations: citations.min(1, 'every figure needs at least one citation'),
    claims: z.array(claim).default([]),
  })
  .strict()
  .refine((figure) => Boolean(figure.currency) !== Boolean(figure.unit), {
    message: 'give either a currency (for money) or a unit (for anything else), not both',
    path: ['currency'],
  });

const paragraphEntry = z.union([
  z.object({ skip: enumOf(SKIP_REASONS), why: prose(500, 'lines') }).strict(),
  z
    .object({
      events: z.array(slug).optional(),
      actors: z.array(slug).optional(),
      figures: z.array(slug).optional(),
      note: prose(500, 'lines').optional(),
    })
    .strict()
    .refine(
      (entry) => (entry.events?.length ?? 0) + (entry.actors?.length ?? 0) + (entry.figures?.length ?? 0) > 0,
      'list the records coded from this paragraph, or give a skip reason',
    ),
]);

export const coverageManifest = z
  .object({
    source: slug,
    paragraphs: z.record(z.string().regex(/^[1-9]\d*$/, 'paragraph keys are numbers from 1'), paragraphEntry),
  })
  .strict();

export type SourceRecord = z.output<typeof sourceRecord>;
export type ActorRecord = z.output<typeof actorRecord>;
export type EventRecord = z.output<typeof eventRecord>;
export type FigureRecord = z.output<typeof figureRecord>;
export type ClaimRecord = z.output<typeof claim>;
export type CitationRecord = z.output<typeof citation>;
export type CoverageManifest = z.output<typeof coverageManifest>;

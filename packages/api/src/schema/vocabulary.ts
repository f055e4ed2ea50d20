/**
 * GraphQL enums built from the store's vocabularies, so the seed format, the database and the
 * API share one list and one definition of every term. Values are the upper-case form of the
 * stored keys (`sanction_lifted` becomes `SANCTION_LIFTED`).
 */
import {
  ACTOR_KINDS,
  ALIAS_KINDS,
  CLAIM_FIELDS,
  CLAIM_STATUSES,
  type DATE_PRECISIONS,
  EVENT_KINDS,
  EVENT_LINK_TYPES,
  PARTICIPANT_ROLES,
  type ParagraphStyle,
  PLOVER_CATEGORIES,
  SECTORS,
  SOURCE_GENRES,
} from '@bilateral/store';
import { builder } from './builder.ts';

export function vocabularyEnum<const Key extends string>(
  name: string,
  description: string,
  terms: Record<Key, string>,
) {
  const values = Object.fromEntries(
    (Object.entries(terms) as [Key, string][]).map(([key, meaning]) => [
      key.toUpperCase(),
      { value: key, description: meaning },
    ]),
  ) as Record<Uppercase<Key>, { value: Key; description: string }>;
  return builder.enumType(name, { description, values });
}

export const EventKindEnum = vocabularyEnum(
  'EventKind',
  "What kind of event this is, in Bilateral's taxonomy. Each kind maps to one CAMEO code and PLOVER category (see `Event.coding` and `Query.eventKinds`).",
  Object.fromEntries(
    Object.entries(EVENT_KINDS).map(([key, kind]) => [key, `${kind.label}: ${kind.description}`]),
  ) as Record<keyof typeof EVENT_KINDS, string>,
);
export const ActorKindEnum = vocabularyEnum('ActorKind', 'What kind of actor this is.', ACTOR_KINDS);
export const ParticipantRoleEnum = vocabularyEnum(
  'ParticipantRole',
  'The part an actor played in an event.',
  PARTICIPANT_ROLES,
);
export const SectorEnum = vocabularyEnum(
  'Sector',
  'A policy area an event belongs to. An event can belong to several.',
  SECTORS,
);
export const EventLinkTypeEnum = vocabularyEnum('EventLinkType', 'How two events are related.', EVENT_LINK_TYPES);
export const SourceGenreEnum = vocabularyEnum('SourceGenre', 'What kind of document a source is.', SOURCE_GENRES);
export const AliasKindEnum = vocabularyEnum('AliasKind', 'Why a source uses another name for an actor.', ALIAS_KINDS);
export const ClaimFieldEnum = vocabularyEnum(
  'ClaimField',
  'A field of an event or figure that sources can disagree on.',
  CLAIM_FIELDS,
);
export const ClaimStatusEnum = vocabularyEnum('ClaimStatus', 'How well a claimed value is supported.', CLAIM_STATUSES);
export const DatePrecisionEnum = vocabularyEnum('DatePrecision', 'How precisely the sources date something.', {
  day: 'Known to the day.',
  month: 'Known to the month: any day of it.',
  year: 'Known to the year: any day of it. Never padded to 1 January.',
  decade: 'Known to the decade, such as "the 1980s".',
} satisfies Record<(typeof DATE_PRECISIONS)[number], string>);
export const PloverCategoryEnum = builder.enumType('PloverCategory', {
  description: 'Top-level event category of the PLOVER ontology (the successor of CAMEO used by POLECAT).',
  values: Object.fromEntries(
    PLOVER_CATEGORIES.map((category) => [category, { value: category, description: `PLOVER category ${category}.` }]),
  ) as Record<(typeof PLOVER_CATEGORIES)[number], { value: (typeof PLOVER_CATEGORIES)[number]; description: string }>,
});
export const ParagraphStyleEnum = builder.enumType('ParagraphStyle', {
  description: 'How a source document is cut into the numbered paragraphs that citations point at (seeds/README.md).',
  values: {
    BLANK_LINES: { value: 'blank-lines', description: 'Ordinary text: empty lines separate paragraphs.' },
    LAYOUT: {
      value: 'layout',
      description:
        'Text extracted from a PDF page layout, where every printed line is followed by an empty line: only a line holding nothing but spaces or tabs ends a paragraph.',
    },
  } satisfies Record<string, { value: ParagraphStyle; description: string }>,
});

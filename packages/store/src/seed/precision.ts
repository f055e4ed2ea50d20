/**
 * The parts of the curation standard (seeds/README.md) that a program can check against the source
 * documents: every cited paragraph holds at least one of its record's key terms; a `corroborated`
 * claim is backed by two documents; an alias no document uses, and a date no cited paragraph gives,
 * say why in a field a reader sees (`outsideReason`, `dateBasis`; the stricter date rules are in
 * date-basis.ts); every actor is named by some document; an archived event is held to the same
 * checks and says, from its first word, that it was withdrawn and why. Justified exceptions live in
 * seeds/precision-exceptions.yaml, and an exception that is no longer needed is itself a problem,
 * so the list stays short and true.
 *
 * The key terms are deliberately specific: the two principal states (and the Soviet Union) appear in
 * nearly every paragraph, so their names would let any paragraph pass. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { type FuzzyDate, knownBounds, MONTHS, parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { splitParagraphs } from '../sources/paragraphs.ts';
import { foldName } from '../text/fold.ts';
import { dateBasisParagraphsUncited, unexplainedDateForms, workedOutDatesWithoutBasis } from './date-basis.ts';
import { namedDocumentsUncited } from './document-mentions.ts';
import { type ActorRecord, type CitationRecord, type ClaimRecord, type EventRecord, prose, slug } from './format.ts';
import { imprecision, type SeedProblem } from './problems.ts';
import type { Located, SeedDataset } from './validate.ts';

/** Actors named in almost every paragraph: their names say nothing about which event a paragraph states. */
export const UBIQUITOUS_ACTORS = new Set(['pakistan', 'russia', 'soviet-union']);

export const PRECISION_EXCEPTIONS_FILE = 'precision-exceptions.yaml';

const exceptionsFile = z
  .object({
    /** Citations whose paragraph names none of the record's key terms but still states what the record says. */
    citations: z
      .array(
        z
          .object({
            record: z
              .string()
              .regex(/^(event|figure|actor) [a-z0-9-]+$/, 'write "event <slug>", "figure <slug>" or "actor <slug>"'),
            cites: z.string().regex(/^[a-z0-9-]+#[1-9]\d*$/, 'write "<source slug>#<paragraph>"'),
            reason: prose(500, 'lines'),
          })
          .strict(),
      )
      .default([]),
    /** Actors whose name and aliases no document uses in that form. */
    names: z.array(z.object({ actor: slug, reason: prose(500, 'lines') }).strict()).default([]),
  })
  .strict();

export interface PrecisionExceptions {
  /** `"event <slug> <source>#<paragraph>"` to its reason. */
  readonly citations: ReadonlyMap<string, string>;
  /** Actor slug to its reason. */
  readonly names: ReadonlyMap<string, string>;
}

/** Reads seeds/precision-exceptions.yaml; absent means no exceptions. Throws on a malformed file. */
export function readPrecisionExceptions(seedsDir: string): PrecisionExceptions {
  const path = join(seedsDir, PRECISION_EXCEPTIONS_FILE);
  const content = existsSync(path) ? exceptionsFile.parse(parse(readFileSync(path, 'utf8')) ?? {}) : undefined;
  return {
    citations: new Map(content?.citations.map((entry) => [`${entry.record} ${entry.cites}`, entry.reason])),
    names: new Map(content?.names.map((entry) => [entry.actor, entry.reason])),
  };
}

/** The documents the checks read: each source's paragraphs and full text, by source slug. */
export interface DocumentTexts {
  paragraph(source: string, paragraph: number): string | undefined;
  readonly texts: readonly string[];
}

export function readDocumentTexts(dataset: SeedDataset, sourcesDir: string): DocumentTexts {
  const bySource = new Map(
    dataset.sources
      .filter(({ record }) => existsSync(join(sourcesDir, record.file)))
      .map(({ record }) => {
        const text = readFileSync(join(sourcesDir, record.file), 'utf8');
        return [record.slug, { text, paragraphs: splitParagraphs(text, record.paragraphs) }] as const;
      }),
  );
  return {
    paragraph: (source, paragraph) => bySource.get(source)?.paragraphs[paragraph - 1],
    texts: [...bySource.values()].map(({ text }) => text),
  };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** The widest span of years a date contributes as key terms; wider intervals contribute their two ends. */
const MAX_YEARS = 12;

/** The years of a date's known bounds (one for a year, two for an interval across years, one for an open one). */
const yearsOf = (date: FuzzyDate) => [...new Set(knownBounds(date).map((day) => day.slice(0, 4)))];

/** The years a fuzzy date may fall in, as key terms: each year, plus "1980s" for a decade. */
export function yearTerms(date: string): string[] {
  const parsed = parseFuzzyDate(date);
  if (parsed.openStart || parsed.openEnd) return yearsOf(parsed);
  const first = Number(parsed.earliest.slice(0, 4));
  const last = Number(parsed.latest.slice(0, 4));
  const years =
    last - first < MAX_YEARS
      ? Array.from({ length: last - first + 1 }, (_, index) => String(first + index))
      : [String(first), String(last)];
  return parsed.precision === 'decade' ? [...years, `${String(first).slice(0, 3)}0s`] : years;
}

/** The month names of a date given to the month or day; none for coarser dates. */
export function monthTerms(date: string): string[] {
  const parsed = parseFuzzyDate(date);
  if (parsed.precision !== 'month' && parsed.precision !== 'day') return [];
  return [...new Set(knownBounds(parsed).map((day) => MONTHS[Number(day.slice(5, 7)) - 1]!))];
}

/** How a document may write a number: in full, in millions or billions ("2.5" billion), with separators, or in words. */
export function numberTerms(value: string | number): string[] {
  const number = Number(value);
  const terms = [String(value)];
  if (number >= 1e9) terms.push(String(number / 1e9));
  if (number >= 1e6) terms.push(String(number / 1e6));
  if (number >= 1e3) terms.push(number.toLocaleString('en-US'));
  if (Number.isInteger(number) && number < NUMBER_WORDS.length) terms.push(NUMBER_WORDS[number]!);
  return terms;
}

/** Every name and alias of an actor, and a person's surname. */
export function nameTerms(actor: ActorRecord): string[] {
  const names = [actor.name, ...actor.aliases.map((alias) => alias.name)];
  return actor.kind === 'person' ? [...names, actor.name.split(' ').at(-1)!] : names;
}

/** A place and each capitalised word in it ("Karachi to Lahore" also gives Karachi and Lahore). */
const placeTerms = (place: string) => [place, ...(place.match(/\p{Lu}\p{L}{3,}/gu) ?? [])];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when the text holds the term, ignoring case and accents. A word must start where the term
 * starts (a name may take a suffix: "Pakistani"); a number must stand alone ("153" is not in "1530").
 */
export function mentions(text: string, term: string): boolean {
  const folded = foldName(term);
  if (!folded) return false;
  const pattern = /^[\d.,]+$/.test(folded)
    ? new RegExp(`(?<![\\d.,])${escapeRegExp(folded)}(?![\\d]|[.,]\\d)`)
    : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(folded)}`, 'u');
  return pattern.test(foldName(text));
}

interface CitedPassage {
  at: string;
  citation: CitationRecord;
}

interface Subject {
  located: Located<unknown>;
  /** `event <slug>`, as the exceptions file names it. */
  key: string;
  terms: string[];
  passages: CitedPassage[];
}

const cited = (list: readonly CitationRecord[], at: string): CitedPassage[] =>
  list.map((citation, index) => ({ at: `${at}[${index}]`, citation }));

/** Every record's citations, each group with the key terms its paragraphs should hold. */
function subjects(dataset: SeedDataset): Subject[] {
  const actors = new Map(dataset.actors.map(({ record }) => [record.slug, record]));
  const actorTerms = (actorSlug: string) => {
    const actor = actors.get(actorSlug);
    return actor && !UBIQUITOUS_ACTORS.has(actorSlug) ? nameTerms(actor) : [];
  };
  const claimTerms = (claim: ClaimRecord) => {
    if (claim.field === 'date') return [...yearTerms(claim.value), ...monthTerms(claim.value)];
    if (claim.field === 'amount') return numberTerms(claim.value.split(' ')[0]!);
    if (claim.field === 'quantity' || claim.field === 'value') return numberTerms(claim.value);
    if (claim.field === 'participant') return actorTerms(claim.value);
    return placeTerms(claim.value);
  };
  // A claim's passages must give the claim's own value, not merely some term of its record.
  const claimSubjects = (located: Located<unknown>, key: string, claims: readonly ClaimRecord[]) =>
    claims.map((claim, index) => ({
      located,
      key,
      terms: claimTerms(claim),
      passages: cited(claim.citations, `claims[${index}].citations`),
    }));

  return [
    ...dataset.events.flatMap((located) => {
      const event = located.record;
      const key = `event ${event.slug}`;
      const terms = [
        ...event.participants.flatMap((participant) => actorTerms(participant.actor)),
        ...yearTerms(event.date),
        ...monthTerms(event.date),
        ...(event.amount ? numberTerms(event.amount.value) : []),
        ...(event.quantity ? [...numberTerms(event.quantity.value), event.quantity.unit] : []),
        ...(event.place ? placeTerms(event.place) : []),
        ...event.claims.flatMap(claimTerms),
      ];
      return [
        { located, key, terms, passages: cited(event.citations, 'citations') },
        ...claimSubjects(located, key, event.claims),
      ];
    }),
    ...dataset.figures.flatMap((located) => {
      const figure = located.record;
      const key = `figure ${figure.slug}`;
      const terms = [...yearTerms(figure.period), ...numberTerms(figure.value)];
      return [
        { located, key, terms, passages: cited(figure.citations, 'citations') },
        ...claimSubjects(located, key, figure.claims),
      ];
    }),
    ...dataset.actors.map((located) => ({
      located,
      key: `actor ${located.record.slug}`,
      terms: nameTerms(located.record),
      passages: [
        ...cited(located.record.citations, 'citations'),
        ...located.record.offices.flatMap((office, index) => cited(office.citations, `offices[${index}].citations`)),
      ],
    })),
  ];
}

const problem = imprecision;

/**
 * Citations whose paragraph holds none of the record's key terms, unless `exceptions` says why the
 * paragraph supports the record anyway; and exceptions that no longer match such a citation.
 */
export function citationsWithoutKeyTerms(
  dataset: SeedDataset,
  documents: Pick<DocumentTexts, 'paragraph'>,
  exceptions: ReadonlyMap<string, string> = new Map(),
): SeedProblem[] {
  const used = new Set<string>();
  const problems = subjects(dataset).flatMap(({ located, key, terms, passages }) =>
    passages.flatMap(({ at, citation }) => {
      const text = documents.paragraph(citation.source, citation.paragraph);
      if (text === undefined || terms.some((term) => mentions(text, term))) return [];
      const exception = `${key} ${citation.source}#${citation.paragraph}`;
      if (exceptions.has(exception)) {
        used.add(exception);
        return [];
      }
      return [
        problem(
          located,
          `${at}.paragraph`,
          `${citation.source}#${citation.paragraph} names none of the record's key terms (${[...new Set(terms)].join(', ') || 'none'}); cite the paragraph that states it, or list it with a reason in seeds/${PRECISION_EXCEPTIONS_FILE}`,
        ),
      ];
    }),
  );
  const stale = [...exceptions.keys()]
    .filter((key) => !used.has(key))
    .map((key) => ({
      file: `seeds/${PRECISION_EXCEPTIONS_FILE}`,
      record: key,
      field: 'citations',
      message: 'this exception no longer matches a citation without key terms; remove it',
      code: 'IMPRECISE' as const,
    }));
  return [...problems, ...stale];
}

/** How a document may write an amount of money: in full, with separators, or in millions or billions ("2.5 billion"). */
export function amountTerms(value: string): string[] {
  const number = Number(value);
  const terms = [value, number.toLocaleString('en-US')];
  if (number >= 1e9) terms.push(`${number / 1e9} billion`);
  if (number >= 1e6) terms.push(`${number / 1e6} million`);
  return terms;
}

/** The statements a paragraph must all make to give a claim's value: each is a list of ways to write one part of it. */
function claimValueParts(claim: ClaimRecord, actors: ReadonlyMap<string, ActorRecord>): string[][] {
  if (claim.field === 'date') {
    const parsed = parseFuzzyDate(claim.value);
    const years = yearsOf(parsed);
    const decade = parsed.precision === 'decade' ? [`${years[0]!.slice(0, 3)}0s`] : [];
    return [
      ...(decade.length ? [decade] : years.map((year) => [year])),
      ...monthTerms(claim.value).map((month) => [month]),
    ];
  }
  if (claim.field === 'amount') return [amountTerms(claim.value.split(' ')[0]!)];
  if (claim.field === 'quantity' || claim.field === 'value') return [numberTerms(claim.value)];
  if (claim.field === 'participant') {
    const actor = actors.get(claim.value);
    return actor ? [nameTerms(actor)] : [];
  }
  return (claim.value.match(/\p{Lu}\p{L}{3,}/gu) ?? [claim.value]).map((word) => [word]);
}

/**
 * Claims cited from a paragraph that does not give the whole value: every year and month of a date,
 * the amount as a sum of money, each place name. A paragraph that gives a year for something else
 * nearby still passes, so a reader must also check that the value is given for this event; but a
 * paragraph that gives only part of a value (the year of a month claim) cannot back the claim.
 */
export function claimValuesUnstated(dataset: SeedDataset, documents: Pick<DocumentTexts, 'paragraph'>): SeedProblem[] {
  const actors = new Map(dataset.actors.map(({ record }) => [record.slug, record]));
  const claimed = [...dataset.events, ...dataset.figures] as Located<{ claims: readonly ClaimRecord[] }>[];
  return claimed.flatMap((located) =>
    located.record.claims.flatMap((claim, index) =>
      claim.citations.flatMap((citation, at) => {
        const text = documents.paragraph(citation.source, citation.paragraph);
        if (text === undefined) return [];
        const missing = claimValueParts(claim, actors).filter((ways) => !ways.some((way) => mentions(text, way)));
        return missing.length
          ? [
              problem(
                located,
                `claims[${index}].citations[${at}].paragraph`,
                `${citation.source}#${citation.paragraph} does not give the claim's value ${claim.value} (missing ${missing.map((ways) => ways[0]).join(', ')}); cite only paragraphs that give the whole value`,
              ),
            ]
          : [];
      }),
    ),
  );
}

/** Title words that say nothing about which event a sentence tells: the principal states and filler. */
const GENERIC_TITLE_WORDS = new Set([
  'pakistan',
  'pakistani',
  'russia',
  'russian',
  'soviet',
  'union',
  'their',
  'again',
  'about',
  'between',
  'first',
  'second',
  'other',
]);

/** The words that place a sentence on this event: distinctive title words (by their first five letters), names, what is counted, places. */
function contextTerms(event: EventRecord, actors: ReadonlyMap<string, ActorRecord>): string[] {
  const titleWords = (event.title.match(/[\p{L}\d-]{5,}/gu) ?? [])
    .filter((word) => !GENERIC_TITLE_WORDS.has(foldName(word)))
    .map((word) => word.slice(0, 5));
  return [
    ...titleWords,
    ...event.participants.flatMap(({ actor }) => {
      const record = actors.get(actor);
      return record && !UBIQUITOUS_ACTORS.has(actor) ? nameTerms(record) : [];
    }),
    ...(event.quantity ? [event.quantity.unit] : []),
    ...(event.place ? placeTerms(event.place) : []),
  ];
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/);

/**
 * Claims whose value a cited paragraph gives only in a sentence about something else: a year of a
 * visit, or of an embargo's end, cited as the year of a deal the paragraph says only followed it.
 * The sentence that gives the value must also name the event (a distinctive word of its title, a
 * participant other than the principal states, what it counts, or its place).
 */
export function claimValuesOutOfContext(
  dataset: SeedDataset,
  documents: Pick<DocumentTexts, 'paragraph'>,
): SeedProblem[] {
  const actors = new Map(dataset.actors.map(({ record }) => [record.slug, record]));
  return dataset.events.flatMap((located) => {
    const context = contextTerms(located.record, actors);
    return located.record.claims.flatMap((claim, index) =>
      claim.citations.flatMap((citation, at) => {
        const text = documents.paragraph(citation.source, citation.paragraph);
        if (text === undefined) return [];
        const parts = claimValueParts(claim, actors);
        const inContext = sentences(text).some(
          (sentence) =>
            parts.every((ways) => ways.some((way) => mentions(sentence, way))) &&
            context.some((term) => mentions(sentence, term)),
        );
        const givesValue = parts.every((ways) => ways.some((way) => mentions(text, way)));
        return givesValue && !inContext
          ? [
              problem(
                located,
                `claims[${index}].citations[${at}].paragraph`,
                `${citation.source}#${citation.paragraph} gives ${claim.value} only in a sentence that does not name this event; a value given for something nearby is not a claim about this event`,
              ),
            ]
          : [];
      }),
    );
  });
}

/** `corroborated` claims not backed by citations from two different documents. Needs no documents. */
export function thinCorroborations(dataset: SeedDataset): SeedProblem[] {
  const claimed = [...dataset.events, ...dataset.figures] as Located<{ claims: readonly ClaimRecord[] }>[];
  return claimed.flatMap((located) =>
    located.record.claims.flatMap((claim, index) => {
      const documents = new Set(claim.citations.map((citation) => citation.source));
      return claim.status === 'corroborated' && documents.size < 2
        ? [
            problem(
              located,
              `claims[${index}].status`,
              `is corroborated but only ${[...documents].join(', ')} gives the value; corroborated needs two documents`,
            ),
          ]
        : [];
    }),
  );
}

/** Aliases that no document uses and that do not say why they are there. */
export function unexplainedAliases(dataset: SeedDataset, documents: Pick<DocumentTexts, 'texts'>): SeedProblem[] {
  return dataset.actors.flatMap((located) =>
    located.record.aliases.flatMap((alias, index) =>
      alias.outsideReason || documents.texts.some((text) => mentions(text, alias.name))
        ? []
        : [
            problem(
              located,
              `aliases[${index}]`,
              `"${alias.name}" appears in no document; remove it or give its outsideReason`,
            ),
          ],
    ),
  );
}

/**
 * Actors that no document names: neither the name nor an alias not marked as from outside occurs in
 * any document. A canonical name may be the full form of a name a document uses ("Vladimir Putin"
 * for "Putin"), but then the document's form must be an alias.
 */
export function actorsNoDocumentNames(
  dataset: SeedDataset,
  documents: Pick<DocumentTexts, 'texts'>,
  exceptions: ReadonlyMap<string, string> = new Map(),
): SeedProblem[] {
  const named = (actor: ActorRecord) =>
    [actor.name, ...actor.aliases.filter((alias) => !alias.outsideReason).map((alias) => alias.name)].some((name) =>
      documents.texts.some((text) => mentions(text, name)),
    );
  const unnamed = dataset.actors.filter(({ record }) => !named(record));
  const unnamedSlugs = new Set(unnamed.map(({ record }) => record.slug));
  return [
    ...unnamed
      .filter(({ record }) => !exceptions.has(record.slug))
      .map((located) =>
        problem(
          located,
          'name',
          `no document uses "${located.record.name}" or any of its aliases; add the form a document uses as an alias, or list it with a reason in seeds/${PRECISION_EXCEPTIONS_FILE}`,
        ),
      ),
    ...[...exceptions.keys()]
      .filter((actorSlug) => !unnamedSlugs.has(actorSlug))
      .map((actorSlug) => ({
        file: `seeds/${PRECISION_EXCEPTIONS_FILE}`,
        record: `actor ${actorSlug}`,
        field: 'names',
        message: 'a document now names this actor (or it is gone); remove the exception',
        code: 'IMPRECISE' as const,
      })),
  ];
}

/** Events whose date has a year, or at month or day precision a month, that no cited paragraph gives, and no `dateBasis`. */
export function unexplainedDates(dataset: SeedDataset, documents: Pick<DocumentTexts, 'paragraph'>): SeedProblem[] {
  return dataset.events.flatMap((located) => {
    const event = located.record;
    if (event.dateBasis) return [];
    const texts = [...event.citations, ...event.claims.flatMap((claim) => claim.citations)]
      .map((citation) => documents.paragraph(citation.source, citation.paragraph))
      .filter((text): text is string => text !== undefined);
    const parsed = parseFuzzyDate(event.date);
    const years = parsed.precision === 'decade' ? [yearTerms(event.date).at(-1)!] : yearsOf(parsed);
    const unstated = [...years, ...monthTerms(event.date)].filter(
      (term) => !texts.some((text) => mentions(text, term)),
    );
    return unstated.length
      ? [
          problem(
            located,
            'date',
            `${event.date}: no cited paragraph gives ${unstated.join(' or ')}; cite the paragraph that does, or say in dateBasis what the date rests on`,
          ),
        ]
      : [];
  });
}

/** The kinds in which travelling and receiving are the event itself, so the visited state is `host` by rule 11. */
const VISIT_KINDS = new Set(['visit', 'visit_cancelled']);

/**
 * Rule 11: outside a visit, an actor is `host` only where a cited paragraph says someone hosted, and
 * no one is a `visitor`; the city a meeting took place in makes no one its host.
 */
export function hostsWithoutStatement(
  dataset: SeedDataset,
  documents: Pick<DocumentTexts, 'paragraph'>,
): SeedProblem[] {
  return dataset.events.flatMap((located) => {
    const event = located.record;
    if (VISIT_KINDS.has(event.kind)) return [];
    const saysHosted = event.citations.some((citation) =>
      /\bhost/i.test(documents.paragraph(citation.source, citation.paragraph) ?? ''),
    );
    return event.participants.flatMap(({ actor, role }, index) =>
      role === 'visitor' || (role === 'host' && !saysHosted)
        ? [
            problem(
              located,
              `participants[${index}].role`,
              `${actor} is ${role} of a ${event.kind}, but ${role === 'visitor' ? 'only a visit has visitors' : 'no cited paragraph says anyone hosted it'}; make it a participant (seeds/README.md, rule 11)`,
            ),
          ]
        : [],
    );
  });
}

/** How a tombstone's summary starts, so that whoever fetches it reads first that it was withdrawn. */
export const WITHDRAWN_PREFIX = 'Withdrawn:';

/**
 * Archived events whose title and summary do not say they were withdrawn. An archived record is
 * still served by slug and to `asOf` queries, so it must not read as a live record: it keeps only
 * what its withdrawal reason leaves standing (the other checks hold it to its paragraphs like any
 * record) and says why it was withdrawn.
 */
export function tombstonesWithoutReason(dataset: SeedDataset): SeedProblem[] {
  return dataset.events.flatMap((located) => {
    const { archived, title, summary } = located.record;
    if (!archived) return [];
    return [
      ...(title.startsWith(WITHDRAWN_PREFIX)
        ? []
        : [problem(located, 'title', `an archived event's title starts with "${WITHDRAWN_PREFIX}"`)]),
      ...(summary.startsWith(WITHDRAWN_PREFIX) && summary.length > WITHDRAWN_PREFIX.length + 40
        ? []
        : [
            problem(
              located,
              'summary',
              `an archived event's summary starts with "${WITHDRAWN_PREFIX}" and says why it was withdrawn and what remains supported`,
            ),
          ]),
    ];
  });
}

/** Every check of this module; the document-dependent ones only when `documents` is given. */
export function checkPrecision(
  dataset: SeedDataset,
  documents: DocumentTexts | undefined,
  exceptions: PrecisionExceptions,
): SeedProblem[] {
  return [
    ...thinCorroborations(dataset),
    ...dateBasisParagraphsUncited(dataset),
    ...unexplainedDateForms(dataset),
    ...tombstonesWithoutReason(dataset),
    ...namedDocumentsUncited(dataset),
    ...(documents
      ? [
          ...citationsWithoutKeyTerms(dataset, documents, exceptions.citations),
          ...unexplainedAliases(dataset, documents),
          ...actorsNoDocumentNames(dataset, documents, exceptions.names),
          ...unexplainedDates(dataset, documents),
          ...workedOutDatesWithoutBasis(dataset, documents),
          ...claimValuesUnstated(dataset, documents),
          ...claimValuesOutOfContext(dataset, documents),
          ...hostsWithoutStatement(dataset, documents),
        ]
      : []),
  ];
}

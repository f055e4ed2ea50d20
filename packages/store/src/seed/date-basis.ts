/**
 * The curation standard's rules on worked-out dates (seeds/README.md, rules 2–4): a date that the
 * cited paragraphs do not state as it stands says in `dateBasis` how it was worked out, and the
 * paragraphs that reasoning rests on are cited. "States" is strict here: a month counts only when a
 * paragraph writes it together with its year ("June 2014", "May 9, 1954"), and not when that date is
 * the date of a report a footnote cites, since a report's date bounds an event rather than giving it.
 */
import { type FuzzyDate, MONTHS, parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { EventRecord } from './format.ts';
import { imprecision, type SeedProblem } from './problems.ts';
import type { SeedDataset } from './validate.ts';

/** Looks up a cited paragraph's text; `DocumentTexts` in precision.ts is one. */
export interface ParagraphLookup {
  paragraph(source: string, paragraph: number): string | undefined;
}

const citedParagraphs = (event: EventRecord) => [
  ...event.citations,
  ...event.claims.flatMap((claim) => claim.citations),
];

/** Paragraph numbers a `dateBasis` names ("paragraph 16", "paragraphs 4 and 10"). */
export function paragraphsNamed(text: string): number[] {
  return [...text.matchAll(/\bparagraphs?\s+(\d+(?:(?:\s*,\s*|\s+and\s+)\d+)*)/gi)].flatMap(([, list = '']) =>
    list.split(/\s*,\s*|\s+and\s+/).map(Number),
  );
}

/** Events whose `dateBasis` names a paragraph the event does not cite. */
export function dateBasisParagraphsUncited(dataset: SeedDataset): SeedProblem[] {
  return dataset.events.flatMap((located) => {
    const event = located.record;
    if (!event.dateBasis) return [];
    const cited = new Set(citedParagraphs(event).map((citation) => citation.paragraph));
    const uncited = [...new Set(paragraphsNamed(event.dateBasis))].filter((paragraph) => !cited.has(paragraph));
    return uncited.length
      ? [
          imprecision(
            located,
            'dateBasis',
            `names paragraph ${uncited.join(', ')}, which the event does not cite; cite the paragraph the date rests on`,
          ),
        ]
      : [];
  });
}

const monthPattern = MONTHS.join('|');
/** A date written out in full: "June 2014", "May, 2018", "May 9, 1954", "9 June 2017", "13th April, 2019". */
const WRITTEN_DATE = new RegExp(
  `(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${monthPattern})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?,?\\s+(\\d{4})`,
  'g',
);
/** The end of a footnote's quoted title, shortly before a date: `,” Dawn, April 21, 2001`. */
const REPORT_DATE = /”[^“”.]{0,80}$/;

interface WrittenDate {
  year: string;
  month: number;
  day?: number;
}

/** The dates a paragraph writes out in its own text, leaving out the dates of reports it cites. */
export function writtenDates(text: string): WrittenDate[] {
  return [...text.matchAll(WRITTEN_DATE)]
    .filter((match) => !REPORT_DATE.test(text.slice(0, match.index)))
    .map(([, dayBefore, month = '', dayAfter, year = '']) => ({
      year,
      month: MONTHS.indexOf(month) + 1,
      ...(dayBefore || dayAfter ? { day: Number(dayBefore ?? dayAfter) } : {}),
    }));
}

/** An interval written as such: "1947-48", "2007-2013", "from 2002 to 2003", "between 2002 and 2003". */
function statesInterval(text: string, first: string, last: string): boolean {
  const short = last.slice(2);
  return [
    `${first}\\s*[-–]\\s*(?:${last}|${short})`,
    `${first}\\s+(?:to|until)\\s+${last}`,
    `between\\s+${first}\\s+and\\s+${last}`,
  ].some((pattern) => new RegExp(`(?<!\\d)${pattern}(?!\\d)`).test(text));
}

/** Why a date is not stated as it stands by any of the texts, or undefined when one states it. */
function unstatedPart(date: FuzzyDate, edtf: string, texts: readonly string[]): string | undefined {
  if (/[~?%]/.test(edtf)) return 'it is marked approximate or uncertain, so it was worked out';
  if (date.openStart || date.openEnd)
    return 'one end is open, which no paragraph writes: say which paragraph gives the known end and why the other is unknown';
  if (edtf.includes('/')) {
    const [first = '', last = ''] = [date.earliest.slice(0, 4), date.latest.slice(0, 4)];
    return texts.some((text) => statesInterval(text, first, last))
      ? undefined
      : 'no cited paragraph states the interval itself (its ends come from different places or from narrative order)';
  }
  if (date.precision !== 'month' && date.precision !== 'day') return undefined;
  const [year, month, day] = date.earliest.split('-');
  const stated = texts.some((text) =>
    writtenDates(text).some(
      (written) =>
        written.year === year &&
        written.month === Number(month) &&
        (date.precision === 'month' || written.day === Number(day)),
    ),
  );
  return stated
    ? undefined
    : `no cited paragraph writes ${date.display} in its own text (a month or day from a cited report's date, or from another sentence, is worked out)`;
}

/** Events whose date no cited paragraph states as it stands, and that have no `dateBasis` saying how it was worked out. */
export function workedOutDatesWithoutBasis(dataset: SeedDataset, documents: ParagraphLookup): SeedProblem[] {
  return dataset.events.flatMap((located) => {
    const event = located.record;
    if (event.dateBasis) return [];
    const texts = citedParagraphs(event)
      .map((citation) => documents.paragraph(citation.source, citation.paragraph))
      .filter((text): text is string => text !== undefined);
    const why = unstatedPart(parseFuzzyDate(event.date), event.date, texts);
    return why ? [imprecision(located, 'date', `${event.date}: ${why}; say in dateBasis what it rests on`)] : [];
  });
}

/**
 * What a date's form says that only its explanation can justify: a `~` or `?` bound was worked
 * out from something (a report's date, a round number, outside knowledge), and an open side
 * (`..`) means that no bound was found. A reader sees the form, so the explanation must say which:
 * the event's `dateBasis` (a figure's citation notes) names the approximation or the open side.
 */
const FORM_EXPLANATIONS = [
  { form: /[~?%]/, says: /approximat|uncertain/i, what: 'approximate or uncertain', word: '"approximate"' },
  {
    form: /\.\./,
    says: /\bopen\b|no known (?:start|end)/i,
    what: 'open on one side',
    word: '"open" or "no known start/end"',
  },
] as const;

function unexplainedForms(date: string, explanation: string | undefined): string[] {
  return FORM_EXPLANATIONS.filter(({ form, says }) => form.test(date) && !says.test(explanation ?? '')).map(
    ({ what, word }) =>
      `${date} is ${what}, and ${explanation ? 'its explanation does not say so' : 'nothing explains it'}: say what it rests on, with ${word}`,
  );
}

/** Events and figures whose date is approximate or open without an explanation that says so and why. */
export function unexplainedDateForms(dataset: SeedDataset): SeedProblem[] {
  return [
    ...dataset.events.flatMap((located) =>
      unexplainedForms(located.record.date, located.record.dateBasis ?? undefined).map((message) =>
        imprecision(located, 'dateBasis', message),
      ),
    ),
    ...dataset.figures.flatMap((located) => {
      const notes = located.record.citations.flatMap((citation) => (citation.note ? [citation.note] : []));
      return unexplainedForms(located.record.period, notes.join(' ') || undefined).map((message) =>
        imprecision(located, 'citations', `the period ${message} in a citation's note`),
      );
    }),
  ];
}

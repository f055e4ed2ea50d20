// The worked-out-date rules of the curation standard (seeds/README.md, rules 2–4), each on a
// made-up record that breaks it and on one that keeps it.
import { describe, expect, it } from 'vitest';
import {
  dateBasisParagraphsUncited,
  paragraphsNamed,
  unexplainedDateForms,
  workedOutDatesWithoutBasis,
  writtenDates,
} from './date-basis.ts';
import { eventRecord, figureRecord } from './format.ts';
import type { SeedDataset } from './validate.ts';

const PARAGRAPHS = [
  'Russia lifted the embargo in June 2014, after Lavrov visited.',
  '12 “Moscow and Islamabad sign,” Dawn, November 21, 2014.',
  'The war of 1947-48 and the visits of 2012.',
  'Pakistan signed the pact on May 9, 1954.',
];
const documents = { paragraph: (_source: string, paragraph: number) => PARAGRAPHS[paragraph - 1] };

const withEvent = (overrides: object): SeedDataset => ({
  sources: [],
  actors: [],
  events: [
    {
      file: 'seeds/test.yaml',
      label: 'event "2014-test"',
      record: eventRecord.parse({
        slug: '2014-test',
        title: 'A test event',
        summary: 'A test event.',
        kind: 'agreement',
        date: '2014-06',
        sectors: ['defence'],
        participants: [{ actor: 'russia', role: 'signatory' }],
        citations: [{ source: 'news', paragraph: 1 }],
        ...overrides,
      }),
    },
  ],
  figures: [],
  coverage: [],
});
const fields = (problems: { field: string; message: string }[]) => problems.map(({ field }) => field);

describe('dateBasis paragraphs', () => {
  it('reads the paragraph numbers a dateBasis names', () => {
    expect(paragraphsNamed('dated in paragraph 4; see paragraphs 10 and 12, and paragraphs 2, 3')).toEqual([
      4, 10, 12, 2, 3,
    ]);
  });

  it('catches a dateBasis that names a paragraph the event does not cite', () => {
    const uncited = withEvent({ date: '2014~', dateBasis: 'Placed by the report in paragraph 2.' });
    expect(dateBasisParagraphsUncited(uncited).map(({ message }) => message)).toEqual([
      'names paragraph 2, which the event does not cite; cite the paragraph the date rests on',
    ]);
    const cited = withEvent({
      date: '2014~',
      dateBasis: 'Placed by the report in paragraph 2.',
      citations: [
        { source: 'news', paragraph: 1 },
        { source: 'news', paragraph: 2 },
      ],
    });
    expect(dateBasisParagraphsUncited(cited)).toEqual([]);
  });
});

describe('worked-out dates', () => {
  it('leaves out the dates of cited reports, which bound an event rather than give it', () => {
    expect(writtenDates(PARAGRAPHS[0]!)).toEqual([{ year: '2014', month: 6 }]);
    expect(writtenDates(PARAGRAPHS[1]!)).toEqual([]);
    expect(writtenDates(PARAGRAPHS[3]!)).toEqual([{ year: '1954', month: 5, day: 9 }]);
  });

  it('accept a month a cited paragraph writes with its year', () => {
    expect(workedOutDatesWithoutBasis(withEvent({}), documents)).toEqual([]);
  });

  it('catch a month taken from the date of a cited report', () => {
    const fromReport = withEvent({ date: '2014-11', citations: [{ source: 'news', paragraph: 2 }] });
    expect(fields(workedOutDatesWithoutBasis(fromReport, documents))).toEqual(['date']);
  });

  it('catch a day the paragraph does not give, though it gives the month', () => {
    expect(fields(workedOutDatesWithoutBasis(withEvent({ date: '2014-06-09' }), documents))).toEqual(['date']);
    const stated = withEvent({ date: '1954-05-09', citations: [{ source: 'news', paragraph: 4 }] });
    expect(workedOutDatesWithoutBasis(stated, documents)).toEqual([]);
  });

  it('catch an approximate date, which is always worked out, unless dateBasis says how', () => {
    expect(fields(workedOutDatesWithoutBasis(withEvent({ date: '2014~' }), documents))).toEqual(['date']);
    const explained = withEvent({ date: '2014~', dateBasis: 'Told among the events of 2014.' });
    expect(workedOutDatesWithoutBasis(explained, documents)).toEqual([]);
  });

  it('catch an interval built from narrative order, but accept one a paragraph states', () => {
    const fromOrder = withEvent({ date: '2012/2014', citations: [{ source: 'news', paragraph: 3 }] });
    expect(fields(workedOutDatesWithoutBasis(fromOrder, documents))).toEqual(['date']);
    const stated = withEvent({ date: '1947/1948', citations: [{ source: 'news', paragraph: 3 }] });
    expect(workedOutDatesWithoutBasis(stated, documents)).toEqual([]);
  });

  it('hold archived records to the same rule', () => {
    expect(fields(workedOutDatesWithoutBasis(withEvent({ date: '2014~', archived: true }), documents))).toEqual([
      'date',
    ]);
  });
});

describe('dates whose form needs an explanation', () => {
  const messages = (dataset: SeedDataset) => unexplainedDateForms(dataset).map(({ message }) => message);

  it('catches an approximate date whose dateBasis does not say what it is approximated from', () => {
    expect(messages(withEvent({ date: '2016~' }))).toEqual([
      '2016~ is approximate or uncertain, and nothing explains it: say what it rests on, with "approximate"',
    ]);
    expect(messages(withEvent({ date: '2016~', dateBasis: 'Outside knowledge (paragraph 1).' }))).toEqual([
      '2016~ is approximate or uncertain, and its explanation does not say so: say what it rests on, with "approximate"',
    ]);
    expect(
      messages(withEvent({ date: '2016~', dateBasis: "The report's date, an upper bound, hence approximate." })),
    ).toEqual([]);
  });

  it('catches an open end whose dateBasis does not say that no bound was found', () => {
    expect(messages(withEvent({ date: '../2018-05', dateBasis: 'Before May 2018 (paragraph 1).' }))).toEqual([
      '../2018-05 is open on one side, and its explanation does not say so: say what it rests on, with "open" or "no known start/end"',
    ]);
    expect(
      messages(
        withEvent({
          date: '2011/..',
          dateBasis: 'Since 2011 (paragraph 1); the article is undated, so the end is open.',
        }),
      ),
    ).toEqual([]);
  });

  it("reads a figure's citation notes as the explanation of its period", () => {
    const figure = (note: string | undefined) => ({
      ...withEvent({}),
      events: [],
      figures: [
        {
          file: 'seeds/figures.yaml',
          label: 'figure "gap"',
          record: figureRecord.parse({
            slug: 'gap',
            label: 'A gap',
            indicator: 'import_shortfall',
            period: '2018/..',
            actors: ['russia'],
            value: '16000000000',
            currency: 'USD',
            citations: [{ source: 'news', paragraph: 1, ...(note ? { note } : {}) }],
          }),
        },
      ],
    });
    expect(messages(figure(undefined))).toEqual([
      'the period 2018/.. is open on one side, and nothing explains it: say what it rests on, with "open" or "no known start/end" in a citation\'s note',
    ]);
    expect(messages(figure('The article is undated: not before 2018, with no known end.'))).toEqual([]);
  });
});

describe('open-ended dates', () => {
  it('always need a dateBasis, even when a cited paragraph writes the known end', () => {
    const problems = workedOutDatesWithoutBasis(withEvent({ date: '../2014-06' }), documents);
    expect(problems.map(({ message }) => message)).toEqual([
      '../2014-06: one end is open, which no paragraph writes: say which paragraph gives the known end and why the other is unknown; say in dateBasis what it rests on',
    ]);
    expect(
      workedOutDatesWithoutBasis(
        withEvent({ date: '../2014-06', dateBasis: 'By June 2014; no start is known, so it is open.' }),
        documents,
      ),
    ).toEqual([]);
  });
});

// The worked-out-date rules of the curation standard (seeds/README.md, rules 2–4), each on a
// made-up record that breaks it and on one that keeps it.
import { describe, expect, it } from 'vitest';
import { dateBasisParagraphsUncited, paragraphsNamed, workedOutDatesWithoutBasis, writtenDates } from './date-basis.ts';
import { eventRecord } from './format.ts';
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

// The edges of the date rules (docs/writing.md, "Dates"), found by mutation testing: each case
// here catches a one-line change to fuzzy-date.ts that no test noticed before.
import { describe, expect, it } from 'vitest';
import { FuzzyDateError, parseFuzzyDate, tryParseFuzzyDate } from './fuzzy-date.ts';

describe('parseFuzzyDate at its edges', () => {
  // English month names from Intl, an oracle independent of the module's own list.
  const monthName = (month: number) =>
    new Date(Date.UTC(2014, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });

  it.each(Array.from({ length: 12 }, (_, index) => index + 1))('names month %i in English, in full', (month) => {
    const text = String(month).padStart(2, '0');
    expect(parseFuzzyDate(`2014-${text}`).display).toBe(`${monthName(month)} 2014`);
    expect(parseFuzzyDate(`2014-${text}-01`).display).toBe(`1 ${monthName(month)} 2014`);
  });

  it.each([
    ['2014-00', /month 00; months run from 01 to 12/],
    ['2014-06-00', /not a real day: June 2014 has 30 days/],
    ['2014-06-31', /not a real day: June 2014 has 30 days/],
    ['2001/2002/2003', /"2001\/2002\/2003" has more than one "\/"; an interval is two dates/],
  ])('refuses %s with a message that says why', (input, message) => {
    expect(() => parseFuzzyDate(input)).toThrow(FuzzyDateError);
    expect(() => parseFuzzyDate(input)).toThrow(message);
  });

  it('accepts the first and last day of a month', () => {
    expect(parseFuzzyDate('2014-06-01')).toMatchObject({ earliest: '2014-06-01', latest: '2014-06-01' });
    expect(parseFuzzyDate('2014-06-30')).toMatchObject({ earliest: '2014-06-30', latest: '2014-06-30' });
  });

  it('ignores surrounding spaces', () => {
    expect(parseFuzzyDate('  2014-06 ')).toMatchObject({ edtf: '2014-06', earliest: '2014-06-01' });
  });

  it('pads years before 1000 to four digits, decades included', () => {
    expect(parseFuzzyDate('010X')).toMatchObject({ earliest: '0100-01-01', latest: '0109-12-31', display: '100s' });
  });

  it('accepts an interval that starts and ends on the same day', () => {
    expect(parseFuzzyDate('2014-06-01/2014-06-01')).toMatchObject({
      edtf: '2014-06-01/2014-06-01',
      earliest: '2014-06-01',
      latest: '2014-06-01',
      precision: 'day',
    });
  });

  it("gives an interval the coarser of its two ends' precision, whichever end it is", () => {
    expect(parseFuzzyDate('2014/2015-06')).toMatchObject({ precision: 'year', latest: '2015-06-30' });
    expect(parseFuzzyDate('2014-06/2015')).toMatchObject({ precision: 'year' });
    expect(parseFuzzyDate('198X/1990-05-01')).toMatchObject({ precision: 'decade' });
    expect(parseFuzzyDate('2014-05-01/2014-06')).toMatchObject({ precision: 'month' });
  });

  it.each([
    ['2014/2015', false, '2014 – 2015'],
    ['2014~/2015', true, 'c. 2014 – 2015'],
    ['2014/2015?', true, '2014 – 2015?'],
    ['2014%/2015%', true, '2014? – 2015?'],
  ])('marks the interval %s approximate: %s', (input, approximate, display) => {
    expect(parseFuzzyDate(input)).toMatchObject({ edtf: input, approximate, display });
  });

  it('shows a date both approximate and uncertain (%) as uncertain', () => {
    expect(parseFuzzyDate('2016%')).toMatchObject({ approximate: true, display: '2016?' });
  });
});

describe('tryParseFuzzyDate', () => {
  it('returns the date, or the error for a date it cannot read, without throwing', () => {
    expect(tryParseFuzzyDate('2014')).toEqual(parseFuzzyDate('2014'));
    const error = tryParseFuzzyDate('2014-13');
    expect(error).toBeInstanceOf(FuzzyDateError);
    expect((error as FuzzyDateError).message).toMatch(/months run from 01 to 12/);
  });

  it('still throws what is not a date error (a bug, not bad input)', () => {
    expect(() => tryParseFuzzyDate(null as unknown as string)).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { OPEN_END_DAY, OPEN_START_DAY, parseFuzzyDate } from './fuzzy-date.ts';

describe('parseFuzzyDate', () => {
  it('keeps a year a year instead of padding it to a day', () => {
    expect(parseFuzzyDate('2014')).toEqual({
      edtf: '2014',
      earliest: '2014-01-01',
      latest: '2014-12-31',
      openStart: false,
      openEnd: false,
      precision: 'year',
      approximate: false,
      display: '2014',
    });
  });

  it('reads months, days and decades at their own precision', () => {
    expect(parseFuzzyDate('2014-06')).toMatchObject({
      earliest: '2014-06-01',
      latest: '2014-06-30',
      precision: 'month',
      display: 'June 2014',
    });
    expect(parseFuzzyDate('2024-02')).toMatchObject({ latest: '2024-02-29' });
    expect(parseFuzzyDate('2014-11-21')).toMatchObject({
      earliest: '2014-11-21',
      latest: '2014-11-21',
      precision: 'day',
      display: '21 November 2014',
    });
    expect(parseFuzzyDate('198X')).toMatchObject({
      earliest: '1980-01-01',
      latest: '1989-12-31',
      precision: 'decade',
      display: '1980s',
    });
  });

  it('marks approximate and uncertain dates and says so in the display', () => {
    expect(parseFuzzyDate('2016~')).toMatchObject({ approximate: true, precision: 'year', display: 'c. 2016' });
    expect(parseFuzzyDate('2016?')).toMatchObject({ approximate: true, display: '2016?' });
  });

  it('reads intervals from the start of the first date to the end of the second', () => {
    expect(parseFuzzyDate('2002/2003')).toMatchObject({
      earliest: '2002-01-01',
      latest: '2003-12-31',
      precision: 'year',
      display: '2002 – 2003',
    });
    expect(parseFuzzyDate('2014-06/2015')).toMatchObject({ precision: 'year', earliest: '2014-06-01' });
  });

  it('reads an open start as "no later than", with a stand-in first day that sorts before every known one', () => {
    expect(parseFuzzyDate('../2018-05')).toEqual({
      edtf: '../2018-05',
      earliest: OPEN_START_DAY,
      latest: '2018-05-31',
      openStart: true,
      openEnd: false,
      precision: 'month',
      approximate: false,
      display: 'by May 2018',
    });
    expect(parseFuzzyDate('../2018~')).toMatchObject({ approximate: true, display: 'by c. 2018' });
    expect(OPEN_START_DAY <= parseFuzzyDate('0001').earliest).toBe(true);
  });

  it('reads an open end as "from", with a stand-in last day that sorts after every known one', () => {
    expect(parseFuzzyDate('2011/..')).toEqual({
      edtf: '2011/..',
      earliest: '2011-01-01',
      latest: OPEN_END_DAY,
      openStart: false,
      openEnd: true,
      precision: 'year',
      approximate: false,
      display: 'from 2011',
    });
    expect(parseFuzzyDate('9999').latest <= OPEN_END_DAY).toBe(true);
  });

  it.each([
    ['../..', /no known end at all/],
    ['..', /not a date we can read/],
    ['../2018/..', /more than one "\/"/],
    ['.../2018', /not a date we can read/],
    ['2023-02-29', /not a real day.*28 days/],
    ['2014-13', /months run from 01 to 12/],
    ['2015/2014', /ends before it starts/],
    ['June 2014', /not a date we can read/],
    ['2014-1-5', /not a date we can read/],
    ['', /required/],
    ['198X-05', /month inside a decade/],
  ])('rejects %j with a message a curator can act on', (input, message) => {
    expect(() => parseFuzzyDate(input)).toThrow(message);
  });
});

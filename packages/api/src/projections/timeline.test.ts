import { parseFuzzyDate } from '@bilateral/store';
import { describe, expect, it } from 'vitest';
import { timelineJsSlide, visItem } from './timeline.ts';

const event = {
  id: 'RXZlbnQ6MQ==',
  title: 'Russia lifts its arms embargo',
  summary: 'Details.',
  group: 'Sanction or embargo lifted',
};

describe('timelineJsSlide', () => {
  it('keeps a year a year, with no month or day', () => {
    const slide = timelineJsSlide(event, parseFuzzyDate('2014'));
    expect(slide.start_date).toEqual({ year: 2014, display_date: '2014' });
    expect(slide.end_date).toBeUndefined();
    expect(slide).toMatchObject({
      unique_id: event.id,
      display_date: '2014',
      text: { headline: event.title, text: 'Details.' },
      group: event.group,
    });
  });

  it('gives months and days only when the date has them', () => {
    expect(timelineJsSlide(event, parseFuzzyDate('2014-06')).start_date).toEqual({
      year: 2014,
      month: 6,
      display_date: 'June 2014',
    });
    expect(timelineJsSlide(event, parseFuzzyDate('2014-11-21')).start_date).toEqual({
      year: 2014,
      month: 11,
      day: 21,
      display_date: '21 November 2014',
    });
  });

  it('spans decades and intervals with an end date', () => {
    const decade = timelineJsSlide(event, parseFuzzyDate('198X'));
    expect(decade.start_date).toEqual({ year: 1980, display_date: '1980s' });
    expect(decade.end_date).toEqual({ year: 1989 });
    expect(timelineJsSlide(event, parseFuzzyDate('2002/2003')).end_date).toEqual({ year: 2003 });
  });

  it('places a date with an open side at its one known end, labelled "by" or "from", never at a stand-in day', () => {
    const byMay = timelineJsSlide(event, parseFuzzyDate('../2018-05'));
    expect(byMay.start_date).toEqual({ year: 2018, month: 5, display_date: 'by May 2018' });
    expect(byMay.end_date).toBeUndefined();
    const from2011 = timelineJsSlide(event, parseFuzzyDate('2011/..'));
    expect(from2011.start_date).toEqual({ year: 2011, display_date: 'from 2011' });
    expect(from2011.end_date).toBeUndefined();
  });
});

describe('visItem', () => {
  it('draws a date with an open side as a point at its known end', () => {
    expect(visItem(event, parseFuzzyDate('../2018-05'))).toMatchObject({
      type: 'point',
      start: '2018-05-31',
      end: null,
    });
    expect(visItem(event, parseFuzzyDate('2011/..'))).toMatchObject({ type: 'point', start: '2011-01-01', end: null });
  });

  it('draws a day as a point and anything coarser as a range over every day it can mean', () => {
    expect(visItem(event, parseFuzzyDate('2014-11-21'))).toMatchObject({
      type: 'point',
      start: '2014-11-21',
      end: null,
    });
    expect(visItem(event, parseFuzzyDate('2014'))).toMatchObject({
      type: 'range',
      start: '2014-01-01',
      end: '2015-01-01',
      title: '2014: Russia lifts its arms embargo',
    });
    expect(visItem(event, parseFuzzyDate('2024-02'))).toMatchObject({ start: '2024-02-01', end: '2024-03-01' });
  });
});

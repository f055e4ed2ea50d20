/**
 * Ready-made shapes for the two most used timeline libraries. Neither pads a date: a year stays
 * `{ year }` in TimelineJS and a range over the whole year in vis-timeline.
 */
import { type FuzzyDate, firstKnownDay } from '@bilateral/store';

export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineJsSlide {
  unique_id: string;
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date: string;
  text: { headline: string; text: string };
  group: string;
}

export interface VisItem {
  id: string;
  content: string;
  title: string;
  start: string;
  /** Exclusive end (the day after the last possible day), as vis-timeline expects; null for points. */
  end: string | null;
  type: 'point' | 'range';
  group: string;
}

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** A TimelineJS date holding only the parts the precision supports. */
function timelineJsDate(iso: string, precision: FuzzyDate['precision']): TimelineJsDate {
  const [year, month, day] = parts(iso);
  if (precision === 'day') return { year, month, day };
  if (precision === 'month') return { year, month };
  return { year };
}

export function timelineJsSlide(
  event: { id: string; title: string; summary: string; group: string },
  date: FuzzyDate,
): TimelineJsSlide {
  const singlePoint = date.precision === 'day' || date.precision === 'month' || date.precision === 'year';
  const start = timelineJsDate(firstKnownDay(date), date.precision);
  const end = timelineJsDate(date.latest, date.precision);
  // A date with an open side has one known day: a slide there, labelled "by …" or "from …".
  const spansOneUnit = date.openStart || date.openEnd || (singlePoint && JSON.stringify(start) === JSON.stringify(end));
  return {
    unique_id: event.id,
    start_date: { ...start, display_date: date.display },
    ...(spansOneUnit ? {} : { end_date: end }),
    display_date: date.display,
    text: { headline: event.title, text: event.summary },
    group: event.group,
  };
}

const dayAfter = (iso: string) => {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

export function visItem(event: { id: string; title: string; group: string }, date: FuzzyDate): VisItem {
  const point = date.openStart || date.openEnd || (date.precision === 'day' && date.earliest === date.latest);
  return {
    id: event.id,
    content: event.title,
    title: `${date.display}: ${event.title}`,
    start: firstKnownDay(date),
    end: point ? null : dayAfter(date.latest),
    type: point ? 'point' : 'range',
    group: event.group,
  };
}

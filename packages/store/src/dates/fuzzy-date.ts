/**
 * Fuzzy dates: a date known only to some precision, kept at that precision.
 *
 * Accepted input is a subset of ISO 8601 reduced precision and EDTF level 1:
 * `2014`, `2014-06`, `2014-11-21`, `198X` (a decade), each optionally followed by `~`
 * (approximate), `?` (uncertain) or `%` (both), and intervals of two such dates `2002/2003`.
 * A year stays a year: `2014` covers 2014-01-01 to 2014-12-31 and is never padded to a day.
 *
 * One end of an interval may be open (EDTF `..`): `../2018-05` is "no later than May 2018", with
 * no known start, and `2011/..` "from 2011 on", with no known end. Both ends open says nothing,
 * so `../..` is refused. An open end keeps a stored day so that every date sorts and filters the
 * same way: `earliest` is OPEN_START_DAY (before any known start) and `latest` OPEN_END_DAY (after
 * any known end), and `openStart`/`openEnd` say that the day is a stand-in, not a bound.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'decade'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The stored `earliest` of a date with an open start: it sorts before every known start. */
export const OPEN_START_DAY = '0001-01-01';
/** The stored `latest` of a date with an open end: it sorts after every known end. */
export const OPEN_END_DAY = '9999-12-31';

export interface FuzzyDate {
  /** The normalised EDTF text the date was parsed from. */
  readonly edtf: string;
  /** First day the date can refer to, ISO `YYYY-MM-DD`; OPEN_START_DAY when the start is open. */
  readonly earliest: string;
  /** Last day the date can refer to, ISO `YYYY-MM-DD`; OPEN_END_DAY when the end is open. */
  readonly latest: string;
  /** True when no start is known (`../2018`): `earliest` is then only a sort key. */
  readonly openStart: boolean;
  /** True when no end is known (`2011/..`): `latest` is then only a sort key. */
  readonly openEnd: boolean;
  /** The precision of the known parts (the coarser of the two ends of an interval). */
  readonly precision: DatePrecision;
  /** True when the source gives the date as approximate (`~`) or uncertain (`?`, `%`). */
  readonly approximate: boolean;
  /** Human-readable form that says no more than the source does: `June 2014`, `c. 2016`, `1980s`, `by May 2018`. */
  readonly display: string;
}

export class FuzzyDateError extends Error {
  override readonly name = 'FuzzyDateError';
}

/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2, decade: 3 };

interface SinglePoint {
  edtf: string;
  earliest: string;
  latest: string;
  precision: DatePrecision;
  qualifier: '' | '~' | '?' | '%';
  plain: string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parsePoint(text: string, whole: string): SinglePoint {
  const match = /^(\d{3}X|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$/.exec(text);
  if (!match) {
    throw new FuzzyDateError(
      `"${whole}" is not a date we can read. Use YYYY, YYYY-MM, YYYY-MM-DD or a decade like 198X, optionally followed by ~ (approximate) or ? (uncertain), or an interval like 2002/2003, ../2018 (no known start) or 2011/.. (no known end).`,
    );
  }
  const [, yearText = '', monthText, dayText, qualifierText = ''] = match;
  const qualifier = qualifierText as SinglePoint['qualifier'];
  if (yearText.endsWith('X')) {
    if (monthText)
      throw new FuzzyDateError(`"${whole}" gives a month inside a decade; write the year instead of ${yearText}.`);
    const start = Number(yearText.slice(0, 3)) * 10;
    return {
      edtf: text,
      earliest: `${pad(start, 4)}-01-01`,
      latest: `${pad(start + 9, 4)}-12-31`,
      precision: 'decade',
      qualifier,
      plain: `${start}s`,
    };
  }
  const year = Number(yearText);
  if (!monthText) {
    return {
      edtf: text,
      earliest: `${yearText}-01-01`,
      latest: `${yearText}-12-31`,
      precision: 'year',
      qualifier,
      plain: yearText,
    };
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) throw new FuzzyDateError(`"${whole}" has month ${monthText}; months run from 01 to 12.`);
  const lastDay = daysInMonth(year, month);
  const monthName = MONTHS[month - 1]!;
  if (!dayText) {
    return {
      edtf: text,
      earliest: `${yearText}-${monthText}-01`,
      latest: `${yearText}-${monthText}-${pad(lastDay, 2)}`,
      precision: 'month',
      qualifier,
      plain: `${monthName} ${yearText}`,
    };
  }
  const day = Number(dayText);
  if (day < 1 || day > lastDay) {
    throw new FuzzyDateError(`"${whole}" is not a real day: ${monthName} ${yearText} has ${lastDay} days.`);
  }
  const iso = `${yearText}-${monthText}-${dayText}`;
  return {
    edtf: text,
    earliest: iso,
    latest: iso,
    precision: 'day',
    qualifier,
    plain: `${day} ${monthName} ${yearText}`,
  };
}

const qualified = (point: SinglePoint) =>
  point.qualifier === '~' ? `c. ${point.plain}` : point.qualifier === '' ? point.plain : `${point.plain}?`;

const OPEN = '..';

function openInterval(text: string, start: string, end: string): FuzzyDate {
  if (start === OPEN && end === OPEN)
    throw new FuzzyDateError(
      `"${text}" has no known end at all; give at least one: ../2018 (no known start) or 2011/.. (no known end)`,
    );
  const point = parsePoint(start === OPEN ? end : start, text);
  const openStart = start === OPEN;
  return {
    edtf: openStart ? `${OPEN}/${point.edtf}` : `${point.edtf}/${OPEN}`,
    earliest: openStart ? OPEN_START_DAY : point.earliest,
    latest: openStart ? point.latest : OPEN_END_DAY,
    openStart,
    openEnd: !openStart,
    precision: point.precision,
    approximate: point.qualifier !== '',
    display: openStart ? `by ${qualified(point)}` : `from ${qualified(point)}`,
  };
}

export function parseFuzzyDate(input: string): FuzzyDate {
  const text = input.trim();
  if (!text) throw new FuzzyDateError('A date is required; use YYYY, YYYY-MM or YYYY-MM-DD.');
  const parts = text.split('/');
  if (parts.length > 2)
    throw new FuzzyDateError(`"${text}" has more than one "/"; an interval is two dates, like 2002/2003.`);
  if (parts.length === 1) {
    const point = parsePoint(text, text);
    return {
      edtf: point.edtf,
      earliest: point.earliest,
      latest: point.latest,
      openStart: false,
      openEnd: false,
      precision: point.precision,
      approximate: point.qualifier !== '',
      display: qualified(point),
    };
  }
  if (parts.includes(OPEN)) return openInterval(text, parts[0]!, parts[1]!);
  const [start, end] = parts.map((part) => parsePoint(part, text)) as [SinglePoint, SinglePoint];
  if (start.earliest > end.latest) {
    throw new FuzzyDateError(`"${text}" ends before it starts.`);
  }
  const precision = PRECISION_RANK[start.precision] >= PRECISION_RANK[end.precision] ? start.precision : end.precision;
  return {
    edtf: `${start.edtf}/${end.edtf}`,
    earliest: start.earliest,
    latest: end.latest,
    openStart: false,
    openEnd: false,
    precision,
    approximate: start.qualifier !== '' || end.qualifier !== '',
    display: `${qualified(start)} – ${qualified(end)}`,
  };
}

/** The first day a date surely knows: `earliest`, or for an open start `latest`. To file or pin a date at one place. */
export const firstKnownDay = (date: FuzzyDate): string => (date.openStart ? date.latest : date.earliest);

/** The days that really bound a date: `earliest` and `latest`, less a stand-in for an open side. */
export const knownBounds = (date: FuzzyDate): string[] =>
  [date.openStart ? null : date.earliest, date.openEnd ? null : date.latest].filter((day) => day !== null);

export function tryParseFuzzyDate(input: string): FuzzyDate | FuzzyDateError {
  try {
    return parseFuzzyDate(input);
  } catch (error) {
    if (error instanceof FuzzyDateError) return error;
    throw error;
  }
}

import { type FuzzyDate, parseFuzzyDate } from '@bilateral/store';
import { builder } from './builder.ts';
import { DatePrecisionEnum } from './vocabulary.ts';

export const FuzzyDateType = builder.objectRef<FuzzyDate>('FuzzyDate').implement({
  description:
    'A date kept at the precision its sources support. "2014" stays a year: `earliest` is 2014-01-01 and `latest` 2014-12-31, and it is never shown as 1 January. ' +
    'To place it on a timeline, draw a span from `earliest` to `latest`, or a point labelled with `display`. ' +
    'A date the sources bound on one side only has an open end (EDTF `..`): `../2018-05` ("by May 2018") has a null `earliest`, ' +
    '`2011/..` ("from 2011") a null `latest`; draw it as a span fading out on that side. ' +
    'Sorting by date puts an open start before every known start and an open end after every known end, and a date range filter treats an open side as reaching without limit: `OVERLAPS` matches when the known end could fall in the range, `WITHIN` only when the range is unbounded on the open side too (`../2018` is within `to: "2019"`, not within `from: "2000"`).',
  fields: (t) => ({
    earliest: t.field({
      type: 'Date',
      nullable: true,
      description:
        'First day the date can refer to; null when the start is open (the sources say only "by" the latest day).',
      resolve: (date) => (date.openStart ? null : date.earliest),
    }),
    latest: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Last day the date can refer to; null when the end is open (the sources say only "from" the earliest day). Equal to `earliest` for a date known to the day.',
      resolve: (date) => (date.openEnd ? null : date.latest),
    }),
    precision: t.expose('precision', {
      type: DatePrecisionEnum,
      description: 'How precisely the known ends of the date are given (the coarser of the two for an interval).',
    }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the sources give the date as approximate ("about 2016") or uncertain.',
    }),
    display: t.exposeString('display', {
      description:
        'Human-readable form that claims no more precision than the sources: "21 November 2014", "June 2014", "2014", "1980s", "c. 2016", "2002 – 2003", "by May 2018", "from 2011".',
    }),
    edtf: t.exposeString('edtf', {
      description:
        'The date in Extended Date/Time Format (ISO 8601-2) level 1, such as `2014`, `2014-06`, `2016~`, `2002/2003`, `../2018-05` (open start) or `2011/..` (open end).',
    }),
  }),
});

/** Parses a stored EDTF string; null stays null. */
export const fuzzyDate = (edtf: string | null): FuzzyDate | null => (edtf ? parseFuzzyDate(edtf) : null);

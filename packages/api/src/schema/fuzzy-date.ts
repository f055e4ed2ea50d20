import { type FuzzyDate, parseFuzzyDate } from '@bilateral/store';
import { builder } from './builder.ts';
import { DatePrecisionEnum } from './vocabulary.ts';

export const FuzzyDateType = builder.objectRef<FuzzyDate>('FuzzyDate').implement({
  description:
    'A date kept at the precision its sources support. "2014" stays a year: `earliest` is 2014-01-01 and `latest` 2014-12-31, and it is never shown as 1 January. ' +
    'To place it on a timeline, draw a span from `earliest` to `latest`, or a point labelled with `display`.',
  fields: (t) => ({
    earliest: t.expose('earliest', {
      type: 'Date',
      description: 'First day the date can refer to.',
    }),
    latest: t.expose('latest', {
      type: 'Date',
      description: 'Last day the date can refer to. Equal to `earliest` for a date known to the day.',
    }),
    precision: t.expose('precision', {
      type: DatePrecisionEnum,
      description: 'How precisely the date is known.',
    }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the sources give the date as approximate ("about 2016") or uncertain.',
    }),
    display: t.exposeString('display', {
      description:
        'Human-readable form that claims no more precision than the sources: "21 November 2014", "June 2014", "2014", "1980s", "c. 2016", "2002 – 2003".',
    }),
    edtf: t.exposeString('edtf', {
      description:
        'The date in Extended Date/Time Format (ISO 8601-2) level 1, such as `2014`, `2014-06`, `2016~` or `2002/2003`.',
    }),
  }),
});

/** Parses a stored EDTF string; null stays null. */
export const fuzzyDate = (edtf: string | null): FuzzyDate | null => (edtf ? parseFuzzyDate(edtf) : null);

// A date with an open side reaches the client as a null bound, never as the stand-in day the store
// sorts by, so a client drawing or comparing days cannot mistake "unknown" for year 1 or 9999.
import { describe, expect, it } from 'vitest';
import { eventInputs, useWriteApi } from '../testing/write-api.ts';

const { keyFor, asKey } = useWriteApi();

const CREATE_EVENT = /* GraphQL */ `
  mutation ($input: EventInput!) {
    createEvent(input: $input) {
      event {
        date {
          edtf
          earliest
          latest
          precision
          approximate
          display
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const dateOf = async (slug: string, date: string) => {
  const created = await asKey(keyFor('write'), CREATE_EVENT, {
    input: eventInputs(slug)({ date, dateBasis: 'Only one end is known; the other is open.' }),
  });
  expect(created.data.createEvent.userErrors).toEqual([]);
  return created.data.createEvent.event.date;
};

describe('FuzzyDate with an open side', () => {
  it('gives a null earliest for an open start and a null latest for an open end, with a display that says which', async () => {
    expect(await dateOf('2018-open-start', '../2018-05')).toEqual({
      edtf: '../2018-05',
      earliest: null,
      latest: '2018-05-31',
      precision: 'MONTH',
      approximate: false,
      display: 'by May 2018',
    });
    expect(await dateOf('2011-open-end', '2011/..')).toEqual({
      edtf: '2011/..',
      earliest: '2011-01-01',
      latest: null,
      precision: 'YEAR',
      approximate: false,
      display: 'from 2011',
    });
  });

  it('refuses a date with no known end at all, saying why', async () => {
    const refused = await asKey(keyFor('write'), CREATE_EVENT, {
      input: eventInputs('2011-no-end')({ date: '../..' }),
    });
    expect(refused.data.createEvent.userErrors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/no known end at all/) }),
    ]);
  });
});

// The query parameters of the exports, one by one: what each keeps, how lists and case are read,
// and the 400 each bad value gets (code, the parameter it names, a message saying what to send).
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';

const api = useFixtureApi();

const EMBARGO = '2014-russia-lifts-arms-embargo';
const DRUZHBA = '2016-druzhba-exercise';
const PLEDGE = '2024-10-trade-pledge';

const get = (path: string) => api.yoga.fetch(`http://bilateral.test${path}`);

/** The first column of each row after the header. */
async function exportedIds(path: string): Promise<string[]> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return (await response.text())
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => row.slice(0, row.indexOf(',')));
}

async function refusal(path: string) {
  const response = await get(path);
  expect(response.status, path).toBe(400);
  const { errors } = await response.json();
  expect(errors, path).toHaveLength(1);
  return { code: errors[0].extensions.code, argument: errors[0].extensions.argument, message: errors[0].message };
}

describe('/export/events.* query parameters', () => {
  it.each([
    ['', [EMBARGO, DRUZHBA, PLEDGE]],
    ['kinds=pledge', [PLEDGE]],
    ['kinds=PLEDGE,Military_Exercise', [DRUZHBA, PLEDGE]],
    ['kinds= pledge , sanction_lifted ,', [EMBARGO, PLEDGE]],
    ['kinds=pledge&kinds=sanction_lifted', [EMBARGO, PLEDGE]],
    ['kinds=', [EMBARGO, DRUZHBA, PLEDGE]],
    ['kinds=,', [EMBARGO, DRUZHBA, PLEDGE]],
    ['sectors=Energy', [PLEDGE]],
    ['sectors=security, trade', [DRUZHBA, PLEDGE]],
    ['sectors=defence&sectors=energy', [EMBARGO, DRUZHBA, PLEDGE]],
    ['actors= shehbaz-sharif ', [PLEDGE]],
    ['actors=pakistan,russia&actorsMatch=ALL', [EMBARGO, DRUZHBA]],
    ['actors=shehbaz-sharif&actors=russia', [EMBARGO, DRUZHBA, PLEDGE]],
    ['actors=shehbaz-sharif,russia&actorsMatch=any', [EMBARGO, DRUZHBA, PLEDGE]],
    ['actors=shehbaz-sharif,russia&actorsMatch=all', []],
    ['actors=,', [EMBARGO, DRUZHBA, PLEDGE]],
    ['hasConflicts=true', [EMBARGO]],
    ['hasConflicts=FALSE', [DRUZHBA, PLEDGE]],
    ['from=2016&to=2024', [DRUZHBA, PLEDGE]],
    ['to=2016-09', [EMBARGO, DRUZHBA]],
    ['from=2014-06&to=2016', [DRUZHBA]],
    ['from=2014-06&to=2016&dateMatch=Overlaps', [EMBARGO, DRUZHBA]],
    ['from=2014-06&to=2016&dateMatch=within', [DRUZHBA]],
    ['text=druzhba', [DRUZHBA]],
    ['text=trade&kinds=pledge,visit&hasConflicts=false', [PLEDGE]],
    ['sources=fixture-journal', [EMBARGO]],
    ['sources=fixture-journal&sources= fixture-news ', [EMBARGO, DRUZHBA, PLEDGE]],
    ['sources=Fixture-Journal', []],
    [`slugs=${PLEDGE},${EMBARGO}`, [EMBARGO, PLEDGE]],
    [`slugs=${PLEDGE}&kinds=visit`, []],
  ])('?%s exports %j', async (query, ids) => {
    expect(await exportedIds(`/export/events.csv?${query}`)).toEqual(ids);
  });

  it('reads the parameters the same way for JSON Lines', async () => {
    const text = await (await get('/export/events.jsonl?kinds=PLEDGE,military_exercise&hasConflicts=false')).text();
    expect(text.split('\n').map((line) => (line ? JSON.parse(line).event_id : line))).toEqual([DRUZHBA, PLEDGE, '']);
  });

  it.each([
    [
      'colour=red',
      'BAD_USER_INPUT',
      'colour',
      'Unknown parameter "colour". Filters: from, to, dateMatch, kinds, actors, actorsMatch, sectors, text, hasConflicts, sources, slugs.',
    ],
    ['kinds=pledge&Kinds=visit', 'BAD_USER_INPUT', 'Kinds', expect.stringMatching(/^Unknown parameter "Kinds"\./)],
    ['dateMatch=inside', 'BAD_USER_INPUT', 'dateMatch', '`dateMatch` must be one of within, overlaps; got "inside".'],
    [
      'actorsMatch=most&actors=russia',
      'BAD_USER_INPUT',
      'actorsMatch',
      '`actorsMatch` must be one of any, all; got "most".',
    ],
    ['hasConflicts=yes', 'BAD_USER_INPUT', 'hasConflicts', '`hasConflicts` must be one of true, false; got "yes".'],
    ['hasConflicts=', 'BAD_USER_INPUT', 'hasConflicts', '`hasConflicts` must be one of true, false; got "".'],
    [
      'kinds=pledge,Picnic, party ',
      'BAD_USER_INPUT',
      'kinds',
      'Unknown kinds: picnic, party. Use values such as visit, meeting, summit.',
    ],
    [
      'sectors=space',
      'BAD_USER_INPUT',
      'sectors',
      'Unknown sectors: space. Use values such as defence, security, energy.',
    ],
    ['from=2023-02-29', 'INVALID_DATE', 'from', '"2023-02-29" is not a real day: February 2023 has 28 days.'],
    ['to=garbled', 'INVALID_DATE', 'to', expect.stringMatching(/^"garbled" is not a date we can read\./)],
    ['from=2017&to=2015', 'INVALID_DATE', 'from', 'filter.from (2017) is after filter.to (2015).'],
    [
      'actors=pakistan,atlantis',
      'NOT_FOUND',
      'actors',
      'No actor has the slug "atlantis". Look slugs up with the actors query.',
    ],
    // Slugs are matched as written, not lowercased like the vocabularies.
    ['actors=Pakistan', 'NOT_FOUND', 'actors', expect.stringContaining('"Pakistan"')],
    ['text=(druzhba', 'INVALID_SEARCH', 'text', expect.stringMatching(/^The search leaves a parenthesis open\./)],
  ])('refuses ?%s with %s naming `%s`', async (query, code, argument, message) => {
    expect(await refusal(`/export/events.csv?${query}`)).toEqual({ code, argument, message });
    expect(await refusal(`/export/events.jsonl?${query}`)).toEqual({ code, argument, message });
  });
});

describe('/export/actors.csv query parameters', () => {
  it.each([
    ['', ['shehbaz-sharif', 'mikhail-mishustin', 'pakistan', 'soviet-union', 'russia']],
    ['kinds=PERSON', ['shehbaz-sharif', 'mikhail-mishustin']],
    ['kinds= state , ', ['pakistan', 'soviet-union', 'russia']],
    ['kinds=person&kinds=state', ['shehbaz-sharif', 'mikhail-mishustin', 'pakistan', 'soviet-union', 'russia']],
    ['text=mishustin', ['mikhail-mishustin']],
    ['text=moscow&kinds=state', ['russia']],
  ])('?%s exports %j', async (query, ids) => {
    expect(await exportedIds(`/export/actors.csv?${query}`)).toEqual(ids);
  });

  it.each([
    ['colour=red', 'BAD_USER_INPUT', 'colour', 'Unknown parameter "colour". Filters: text, kinds.'],
    ['sectors=defence', 'BAD_USER_INPUT', 'sectors', 'Unknown parameter "sectors". Filters: text, kinds.'],
    [
      'kinds=planet',
      'BAD_USER_INPUT',
      'kinds',
      'Unknown kinds: planet. Use values such as state, person, government_body.',
    ],
    ['text=(mos', 'INVALID_SEARCH', 'text', expect.stringMatching(/^The search leaves a parenthesis open\./)],
  ])('refuses ?%s with %s naming `%s`', async (query, code, argument, message) => {
    expect(await refusal(`/export/actors.csv?${query}`)).toEqual({ code, argument, message });
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';

const api = useFixtureApi((store) => {
  // A summary with every character CSV must quote.
  store.$client
    .prepare(`update events set summary = 'He said "yes", then
left; commas, quotes and line breaks survive.' where slug = '2016-druzhba-exercise'`)
    .run();
});

const get = (path: string) => api.yoga.fetch(`http://bilateral.test${path}`);

describe('/export/events.csv', () => {
  it('round-trips through a CSV parser with a header row and correct quoting', async () => {
    const response = await get('/export/events.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.event_id)).toEqual([
      '2014-russia-lifts-arms-embargo',
      '2016-druzhba-exercise',
      '2024-10-trade-pledge',
    ]);
    expect(rows[1]!.summary).toBe('He said "yes", then\nleft; commas, quotes and line breaks survive.');
    expect(rows[0]).toMatchObject({
      event_date: '2014',
      date_precision: 'year',
      date_earliest: '2014-01-01',
      date_latest: '2014-12-31',
      event_type: 'RETREAT',
      cameo_code: '085',
      event_intensity: '7',
      actor_name: 'Russia',
      recipient_name: 'Pakistan',
      participants: 'russia:initiator|pakistan:recipient',
      citations: 'fixture-news#29|fixture-journal#40',
      has_conflicts: 'true',
    });
    // PLOVER's actor is the side that acts: the visitor of a visit, not whoever the curators listed first.
    expect(rows[2]).toMatchObject({
      amount_value: '1000000000',
      amount_currency: 'USD',
      amount_approximate: 'true',
      actor_name: 'Mikhail Mishustin',
      actor_country: 'russia',
      recipient_name: 'Shehbaz Sharif',
      recipient_country: 'pakistan',
    });
  });

  it('applies EventFilter fields given as query parameters', async () => {
    const rows = parse(
      await (await get('/export/events.csv?sectors=defence&from=2015&actors=pakistan,russia&actorsMatch=all')).text(),
      { columns: true },
    ) as Record<string, string>[];
    expect(rows.map((row) => row.event_id)).toEqual(['2016-druzhba-exercise']);
  });

  it('answers bad parameters with a 400 and an error code before streaming anything', async () => {
    for (const [query, code] of [
      ['from=2023-02-29', 'INVALID_DATE'],
      ['kinds=picnic', 'BAD_USER_INPUT'],
      ['actors=atlantis', 'NOT_FOUND'],
      ['colour=red', 'BAD_USER_INPUT'],
    ] as const) {
      const response = await get(`/export/events.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors[0].extensions.code, query).toBe(code);
    }
  });
});

describe('/export/events.jsonl and /export/actors.csv', () => {
  it('writes one JSON object per line with structured participants and citations', async () => {
    const lines = (await (await get('/export/events.jsonl?hasConflicts=true')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      event_id: '2014-russia-lifts-arms-embargo',
      contexts: ['defence'],
      participants: [
        { actor: 'russia', role: 'initiator' },
        { actor: 'pakistan', role: 'recipient' },
      ],
      citations: [
        { source: 'fixture-news', paragraph: 29 },
        { source: 'fixture-journal', paragraph: 40 },
      ],
    });
  });

  it('exports actors with their aliases and predecessors', async () => {
    const rows = parse(await (await get('/export/actors.csv')).text(), { columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.actor_id === 'russia')).toEqual({
      actor_id: 'russia',
      name: 'Russia',
      kind: 'state',
      country: '',
      predecessor: 'soviet-union',
      aliases: 'Russian Federation|Moscow',
    });
    expect((await get('/export/nothing.csv')).status).toBe(404);
  });

  it('filters actors by ActorFilter fields and rejects unknown parameters', async () => {
    const slugs = async (query: string) =>
      (
        parse(await (await get(`/export/actors.csv?${query}`)).text(), { columns: true }) as Record<string, string>[]
      ).map((row) => row.actor_id);
    expect(await slugs('kinds=state&text=mos')).toEqual(['russia']);
    expect((await slugs('kinds=person')).sort()).toEqual(['mikhail-mishustin', 'shehbaz-sharif']);
    expect(await slugs('kinds=person,state')).toEqual(await slugs(''));
    for (const [query, code] of [
      ['kinds=planet', 'BAD_USER_INPUT'],
      ['colour=red', 'BAD_USER_INPUT'],
      ['sectors=defence', 'BAD_USER_INPUT'],
      ['text=(mos', 'INVALID_SEARCH'],
    ] as const) {
      const response = await get(`/export/actors.csv?${query}`);
      expect(response.status, query).toBe(400);
      const { extensions } = (await response.json()).errors[0];
      expect(extensions.code, query).toBe(code);
      expect(extensions.argument, query).toBe(query.split('=')[0]);
    }
  });
});

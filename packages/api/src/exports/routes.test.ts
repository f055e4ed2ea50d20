import { EXPORT_BATCH_SIZE } from '@bilateral/store';
import { openFixtureStore, openSyntheticStore, sqliteDatabaseOf, syntheticEvent } from '@bilateral/store/testing';
import { copyIntoPostgres } from '@bilateral/store/testing/postgres';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFixtureApi, useTestApi } from '../testing/fixture-api.ts';

const api = useFixtureApi((store) => {
  // A summary with every character CSV must quote.
  sqliteDatabaseOf(store)
    .$client.prepare(`update events set summary = 'He said "yes", then
left; commas, quotes and line breaks survive.' where slug = '2016-druzhba-exercise'`)
    .run();
});

const get = (path: string) => api.yoga.fetch(`http://bilateral.test${path}`);

describe('/export/events.csv', () => {
  it('round-trips through a CSV parser with a header row and correct quoting', async () => {
    const response = await get('/export/events.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
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
    const rows = parse<Record<string, string>>(
      await (await get('/export/events.csv?sectors=defence&from=2015&actors=pakistan,russia&actorsMatch=all')).text(),
      { columns: true },
    );
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
    const rows = parse<Record<string, string>>(await (await get('/export/actors.csv')).text(), { columns: true });
    expect(rows.find((row) => row.actor_id === 'russia')).toEqual({
      actor_id: 'russia',
      name: 'Russia',
      kind: 'state',
      country: '',
      predecessor: 'soviet-union',
      aliases: 'Russian Federation|Moscow',
    });
    // Every actor once, in the order they were added; an actor without aliases has an empty column.
    expect(await (await get('/export/actors.csv')).text()).toBe(
      [
        'actor_id,name,kind,country,predecessor,aliases',
        'shehbaz-sharif,Shehbaz Sharif,person,pakistan,,',
        'mikhail-mishustin,Mikhail Mishustin,person,russia,,Mishustin',
        'pakistan,Pakistan,state,,,Islamabad|Pak',
        'soviet-union,Soviet Union,state,,,USSR',
        'russia,Russia,state,,soviet-union,Russian Federation|Moscow',
        '',
      ].join('\r\n'),
    );
    expect((await get('/export/nothing.csv')).status).toBe(404);
  });

  it('filters actors by ActorFilter fields and rejects unknown parameters', async () => {
    const slugs = async (query: string) =>
      parse<Record<string, string>>(await (await get(`/export/actors.csv?${query}`)).text(), { columns: true }).map(
        (row) => row.actor_id,
      );
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

describe('every export', () => {
  it.each([
    ['/export/events.csv', 'text/csv; charset=utf-8', 'events.csv'],
    ['/export/events.jsonl', 'application/jsonl; charset=utf-8', 'events.jsonl'],
    ['/export/actors.csv', 'text/csv; charset=utf-8', 'actors.csv'],
  ])('%s is a download named after its path, of type %s', async (path, type, filename) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
  });

  it('starts each CSV with its header row, and JSON Lines with the first record', async () => {
    const firstLine = async (path: string) => (await (await get(path)).text()).split('\n')[0];
    expect(await firstLine('/export/events.csv')).toBe(
      'event_id,event_date,event_type,event_intensity,contexts,actor_name,actor_country,recipient_name,' +
        'recipient_country,place_name,headline,summary,kind,cameo_code,date_edtf,date_earliest,date_latest,' +
        'date_precision,date_approximate,amount_value,amount_currency,amount_approximate,quantity_value,' +
        'quantity_unit,participants,citations,has_conflicts\r',
    );
    expect(await firstLine('/export/actors.csv')).toBe('actor_id,name,kind,country,predecessor,aliases\r');
    expect(JSON.parse((await firstLine('/export/events.jsonl'))!).event_id).toBe('2014-russia-lifts-arms-embargo');
  });

  it('answers GET only, with 405 METHOD_NOT_ALLOWED and an Allow header', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await api.yoga.fetch('http://bilateral.test/export/events.csv', { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow'), method).toBe('GET');
      expect(await response.json(), method).toEqual({
        errors: [{ message: 'Exports answer GET only.', extensions: { code: 'METHOD_NOT_ALLOWED' } }],
      });
    }
  });

  it('leaves every path outside /export/ to the rest of the server', async () => {
    const response = await get('/graphql?query=%7B__typename%7D');
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ __typename: 'Query' });
    const elsewhere = await get('/exports/events.csv');
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).not.toContain('No export at');
  });

  it('answers an unknown export with 404 NOT_FOUND listing the ones there are', async () => {
    const response = await get('/export/events.xlsx?kinds=visit');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'No export at /export/events.xlsx. Available: /export/events.csv, /export/events.jsonl, /export/actors.csv.',
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  });
});

describe('an export the database cannot start', () => {
  // The first batch reads the sectors too: the query fails before anything is sent.
  const broken = useTestApi(
    () => {
      const store = openFixtureStore();
      sqliteDatabaseOf(store).$client.exec('drop table event_sectors');
      return store;
    },
    { logging: true },
  );
  afterEach(() => vi.restoreAllMocks());

  it('answers 500 INTERNAL_SERVER_ERROR without the database error, and logs that error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await broken.yoga.fetch('http://bilateral.test/export/events.csv?kinds=pledge');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The export could not be started. Try again later.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(String(logged.mock.calls.flat().join(' '))).toContain('event_sectors');
    // The actors export does not read that table and still works.
    expect((await broken.yoga.fetch('http://bilateral.test/export/actors.csv')).status).toBe(200);
  });

  it('logs a refused filter as one answered line, not as an error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answered = vi.spyOn(console, 'info').mockImplementation(() => {});
    expect((await broken.yoga.fetch('http://bilateral.test/export/events.csv?hasConflicts=maybe')).status).toBe(400);
    expect(errors).not.toHaveBeenCalled();
    expect(answered.mock.calls).toEqual([
      ['answered BAD_USER_INPUT at /export/events.csv: `hasConflicts` must be one of true, false; got "maybe".'],
    ]);
  });
});

describe('an export that fails part-way on a row it cannot write', () => {
  // A date the export cannot read, on the last event: the failure comes after the 200 was sent.
  const garbled = useTestApi(
    () => {
      const store = openFixtureStore();
      sqliteDatabaseOf(store)
        .$client.prepare("update events set date_edtf = 'garbled' where slug = '2024-10-trade-pledge'")
        .run();
      return store;
    },
    { logging: true },
  );

  it('breaks off the body and logs one line with the reason', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await garbled.yoga.fetch('http://bilateral.test/export/events.jsonl');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(logged.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^export \/export\/events\.jsonl ended part-way: FuzzyDateError: "garbled" is not a date/,
        ),
      ],
    ]);
    logged.mockRestore();
  });
});

describe('an export that fails part-way, past its first batch', () => {
  const partWay = useTestApi(() => openSyntheticStore(EXPORT_BATCH_SIZE + 50), { logging: true });

  it('sends the rows it could, then breaks off the body and logs one line naming the export and the cause', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await partWay.yoga.fetch(
      'http://bilateral.test/export/events.csv?sectors=defence,energy,trade,diplomacy',
    );
    expect(response.status).toBe(200);
    // The first batch is already read; the second batch's query fails.
    sqliteDatabaseOf(partWay.store).$client.exec('drop table event_sectors');
    const reader = response.body!.getReader();
    let received = '';
    await expect(async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    }).rejects.toThrow();
    // Every row of the first batch arrived, complete, and nothing after it.
    const rows = parse<Record<string, string>>(received, { columns: true, relax_column_count: false });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]).toEqual([
      expect.stringMatching(
        /^export \/export\/events\.csv\?sectors=defence,energy,trade,diplomacy ended part-way: no such table: event_sectors \(DrizzleQueryError: Failed query: .+$/,
      ),
    ]);
    logged.mockRestore();
  });
});

describe('an export over several batches', () => {
  /** Two full batches and a partial third, with five dates shared by every fifth event. */
  const EVENT_COUNT = 2 * EXPORT_BATCH_SIZE + 7;
  const generated = useTestApi(() => openSyntheticStore(EVENT_COUNT));

  /** The generator's dates in export order: by first day (2001-01-01 three times), then by last day. */
  const DATES_IN_ORDER = ['2001-01', '2001', '2001-01-15', '2010', '2010-06'];
  /** The slugs of the generated events that `keep` accepts, sorted by date with ties by creation order. */
  const expectedIds = (keep: (index: number) => boolean) =>
    Array.from({ length: EVENT_COUNT }, (_, index) => index)
      .filter(keep)
      .map((index) => ({ index, rank: DATES_IN_ORDER.indexOf(syntheticEvent(index).dateEdtf) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ index }) => syntheticEvent(index).slug);

  it('exports every event once, in date order with ties by creation, as complete CSV rows', async () => {
    const response = await generated.yoga.fetch('http://bilateral.test/export/events.csv');
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows.map((row) => row.event_id)).toEqual(expectedIds(() => true));
    // Every row is whole: the last one of each chunk and batch as much as the others.
    for (const row of rows) {
      expect(row.participants).toBe('pakistan:host|russia:visitor');
      expect(row.summary).toMatch(
        /^Generated event number \d+, with "quotes", commas, <angle brackets> and a line\nbreak\.$/,
      );
    }
  });

  it('keeps the filter on every batch, in JSON Lines too', async () => {
    const response = await generated.yoga.fetch(
      'http://bilateral.test/export/events.jsonl?kinds=agreement,meeting&sectors=trade',
    );
    const records = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { event_id: string; kind: string; contexts: string[] });
    const wanted = (index: number) =>
      syntheticEvent(index).kind !== 'arms_deal' && syntheticEvent(index).sector === 'trade';
    expect(records.map((record) => record.event_id)).toEqual(expectedIds(wanted));
    expect(records.length).toBeGreaterThan(100);
  });
});

describe('exports from a server on PostgreSQL', () => {
  // The same generated events on both databases: several batches, ties on every date.
  const onSqlite = useTestApi(() => openSyntheticStore(2 * EXPORT_BATCH_SIZE + 7));
  const onPostgres = useTestApi(async () => copyIntoPostgres(onSqlite.store));
  const fetchFrom = (api: typeof onSqlite, path: string) => api.yoga.fetch(`http://bilateral.test${path}`);

  it('streams every export chunk by chunk with the same bytes as the server on SQLite', async () => {
    for (const path of [
      '/export/events.csv',
      '/export/events.jsonl?kinds=agreement,meeting&sectors=trade',
      '/export/events.csv?actors=russia&from=2010',
      '/export/actors.csv',
    ]) {
      const response = await fetchFrom(onPostgres, path);
      expect(response.status, path).toBe(200);
      const reader = response.body!.getReader();
      const chunks: string[] = [];
      for (let read = await reader.read(); !read.done; read = await reader.read())
        chunks.push(new TextDecoder().decode(read.value));
      // The generated data has two actors; every events export here spans several chunks.
      if (path.startsWith('/export/events')) expect(chunks.length, path).toBeGreaterThan(1);
      expect(chunks.join(''), path).toBe(await (await fetchFrom(onSqlite, path)).text());
    }
  });

  it('answers a filter it cannot run with the same 400 and code before streaming anything', async () => {
    for (const query of ['actors=atlantis', 'from=2023-02-29', 'from=2012&to=2001']) {
      const response = await fetchFrom(onPostgres, `/export/events.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual(
        await (await fetchFrom(onSqlite, `/export/events.csv?${query}`)).json(),
      );
    }
  });
});

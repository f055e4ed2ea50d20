// The SDK client (docs/sdk.md) against the API in-process, through its injected `fetch`: what it
// sends, what it returns, and how each kind of failure reaches the caller. sdk.test.ts does the
// same over a real server process; this file is fast enough for mutation testing.
import {
  type BilateralClient,
  BilateralError,
  createClient,
  type EventInput,
  exportUrl,
  type FigureInput,
} from '@bilateral/sdk';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from './testing/fixture-api.ts';
import { sdkOperations } from './testing/sdk-operations.ts';
import { eventInputs, figureInputs } from './testing/write-api.ts';

const api = useFixtureApi();
const URL = 'http://bilateral.test/graphql';

/** A fetch into the in-process API that records what the client sent. */
function recordingFetch() {
  const sent: { url: string; headers: Record<string, string>; body: { query: string; variables: unknown } }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: JSON.parse(String(init.body)),
    });
    return api.yoga.fetch(url, init);
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

/** Every write method of the client, one per mutation. */
const WRITES = [
  'createEvent',
  'updateEvent',
  'archiveEvent',
  'restoreEvent',
  'addEventCitation',
  'addEventClaim',
  'setPreferredEventClaim',
  'linkEvents',
  'createActor',
  'updateActor',
  'mergeActors',
  'createSource',
  'updateSource',
  'createFigure',
  'updateFigure',
  'addActorCitation',
  'addFigureCitation',
  'addFigureClaim',
  'setPreferredFigureClaim',
] as const;

const rejectionOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as BilateralError;
  }
  throw new Error('expected a rejection');
};

describe('createClient', () => {
  it('POSTs JSON with the configured headers and the API key as a bearer token', async () => {
    const { sent, fetch } = recordingFetch();
    // Document text on the wire, so the test can read which operation was sent (IDs are the default).
    const client = createClient({
      url: URL,
      fetch,
      documents: 'text',
      apiKey: 'secret-key',
      headers: async () => ({ 'x-trace': 't1' }),
    });
    await client.eventKinds();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(URL);
    expect(sent[0]!.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: 'Bearer secret-key',
      'x-trace': 't1',
    });
    expect(sent[0]!.body.query).toMatch(/^query EventKinds\b/);
    expect(sent[0]!.body.variables).toEqual({});
    await createClient({ url: URL, fetch, documents: 'text', headers: { 'x-static': 's' } }).eventKinds();
    expect(sent[1]!.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-static': 's',
    });
  });

  it('returns the data of each read, unwrapped', async () => {
    const client = createClient({ url: URL, fetch: recordingFetch().fetch });
    expect((await client.events({ first: 1 })).edges[0]!.node.slug).toBe('2014-russia-lifts-arms-embargo');
    expect((await client.event({ slug: '2016-druzhba-exercise' }))?.slug).toBe('2016-druzhba-exercise');
    expect((await client.actors({ first: 1 })).totalCount).toBeGreaterThan(1);
    expect((await client.actor({ slug: 'russia' }))?.name).toBe('Russia');
    expect((await client.sources()).totalCount).toBeGreaterThan(0);
    expect((await client.source({ slug: 'fixture-journal', first: 5 }))?.citations.edges[0]?.node.supports).toEqual({
      __typename: 'Event',
      id: expect.any(String),
      slug: '2014-russia-lifts-arms-embargo',
      title: expect.any(String),
    });
    expect((await client.figures()).edges).toBeInstanceOf(Array);
    expect((await client.eventKinds()).map((kind) => kind.kind)).toContain('ARMS_DEAL');
    expect((await client.search({ query: 'embargo' })).totalCount).toBeGreaterThan(0);
    expect((await client.eventStats({ groupBy: ['KIND'] })).totalCount).toBe(3);
    expect((await client.cooperationIndex()).years).toBeInstanceOf(Array);
    expect((await client.actorNetwork()).nodes).toBeInstanceOf(Array);
    expect((await client.actorRelationships({ slug: 'russia' }))?.slug).toBe('russia');
    expect((await client.timelineJs()).events).toHaveLength(3);
    expect((await client.changes({ first: 1 })).hasMore).toBe(true);
    expect((await client.eventHistory({ slug: '2016-druzhba-exercise' }))?.slug).toBe('2016-druzhba-exercise');
  });

  it('sends each write as its own mutation', async () => {
    const { sent, fetch } = recordingFetch();
    const client = createClient({ url: URL, fetch, documents: 'text' });
    for (const [index, write] of WRITES.entries()) {
      // Without variables or a key the server refuses each one; what matters here is what was sent.
      expect(await rejectionOf(client[write]({} as never))).toBeInstanceOf(BilateralError);
      const operation = write[0]!.toUpperCase() + write.slice(1);
      expect(sent[index]!.body.query, write).toMatch(new RegExp(`(^|} )mutation ${operation}\\b`));
    }
  });

  it('walks every page with allEvents, pageSize at a time, and stops after the last', async () => {
    const { sent, fetch } = recordingFetch();
    const client = createClient({ url: URL, fetch });
    const slugs: string[] = [];
    for await (const event of client.allEvents({ pageSize: 1, orderBy: [{ field: 'TITLE', direction: 'ASC' }] }))
      slugs.push(event.slug);
    expect(slugs).toEqual(
      (await client.events({ first: 3, orderBy: [{ field: 'TITLE', direction: 'ASC' }] })).edges.map(
        (edge) => edge.node.slug,
      ),
    );
    expect(sent.slice(0, 3).map((request) => (request.body.variables as { first: number }).first)).toEqual([1, 1, 1]);
    expect(sent.slice(0, 3).map((request) => (request.body.variables as { after?: string }).after ?? null)).toEqual([
      null,
      expect.any(String),
      expect.any(String),
    ]);
    expect(sent).toHaveLength(4);
    const defaults = recordingFetch();
    for await (const _ of createClient({ url: URL, fetch: defaults.fetch }).allEvents()) void _;
    expect(defaults.sent.map((request) => (request.body.variables as { first: number }).first)).toEqual([100]);
  });
});

describe('failures', () => {
  it('GraphQL errors: every code, the message per error, the status', async () => {
    const client = createClient({ url: URL, fetch: recordingFetch().fetch });
    const error = await rejectionOf(client.events({ first: 101 }));
    expect(error).toBeInstanceOf(BilateralError);
    expect(error.name).toBe('BilateralError');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.codes).toEqual(['BAD_USER_INPUT']);
    expect(error.message).toMatch(/^BAD_USER_INPUT: `first` must be between 1 and 100/);
    expect(error.status).toBe(200);
    expect(error.retryable).toBe(false);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('a storage fault is retryable, with the Retry-After seconds', async () => {
    const fault = (async () =>
      new Response(JSON.stringify({ errors: [{ message: 'Busy.', extensions: { code: 'BUSY', retryable: true } }] }), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
      })) as typeof globalThis.fetch;
    const error = await rejectionOf(createClient({ url: URL, fetch: fault }).eventKinds());
    expect({
      code: error.code,
      retryable: error.retryable,
      after: error.retryAfterSeconds,
      status: error.status,
    }).toEqual({ code: 'BUSY', retryable: true, after: 1, status: 503 });
    expect(error.message).toBe('BUSY: Busy.');
  });

  it('an unreachable server is NETWORK_ERROR, naming the URL and the cause', async () => {
    const cause = new TypeError('fetch failed');
    const down = (async () => {
      throw cause;
    }) as typeof globalThis.fetch;
    const error = await rejectionOf(createClient({ url: URL, fetch: down }).eventKinds());
    expect({ code: error.code, status: error.status, message: error.message, cause: error.cause }).toEqual({
      code: 'NETWORK_ERROR',
      status: undefined,
      message: `Could not reach ${URL}: fetch failed`,
      cause,
    });
  });

  it('a response that is not GraphQL is HTTP_ERROR with the status', async () => {
    const proxy = (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as typeof globalThis.fetch;
    const error = await rejectionOf(createClient({ url: URL, fetch: proxy }).eventKinds());
    expect({ code: error.code, status: error.status, message: error.message }).toEqual({
      code: 'HTTP_ERROR',
      status: 502,
      message: `${URL} answered HTTP 502 without a GraphQL response.`,
    });
    const empty = (async () => new Response('{"data":null}', { status: 500 })) as typeof globalThis.fetch;
    const noData = await rejectionOf(createClient({ url: URL, fetch: empty }).eventKinds());
    expect({ code: noData.code, message: noData.message }).toEqual({
      code: 'HTTP_ERROR',
      message: `${URL} answered HTTP 500 with no data.`,
    });
    const notOk = (async () => new Response('{"data":{"eventKinds":[]}}', { status: 500 })) as typeof globalThis.fetch;
    expect((await rejectionOf(createClient({ url: URL, fetch: notOk }).eventKinds())).code).toBe('HTTP_ERROR');
  });
});

describe('failures the server did not code', () => {
  const answering = (status: number, body: string) =>
    (async () =>
      new Response(body, { status, headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;

  it('lists every error, one per line, and names a missing code ERROR in the message and INTERNAL_SERVER_ERROR in codes', async () => {
    const body = JSON.stringify({
      errors: [{ message: 'First.' }, { message: 'Second.', extensions: { code: 'NOT_FOUND' } }],
    });
    const error = await rejectionOf(createClient({ url: URL, fetch: answering(200, body) }).eventKinds());
    expect(error.message).toBe('ERROR: First.\nNOT_FOUND: Second.');
    expect(error.codes).toEqual(['INTERNAL_SERVER_ERROR', 'NOT_FOUND']);
    expect(error.retryable).toBe(false);
  });

  it('a 200 without data is HTTP_ERROR, and the error says the status', async () => {
    const error = await rejectionOf(createClient({ url: URL, fetch: answering(200, '{"data":null}') }).eventKinds());
    expect({ code: error.code, errors: error.errors }).toEqual({
      code: 'HTTP_ERROR',
      errors: [{ message: 'HTTP 200', extensions: { code: 'HTTP_ERROR' } }],
    });
    const html = await rejectionOf(createClient({ url: URL, fetch: answering(502, '<html>') }).eventKinds());
    expect(html.errors).toEqual([{ message: 'HTTP 502', extensions: { code: 'HTTP_ERROR' } }]);
    expect(html.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('exportUrl', () => {
  it('puts the filter in the query, lists comma-separated, leaving out empty and null values', () => {
    expect(
      exportUrl(URL, 'events.csv', {
        kinds: ['ARMS_DEAL', 'VISIT'],
        actors: [],
        sectors: null,
        hasConflicts: false,
        text: 'Mi-35',
      }),
    ).toBe('http://bilateral.test/export/events.csv?kinds=ARMS_DEAL%2CVISIT&hasConflicts=false&text=Mi-35');
  });

  it('gives a bare path without a filter, and a relative URL for a relative endpoint', () => {
    expect(exportUrl(URL, 'actors.csv')).toBe('http://bilateral.test/export/actors.csv');
    expect(exportUrl(URL, 'events.jsonl', {})).toBe('http://bilateral.test/export/events.jsonl');
    expect(exportUrl('/graphql', 'events.jsonl', { from: '2014' })).toBe('/export/events.jsonl?from=2014');
    expect(exportUrl('https://example.org/api/graphql', 'actors.csv')).toBe('https://example.org/export/actors.csv');
    expect(exportUrl('/api/v1:graphql', 'actors.csv')).toBe('/export/actors.csv');
    expect(createClient({ url: '/graphql' }).exportUrl('actors.csv', { kinds: ['STATE'] })).toBe(
      '/export/actors.csv?kinds=STATE',
    );
  });
});

describe('writes with a write key', () => {
  // A store of its own, so the records written here do not change what the reads above count.
  const writeApi = useFixtureApi();
  type Write = (typeof WRITES)[number];
  type RecordKind = 'event' | 'actor' | 'source' | 'figure';
  /** The IDs of the records written so far, by kind; `merged` is the actor folded into `actor`. */
  type Ids = Partial<Record<RecordKind | 'merged', string>>;
  /** One write: its variables (from the IDs written before it), and the record its payload must hold. */
  type WriteCase = {
    [Name in Write]: {
      write: Name;
      variables: (ids: Ids) => Parameters<BilateralClient[Name]>[0];
      record: RecordKind;
      expected: Record<string, unknown>;
      /** Where to keep the record's ID instead of its kind, for a record a later case refers to. */
      keepIdAs?: keyof Ids;
    };
  }[Write];

  const citation = { source: 'fixture-journal', paragraph: 40 };
  const newsCitation = { source: 'fixture-news', paragraph: 3 };
  const claim = { status: 'DISPUTED' as const, citations: [citation] };
  /** The value a later claim disputes, preferred until setPreferred…Claim says otherwise. */
  const preferredClaim = (field: 'DATE' | 'VALUE', value: string, cited: typeof citation) => ({
    field,
    value,
    status: 'DISPUTED' as const,
    preferred: true,
    reason: 'The news report is closer to the event.',
    citations: [cited],
  });
  const cases: WriteCase[] = [
    {
      write: 'createEvent',
      variables: () => ({
        input: eventInputs('2019-sdk-client-visit')({
          claims: [preferredClaim('DATE', '2019-03', newsCitation)],
        }) as EventInput,
      }),
      record: 'event',
      expected: { slug: '2019-sdk-client-visit-1', version: 1, archived: false, date: { display: 'March 2019' } },
    },
    {
      write: 'updateEvent',
      variables: (ids) => ({ id: ids.event!, patch: { title: 'A delegation visits Moscow' }, expectedVersion: 1 }),
      record: 'event',
      expected: { version: 2, title: 'A delegation visits Moscow' },
    },
    {
      write: 'archiveEvent',
      variables: (ids) => ({ id: ids.event! }),
      record: 'event',
      expected: { version: 3, archived: true },
    },
    {
      write: 'restoreEvent',
      variables: (ids) => ({ id: ids.event! }),
      record: 'event',
      expected: { version: 4, archived: false },
    },
    {
      write: 'addEventCitation',
      variables: (ids) => ({ id: ids.event!, citation }),
      record: 'event',
      expected: { version: 5 },
    },
    {
      write: 'addEventClaim',
      variables: (ids) => ({ id: ids.event!, claim: { ...claim, field: 'DATE', value: '2019' } }),
      record: 'event',
      expected: { version: 6, date: { display: 'March 2019' } },
    },
    {
      write: 'setPreferredEventClaim',
      variables: (ids) => ({
        id: ids.event!,
        field: 'DATE',
        value: '2019',
        reason: 'The journal checked the archive.',
      }),
      record: 'event',
      expected: { version: 7, date: { display: '2019', precision: 'YEAR' } },
    },
    {
      write: 'linkEvents',
      variables: (ids) => ({ id: ids.event!, link: { type: 'FOLLOWS', event: '2016-druzhba-exercise' } }),
      record: 'event',
      expected: { version: 8 },
    },
    {
      write: 'createActor',
      variables: () => ({ input: { slug: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'PERSON', country: 'russia' } }),
      record: 'actor',
      expected: { slug: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'PERSON', version: 1, aliases: [] },
    },
    {
      write: 'createActor',
      variables: () => ({ input: { slug: 's-lavrov', name: 'S. Lavrov', kind: 'PERSON', country: 'russia' } }),
      record: 'actor',
      expected: { slug: 's-lavrov', version: 1 },
      keepIdAs: 'merged',
    },
    {
      write: 'updateActor',
      variables: (ids) => ({ id: ids.actor!, patch: { aliases: [{ name: 'Lavrov', kind: 'VARIANT' }] } }),
      record: 'actor',
      expected: { slug: 'sergey-lavrov', version: 2, aliases: [{ name: 'Lavrov', kind: 'VARIANT' }] },
    },
    {
      write: 'addActorCitation',
      variables: (ids) => ({ id: ids.actor!, citation }),
      record: 'actor',
      expected: { slug: 'sergey-lavrov', version: 3 },
    },
    {
      write: 'mergeActors',
      variables: (ids) => ({ from: ids.merged!, into: ids.actor!, reason: 'One person, recorded twice.' }),
      record: 'actor',
      expected: {
        slug: 'sergey-lavrov',
        version: 4,
        aliases: expect.arrayContaining([{ name: 'S. Lavrov', kind: expect.any(String) }]),
      },
    },
    {
      write: 'createSource',
      variables: () => ({
        input: {
          slug: 'sdk-client-source',
          file: '003_d15266b882396dcd.txt',
          title: 'A source added by a script',
          genre: 'BLOG',
          url: 'https://example.org/post',
        },
      }),
      record: 'source',
      expected: { slug: 'sdk-client-source', version: 1, genre: 'BLOG', url: 'https://example.org/post' },
    },
    {
      write: 'updateSource',
      variables: (ids) => ({ id: ids.source!, patch: { title: 'A source renamed by a script' } }),
      record: 'source',
      expected: { slug: 'sdk-client-source', version: 2, title: 'A source renamed by a script' },
    },
    {
      write: 'createFigure',
      // The write-api inputs are plain records; the server checks them, not the type system.
      variables: () => ({
        input: figureInputs('pakistan-russia-trade')({
          claims: [preferredClaim('VALUE', '1000000000', { source: 'fixture-news', paragraph: 16 })],
        }) as FigureInput,
      }),
      record: 'figure',
      expected: { slug: 'pakistan-russia-trade-1', version: 1, value: '1000000000', currency: 'USD', unit: null },
    },
    {
      write: 'updateFigure',
      variables: (ids) => ({
        id: ids.figure!,
        patch: { label: 'Pakistan–Russia trade in goods, 2019' },
        expectedVersion: 1,
      }),
      record: 'figure',
      expected: { version: 2, label: 'Pakistan–Russia trade in goods, 2019' },
    },
    {
      write: 'addFigureCitation',
      variables: (ids) => ({ id: ids.figure!, citation }),
      record: 'figure',
      expected: { version: 3, value: '1000000000' },
    },
    {
      write: 'addFigureClaim',
      variables: (ids) => ({ id: ids.figure!, claim: { ...claim, field: 'VALUE', value: '1200000000' } }),
      record: 'figure',
      expected: { version: 4, value: '1000000000' },
    },
    {
      write: 'setPreferredFigureClaim',
      variables: (ids) => ({
        id: ids.figure!,
        field: 'VALUE',
        value: '1200000000',
        reason: 'The journal checked customs data.',
      }),
      record: 'figure',
      expected: { version: 5, value: '1200000000' },
    },
  ];

  const writerClient = async () =>
    createClient({
      url: URL,
      apiKey: (await writeApi.store.createApiKey('write', 'sdk-client test')).secret,
      fetch: ((url: string, init: RequestInit) => writeApi.yoga.fetch(url, init)) as typeof globalThis.fetch,
    });

  it('covers every write method', () => {
    const mutations = sdkOperations().filter((operation) => operation.type === 'mutation');
    expect(new Set(cases.map((writeCase) => writeCase.write))).toEqual(new Set(mutations.map(({ method }) => method)));
  });

  it('each write returns its payload: no userErrors, not replayed, and the written record', async () => {
    const writer = await writerClient();
    const ids: Ids = {};
    for (const { write, variables, record, expected, keepIdAs } of cases) {
      const run = writer[write] as (variables: unknown) => Promise<Record<string, unknown>>;
      const payload = await run(variables(ids));
      expect(payload, write).toMatchObject({ replayed: false, userErrors: [], [record]: expected });
      const { id } = payload[record] as { id: string };
      expect(id, write).toEqual(keepIdAs ? expect.any(String) : (ids[record] ?? expect.any(String)));
      ids[keepIdAs ?? record] = id;
    }
  });

  it('a refused write returns its userErrors, typed, and no record', async () => {
    const writer = await writerClient();
    const event = await writer.event({ slug: '2016-druzhba-exercise' });
    expect(await writer.updateEvent({ id: event!.id, patch: { date: '2019-13' } })).toEqual({
      replayed: false,
      event: null,
      userErrors: [{ field: 'date', code: 'INVALID', message: expect.stringContaining('months run from 01 to 12') }],
    });
    const replay = {
      input: { slug: 'sdk-client-replay', name: 'Replayed', kind: 'PERSON' as const },
      idempotencyKey: 'k1',
    };
    const first = await writer.createActor(replay);
    expect(first).toMatchObject({ replayed: false, userErrors: [], actor: { slug: 'sdk-client-replay', version: 1 } });
    expect(await writer.createActor(replay)).toEqual({ ...first, replayed: true });
  });
});

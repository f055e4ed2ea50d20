// Hostile requests at the HTTP boundary, sent over a real socket as an attacker would send them:
// each is refused with the documented status and code, without a stack trace, quickly, and the
// server answers a plain query afterwards. (hostile/graphql.test.ts covers the GraphQL layer.)
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore, sqliteDatabaseOf } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBilateralServer } from '../http/http-server.ts';
import type { ChangeBus } from '../live/changes.ts';
import { countedChangeBus } from '../testing/counted-change-bus.ts';
import type { GraphQLResponse } from '../testing/graphql.ts';
import { eventInputs } from '../testing/write-api.ts';
import { createBilateralYoga } from '../yoga.ts';

const ALLOWED_ORIGIN = 'https://app.example.org';
/** Generous: every refusal here takes milliseconds; the bound catches work that grows with the input. */
const ANSWER_WITHIN_MS = 2000;
const STACK_TRACE = /\n\s+at |\.ts:\d+|node_modules|SqliteError|DrizzleQueryError/;

interface Listening {
  store: BilateralStore;
  server: Server;
  url: string;
}

async function listen(
  prepare?: (store: BilateralStore) => void,
  logging = false,
  changesOf?: (store: BilateralStore) => ChangeBus,
): Promise<Listening> {
  const store = openFixtureStore();
  prepare?.(store);
  const changes = changesOf?.(store);
  const yoga = createBilateralYoga({ store, logging, corsOrigins: [ALLOWED_ORIGIN], audit: () => {}, changes });
  const server = createBilateralServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { store, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close({ server, store }: Listening) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  store.close();
}

let api: Listening;
let writeKey: string;
let subscriptions: ReturnType<typeof countedChangeBus>;
beforeAll(async () => {
  api = await listen(undefined, false, (store) => {
    subscriptions = countedChangeBus(store);
    return subscriptions.changes;
  });
  writeKey = (await api.store.createApiKey('write', 'hostile test key')).secret;
});
afterAll(() => close(api));

const post = (body: string, headers: Record<string, string> = {}, path = '/graphql') =>
  fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const graphql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  post(JSON.stringify({ query, variables }), headers);
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers });
const exportOf = (path: string, text: string) => get(`${path}?text=${encodeURIComponent(text)}`);
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
const nested = (depth: number) => `${'(embargo OR '.repeat(depth)}pipeline${')'.repeat(depth)}`;

const SEARCH = 'query ($q: String!) { search(query: $q) { totalCount } }';
const EVENTS_TEXT = 'query ($text: String) { events(filter: { text: $text }) { totalCount } }';
const ACTORS_TEXT = 'query ($text: String) { actors(filter: { text: $text }) { totalCount } }';
const CREATE_EVENT =
  'mutation ($input: EventInput!, $key: String) { createEvent(input: $input, idempotencyKey: $key) { event { slug } userErrors { field code message } } }';
const newEvent = eventInputs('2019-hostile');
const write = (variables: Record<string, unknown>) =>
  graphql(CREATE_EVENT, variables, { authorization: `Bearer ${writeKey}` });
type Answer = GraphQLResponse<{ createEvent?: { userErrors: { code: string }[] } }>;
const firstError = (body: Answer) => body.errors?.[0]?.extensions?.code;
const firstUserError = (body: Answer) => body.data?.createEvent?.userErrors[0]?.code;

interface HostileCase {
  name: string;
  send: () => Promise<Response>;
  status: number;
  code: string;
  codeOf?: (body: Answer) => string | undefined;
  /** More checks on the answer. */
  also?: (response: Response, body: Answer, text: string) => void;
}

const cases: HostileCase[] = [
  // Exports: the filter, FTS expression included, is checked before the 200.
  {
    name: 'export with NUL in text',
    send: () => exportOf('/export/events.csv', 'a\u0000b'),
    status: 400,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'export with a lone control character',
    send: () => exportOf('/export/events.jsonl', '\u0001'),
    status: 400,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'actor export with a C1 control',
    send: () => exportOf('/export/actors.csv', 'mos\u0085cow'),
    status: 400,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'export with 2000 nested parentheses',
    send: () => exportOf('/export/events.csv', `${'('.repeat(2000)}a${')'.repeat(2000)}`),
    status: 400,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'export with a thousand words',
    send: () => exportOf('/export/events.csv', words(1000)),
    status: 400,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'export with a URL over 16 KiB',
    send: () => exportOf('/export/events.csv', words(3000)),
    status: 431,
    code: 'REQUEST_HEADERS_TOO_LARGE',
  },
  { name: 'export by POST', send: () => post('{}', {}, '/export/events.csv'), status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'export that does not exist', send: () => get('/export/secrets.csv'), status: 404, code: 'NOT_FOUND' },
  // Search syntax bombs through GraphQL: each is the caller's INVALID_SEARCH, never an internal error.
  {
    name: 'search with thousands of words',
    send: () => graphql(SEARCH, { q: words(5000) }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'search with a megabyte of words',
    send: () => graphql(SEARCH, { q: words(95_000) }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'search over the body limit',
    send: () => graphql(SEARCH, { q: words(120_000) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'search with 33 words', send: () => graphql(SEARCH, { q: words(33) }), status: 200, code: 'INVALID_SEARCH' },
  {
    name: 'search with 40 nested groups',
    send: () => graphql(SEARCH, { q: nested(40) }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'search with NUL',
    send: () => graphql(SEARCH, { q: 'arms\u0000deal' }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'search with a lone surrogate',
    send: () => graphql(SEARCH, { q: 'arms \ud800' }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'events filter text with DEL',
    send: () => graphql(EVENTS_TEXT, { text: 'embargo\u007f' }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  {
    name: 'actors filter text nested 9 deep',
    send: () => graphql(ACTORS_TEXT, { text: nested(9) }),
    status: 200,
    code: 'INVALID_SEARCH',
  },
  // Content types: only a JSON POST runs, so no form can drive the API (CSRF).
  {
    name: 'POST as a form',
    send: () => post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as multipart/form-data',
    send: () => {
      const form = new FormData();
      form.set('query', 'mutation { __typename }');
      return fetch(`${api.url}/graphql`, { method: 'POST', body: form });
    },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as text/plain',
    send: () => post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST as XML',
    send: () => post('<query/>', { 'content-type': 'application/xml' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'POST without a content type',
    send: () => fetch(`${api.url}/graphql`, { method: 'POST', body: new Uint8Array([123, 125]) }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'invalid JSON',
    send: () => post('{"query": "{ __typename }", "secret": "do-not-echo'),
    status: 400,
    code: 'BAD_REQUEST',
    also: (_response, body, text) => {
      expect(body.errors![0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(text).not.toContain('do-not-echo');
    },
  },
  { name: 'JSON that is not an object', send: () => post('"{ __typename }"'), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'mutation over GET',
    send: () => get(`/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { accept: 'application/json' }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  {
    name: 'PUT',
    send: () =>
      fetch(`${api.url}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  { name: 'an unknown path', send: () => get('/admin'), status: 404, code: 'NOT_FOUND' },
  {
    name: 'an Accept header nothing matches',
    send: () => get('/graphql?query=%7B__typename%7D', { accept: 'text/xml' }),
    status: 406,
    code: 'NOT_ACCEPTABLE',
  },
  // CORS: only the listed origins, and never with credentials.
  {
    name: 'preflight from an origin not listed',
    send: () =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    status: 403,
    code: 'ORIGIN_NOT_ALLOWED',
    also: (response) => expect(response.headers.get('access-control-allow-origin')).toBeNull(),
  },
  {
    name: 'export preflight from an origin not listed',
    send: () =>
      fetch(`${api.url}/export/events.csv`, {
        method: 'OPTIONS',
        headers: { origin: 'null', 'access-control-request-method': 'GET' },
      }),
    status: 403,
    code: 'ORIGIN_NOT_ALLOWED',
  },
  // Writes: lone surrogates and oversized idempotency keys are refused, and nothing is written.
  {
    name: 'write with a lone surrogate',
    send: () => write({ input: newEvent({ title: 'Talks \udc00' }) }),
    status: 200,
    code: 'INVALID',
    codeOf: firstUserError,
  },
  {
    name: 'write with a NUL',
    send: () => write({ input: newEvent({ summary: 'Held\u0000talks.' }) }),
    status: 200,
    code: 'INVALID',
    codeOf: firstUserError,
  },
  {
    name: 'write with a 201-character idempotency key',
    send: () => write({ input: newEvent(), key: 'k'.repeat(201) }),
    status: 200,
    code: 'INVALID',
    codeOf: firstUserError,
  },
  {
    name: 'write with a 500 000-character idempotency key',
    send: () => write({ input: newEvent(), key: 'k'.repeat(500_000) }),
    status: 200,
    code: 'INVALID',
    codeOf: firstUserError,
  },
];

const plainQueryAnswers = async (events = 3) => {
  const response = await graphql('{ events(first: 1) { totalCount } }');
  expect(response.status).toBe(200);
  expect((await response.json()).data.events.totalCount).toBe(events);
};

describe('hostile requests at the HTTP boundary', () => {
  it.each(cases)('$name: $status $code', async ({ send, status, code, codeOf = firstError, also }) => {
    const started = performance.now();
    const response = await send();
    const text = await response.text();
    expect(performance.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const body = JSON.parse(text);
    expect(codeOf(body)).toBe(code);
    expect(text).not.toMatch(STACK_TRACE);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    also?.(response, body, text);
    await plainQueryAnswers();
  });

  it('wrote nothing for the refused writes', () => {
    expect(
      sqliteDatabaseOf(api.store)
        .$client.prepare("select count(*) as n from events where slug like '2019-hostile%'")
        .get(),
    ).toEqual({ n: 0 });
  });

  it('lets listed origins read without credentials, and gives others no CORS headers', async () => {
    const preflight = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const allowed = await get('/export/actors.csv?kinds=state', { origin: ALLOWED_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('vary')).toContain('Origin');
    const other = await graphql('{ __typename }', undefined, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

const subscribe = (signal: AbortSignal) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { eventChanged { slug version } }' }),
    signal,
  });

describe('an eventChanged stream', () => {
  it('opens with a comment that arrives once the subscription is live', async () => {
    const controller = new AbortController();
    const reader = (await subscribe(controller.signal)).body!.getReader();
    // server.test.ts relies on this across processes: it writes once every stream has sent the comment.
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^:/);
    expect(subscriptions.subscribers()).toBe(1);
    controller.abort();
    await subscriptions.subscribed(0);
  });
});

describe('subscribers that vanish', () => {
  it('leave the server streaming to the others and answering queries', async () => {
    const leaving = Array.from({ length: 5 }, () => new AbortController());
    const staying = new AbortController();
    const streams = await Promise.all([...leaving, staying].map((controller) => subscribe(controller.signal)));
    for (const stream of streams) expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const readers = streams.map((stream) => stream.body!.getReader());
    // Reading starts each subscription; the first five then drop their connections mid-stream.
    for (const reader of readers) void reader.read().catch(() => {});
    await subscriptions.subscribed(6);
    // The first five drop their connections mid-stream, and the server lets go of them.
    for (const controller of leaving) controller.abort();
    await subscriptions.subscribed(1);
    const input = eventInputs('2019-subscribed')();
    const created = await write({ input });
    expect((await created.json()).data.createEvent.userErrors).toEqual([]);
    const reader = readers.at(-1)!;
    let received = '';
    while (!received.includes('"eventChanged"')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain(`"slug":"${input.slug}"`);
    staying.abort();
    await plainQueryAnswers(4);
  });
});

describe('a failure while an export streams', () => {
  let broken: Listening;
  beforeAll(async () => {
    // A date the export cannot read, on the last event: the failure comes after the 200 was sent.
    broken = await listen((store) => {
      sqliteDatabaseOf(store)
        .$client.prepare("update events set date_edtf = 'garbled' where slug = '2024-10-trade-pledge'")
        .run();
    }, true);
  });
  afterAll(() => close(broken));

  it('aborts that response, logs one line, and the server keeps answering', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The transfer is cut off: either no status arrives at all or the body breaks off.
    const download = fetch(`${broken.url}/export/events.csv`).then((response) => response.text());
    await expect(download).rejects.toThrow();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]).toHaveLength(1);
    expect(logged.mock.calls[0]![0]).toMatch(
      /^export \/export\/events\.csv ended part-way: .*"garbled" is not a date[^\n]*$/,
    );
    logged.mockRestore();
    const response = await fetch(`${broken.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
    });
    expect((await response.json()).data.actors.totalCount).toBeGreaterThan(0);
  });
});

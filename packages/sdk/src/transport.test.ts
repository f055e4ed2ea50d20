// What the client puts on the wire, against a stand-in server that does or does not know document IDs.
import { describe, expect, it } from 'vitest';
import { BilateralError } from './errors.ts';
import { ArchiveEventDocument, EventKindsDocument } from './generated/graphql.ts';
import manifest from './generated/persisted-documents.json' with { type: 'json' };
import { createTransport } from './transport.ts';

interface Sent {
  method: string;
  params: Record<string, unknown>;
}

/** A fetch that records each request and answers from `answer` (JSON body, status 200 unless given). */
function fakeServer(answer: (params: Record<string, unknown>) => { body: unknown; status?: number }) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const params = init?.body
      ? JSON.parse(String(init.body))
      : Object.fromEntries(
          [...url.searchParams].map(([name, value]) => [name, name === 'variables' ? JSON.parse(value) : value]),
        );
    sent.push({ method: init?.method ?? 'GET', params });
    const { body, status = 200 } = answer(params);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch };
}

const eventKindsId = EventKindsDocument.__meta__!.hash as string;
const eventKindsText = (manifest as Record<string, string>)[eventKindsId]!;
const data = { eventKinds: [] };

async function rejectionOf(call: Promise<unknown>): Promise<BilateralError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BilateralError);
  return error as BilateralError;
}

describe('transport', () => {
  it('sends only the document ID to a server that knows it', async () => {
    const server = fakeServer(() => ({ body: { data } }));
    const request = createTransport({ url: 'http://api.test/graphql', fetch: server.fetch });
    expect(await request(EventKindsDocument)).toEqual(data);
    expect(server.sent).toEqual([
      { method: 'POST', params: { documentId: eventKindsId, variables: {}, operationName: 'EventKinds' } },
    ]);
  });

  it('retries once with the full text on PERSISTED_QUERY_NOT_FOUND, then sends the text directly', async () => {
    const server = fakeServer((params) =>
      'query' in params
        ? { body: { data } }
        : { body: { errors: [{ message: 'unknown', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } },
    );
    const request = createTransport({ url: 'http://api.test/graphql', fetch: server.fetch });
    expect(await request(EventKindsDocument)).toEqual(data);
    await request(EventKindsDocument);
    expect(server.sent.map(({ params }) => params.query ?? params.documentId)).toEqual([
      eventKindsId,
      eventKindsText,
      eventKindsText,
    ]);
  });

  it('does not loop: a failure of the full text is thrown', async () => {
    const notFound = { errors: [{ message: 'unknown', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
    const server = fakeServer(() => ({ body: notFound }));
    const request = createTransport({ url: 'http://api.test/graphql', fetch: server.fetch });
    expect((await rejectionOf(request(EventKindsDocument))).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(server.sent).toHaveLength(2);
  });

  it("sends the full text only with documents: 'text'", async () => {
    const server = fakeServer(() => ({ body: { data } }));
    const request = createTransport({ url: 'http://api.test/graphql', fetch: server.fetch, documents: 'text' });
    await request(EventKindsDocument);
    expect(server.sent).toEqual([
      { method: 'POST', params: { query: eventKindsText, variables: {}, operationName: 'EventKinds' } },
    ]);
  });

  it("sends queries by GET with method: 'GET', and mutations still by POST", async () => {
    const server = fakeServer(() => ({ body: { data } }));
    const request = createTransport({ url: 'http://api.test/graphql', fetch: server.fetch, method: 'GET' });
    await request(EventKindsDocument);
    await request(ArchiveEventDocument, { id: 'RXZlbnQ6MQ==' });
    expect(server.sent.map(({ method, params }) => [method, params.operationName, params.variables])).toEqual([
      ['GET', 'EventKinds', {}],
      ['POST', 'ArchiveEvent', { id: 'RXZlbnQ6MQ==' }],
    ]);
  });

  it('turns a response without GraphQL into HTTP_ERROR and an unreachable server into NETWORK_ERROR', async () => {
    const proxyError: typeof fetch = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const httpError = await rejectionOf(
      createTransport({ url: 'http://api.test/graphql', fetch: proxyError })(EventKindsDocument),
    );
    expect([httpError.code, httpError.status]).toEqual(['HTTP_ERROR', 502]);
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const networkError = await rejectionOf(
      createTransport({ url: 'http://api.test/graphql', fetch: offline })(EventKindsDocument),
    );
    expect(networkError.code).toBe('NETWORK_ERROR');
  });
});

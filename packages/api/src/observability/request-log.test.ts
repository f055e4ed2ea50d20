import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentIdOf, sdkTrustedDocuments } from '../execution/trusted-documents.ts';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';
import { logFormatFromEnv, type RequestLogLine } from './request-log.ts';

const eventsText = [...sdkTrustedDocuments().values()].find((text) => /query Events\b/.test(text))!;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('the JSON request log', () => {
  let store: BilateralStore;
  let yoga: BilateralYoga;
  const lines: string[] = [];
  beforeAll(() => {
    store = openFixtureStore();
    yoga = createBilateralYoga({
      store,
      logging: false,
      requestLog: { trustedProxies: 0, write: (line) => lines.push(line) },
    });
  });
  afterAll(() => store.close());

  /** Sends a request from 203.0.113.7 and returns the response with the one line it logged. */
  async function send(body: string, headers: Record<string, string> = {}) {
    lines.length = 0;
    const response = await yoga.fetch(
      'http://bilateral.test/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body },
      // The node:http request Yoga receives as its server context, where the rate limit reads the address.
      { req: { socket: { remoteAddress: '203.0.113.7' } } } as unknown as Record<string, never>,
    );
    const answer = await response.json();
    // A refusal's line is written once its body has been read back.
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    return { response, answer, line: JSON.parse(lines[0]!) as RequestLogLine, raw: lines[0]! };
  }

  it('writes one line per request: request and trace IDs, operation, cost, duration, status, outcome, client', async () => {
    const { response, answer, line } = await send(
      JSON.stringify({ documentId: documentIdOf(eventsText), operationName: 'Events', variables: { first: 3 } }),
      { 'x-request-id': 'checkout-42', traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    );
    expect(answer.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toBe('checkout-42');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'checkout-42',
      traceId: TRACE_ID,
      operation: 'Events',
      cost: answer.extensions.cost,
      status: 200,
      outcome: 'OK',
      client: 'ip:203.0.113.7',
    });
    expect(Date.parse(line.time)).toBeGreaterThan(Date.now() - 60_000);
    expect(line.durationMs).toBeGreaterThan(0);
  });

  it('makes a request ID when none (or no plain token) is sent, and sends it back', async () => {
    const made = await send(JSON.stringify({ query: '{ eventKinds { kind } }' }));
    expect(made.line.requestId).toMatch(/^[\da-f-]{36}$/);
    expect(made.response.headers.get('x-request-id')).toBe(made.line.requestId);
    const tooLong = await send(JSON.stringify({ query: '{ eventKinds { kind } }' }), {
      'x-request-id': 'x'.repeat(200),
    });
    expect(tooLong.line.requestId).toMatch(/^[\da-f-]{36}$/);
    expect(made.line.traceId).toBeNull();
  });

  it('names the client by its key ID, and never logs the key, the query text or the variables', async () => {
    const { secret, key } = await store.createApiKey('write', 'log test');
    const query = 'query FindSomeone($slug: String!) { actor(slug: $slug) { name } }';
    const { line, raw } = await send(JSON.stringify({ query, variables: { slug: 'private-person-slug' } }), {
      authorization: `Bearer ${secret}`,
    });
    expect(line).toMatchObject({ client: `key:${key.id}`, operation: 'FindSomeone', outcome: 'NOT_FOUND' });
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('private-person-slug');
    expect(raw).not.toContain('actor(slug');
  });

  it('logs refusals with their code: before GraphQL reads the request, and at validation', async () => {
    lines.length = 0;
    const form = await yoga.fetch('http://bilateral.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    await form.json();
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(lines[0]!)).toMatchObject({ status: 415, outcome: 'UNSUPPORTED_MEDIA_TYPE', operation: null });
    const invalid = await send(JSON.stringify({ query: '{ actor(slug: "russia") { nothing } }' }));
    expect(invalid.line).toMatchObject({ outcome: 'GRAPHQL_VALIDATION_FAILED', cost: null });
  });
});

describe('LOG_FORMAT', () => {
  it('is text by default, json when asked, and refuses anything else', () => {
    expect(logFormatFromEnv(undefined)).toBe('text');
    expect(logFormatFromEnv(' JSON ')).toBe('json');
    expect(() => logFormatFromEnv('yaml')).toThrow('LOG_FORMAT must be text or json; got "yaml".');
  });
});

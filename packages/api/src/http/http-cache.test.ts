// Reads by GET carry Cache-Control and an ETag (the hash of the body) and answer 304 to a matching
// If-None-Match; POSTs, errors and mutations are never cached.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { READ_MAX_AGE_SECONDS } from './http-cache.ts';

const api = useFixtureApi();
const EVENTS = '{ events(first: 2) { totalCount edges { node { slug } } } }';
const ACCEPT = 'application/graphql-response+json';

const read = (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) =>
  api.yoga.fetch(
    `http://bilateral.test/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`,
    { headers: { accept: ACCEPT, ...headers } },
  );

describe('HTTP caching of reads by GET', () => {
  it('answers with a public, short Cache-Control and an ETag that is the hash of the body', async () => {
    const response = await read(EVENTS);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(`public, max-age=${READ_MAX_AGE_SECONDS}`);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('etag')).toBe(`"${createHash('sha256').update(body).digest('base64url')}"`);
    expect(JSON.parse(new TextDecoder().decode(body)).data.events.totalCount).toBe(3);
    expect(response.headers.get('vary')).toMatch(/accept/i);
  });

  it('answers 304 without a body when If-None-Match names the current ETag', async () => {
    const etag = (await read(EVENTS)).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await read(EVENTS, { 'if-none-match': ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(`public, max-age=${READ_MAX_AGE_SECONDS}`);
      expect(await again.text()).toBe('');
    }
  });

  it('answers the full body when the ETag no longer matches (other variables, other data)', async () => {
    const etag = (await read(EVENTS)).headers.get('etag')!;
    const stale = await read(EVENTS, { 'if-none-match': '"an-older-etag"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(etag);
    const query = 'query ($first: Int) { events(first: $first) { edges { node { slug } } } }';
    const one = await read(query, {}, { first: 1 });
    const two = await read(query, { 'if-none-match': one.headers.get('etag')! }, { first: 2 });
    expect(two.status).toBe(200);
    expect(two.headers.get('etag')).not.toBe(one.headers.get('etag'));
  });

  it('keeps an answer to a request with credentials out of shared caches', async () => {
    const response = await read(EVENTS, { authorization: 'Bearer not-a-key' });
    expect(response.headers.get('cache-control')).toBe(`private, max-age=${READ_MAX_AGE_SECONDS}`);
  });

  it('never caches a result with errors', async () => {
    const response = await read('{ event(slug: "no-such-event") { slug } }');
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('streams a subscription by GET, uncached, without waiting for its end', async () => {
    const controller = new AbortController();
    const stream = await api.yoga.fetch(
      `http://bilateral.test/graphql?${new URLSearchParams({ query: 'subscription { eventChanged { slug } }' })}`,
      { headers: { accept: 'text/event-stream' }, signal: controller.signal },
    );
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('etag')).toBeNull();
    controller.abort();
  });

  it('leaves POSTs and the GraphiQL page alone', async () => {
    const posted = await api.yoga.fetch('http://bilateral.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT },
      body: JSON.stringify({ query: EVENTS }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('cache-control')).toBeNull();
    expect(posted.headers.get('etag')).toBeNull();
    const page = await api.yoga.fetch('http://bilateral.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('etag')).toBeNull();
  });
});

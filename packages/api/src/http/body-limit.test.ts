import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { useWriteApi } from '../testing/write-api.ts';
import { MAX_BODY_BYTES } from './body-limit.ts';
import { createBilateralServer } from './http-server.ts';

const { api, keyFor, asKey } = useWriteApi();

const CREATE = 'mutation ($input: EventInput!) { createEvent(input: $input) { event { id } userErrors { field } } }';
const bodyOfSize = (bytes: number) => {
  const prefix = '{"query":"{ events { totalCount } }","variables":{"padding":"';
  return `${prefix}${'x'.repeat(bytes - prefix.length - 3)}"}}`;
};
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  api.yoga.fetch('http://bilateral.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
/** The body as a stream of 64 KiB chunks, so no Content-Length is sent. */
const streamed = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
};

describe('the request body limit', () => {
  it('answers a body over 1 MiB with 413 and a PAYLOAD_TOO_LARGE error, by Content-Length or by counting', async () => {
    const body = bodyOfSize(MAX_BODY_BYTES + 1);
    for (const response of [await post(body, { 'content-length': String(body.length) }), await post(streamed(body))]) {
      expect(response.status).toBe(413);
      const answer = await response.json();
      expect(answer.errors).toEqual([
        {
          message: expect.stringContaining('1 MiB (1048576 bytes)'),
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: MAX_BODY_BYTES },
        },
      ]);
    }
  });

  it('accepts a body of exactly the limit, declared or streamed', async () => {
    const body = bodyOfSize(MAX_BODY_BYTES);
    for (const response of [await post(body), await post(streamed(body))]) {
      expect(response.status).toBe(200);
      expect((await response.json()).data.events.totalCount).toBeGreaterThan(0);
    }
  });

  it('refuses an oversized write before reading it, so nothing is written', async () => {
    const before = await execute(api.yoga, '{ events { totalCount } }');
    const huge = {
      slug: '2019-huge-visit',
      title: 'A visit',
      summary: 's'.repeat(MAX_BODY_BYTES),
      kind: 'VISIT',
      date: '2019',
      sectors: ['DIPLOMACY'],
      participants: [{ actor: 'russia', role: 'HOST' }],
      citations: [{ source: 'fixture-news', paragraph: 1 }],
    };
    const result = await asKey(keyFor('write'), CREATE, { input: huge });
    expect(result.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await execute(api.yoga, '{ events { totalCount } }')).toEqual(before);
  });

  it('reads no more than a declared length over a socket, however much more is sent', async () => {
    const server = createBilateralServer(api.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const query = '{"query":"{ events { totalCount } }"}';
      // The declared body is the query alone; 2 MiB follow it.
      const sent = `POST /graphql HTTP/1.1\r\nhost: bilateral.test\r\ncontent-type: application/json\r\ncontent-length: ${query.length}\r\n\r\n${query}${'x'.repeat(2 * MAX_BODY_BYTES)}`;
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(sent);
      let received = '';
      socket.setEncoding('utf8');
      await new Promise<void>((resolve) => {
        socket.on('data', (chunk: string) => {
          received += chunk;
          if (/HTTP\/1\.1 400/.test(received)) resolve();
        });
        socket.on('close', () => resolve());
      });
      socket.destroy();
      // The bytes past the declared length are read as the next request, malformed HTTP, and never as the body.
      expect(received).toMatch(/HTTP\/1\.1 400 Bad Request[\s\S]*"code":"BAD_REQUEST"/);
      expect(received).not.toContain('PAYLOAD_TOO_LARGE');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/**
 * The node:http server around the Yoga handler. Node answers requests it cannot parse (headers
 * over its 16 KiB limit, malformed HTTP) itself, with an empty body, before Yoga sees them; the
 * `clientError` handler answers them in the same coded JSON shape as every other refusal.
 */
import { createServer, type Server } from 'node:http';
import { attachGraphQLWebSockets, type WebSocketOptions } from '../websocket/graphql-ws.ts';
import type { BilateralYoga } from '../yoga.ts';

const REFUSALS = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    code: 'REQUEST_HEADERS_TOO_LARGE',
    message:
      'The request line and headers are over 16 KiB, the most this server reads. Send a long query as a POST body, and keep export filters short.',
  },
  default: { status: '400 Bad Request', code: 'BAD_REQUEST', message: 'The request is not valid HTTP/1.1.' },
};

export interface ServerOptions {
  /** Serves GraphQL over WebSocket (graphql-transport-ws) on the GraphQL path too. */
  webSockets?: WebSocketOptions;
}

export function createBilateralServer(yoga: BilateralYoga, { webSockets }: ServerOptions = {}): Server {
  const server = createServer(yoga);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const refusal = error.code === 'HPE_HEADER_OVERFLOW' ? REFUSALS.HPE_HEADER_OVERFLOW : REFUSALS.default;
    const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
    socket.end(
      `HTTP/1.1 ${refusal.status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  if (webSockets) attachGraphQLWebSockets(server, yoga, webSockets);
  return server;
}

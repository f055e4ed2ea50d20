import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1 and a free port serving fixed files by path: another origin for browser tests. */
export function serveStaticSite(files: Record<string, { type: string; body: string }>): Promise<StaticSite> {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://site').pathname];
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // A browser keeps its connections open; close would wait for them.
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/**
 * Where `/metrics` is answered: on the API's own port by default, or, with `METRICS_PORT`, only on
 * 127.0.0.1 at that port (so a scraper inside the host reads it and the public port does not serve it).
 * With `WORKERS`, every answer is the whole cluster's (cluster-metrics.ts).
 */
import { createServer, type Server } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { Registry } from 'prom-client';
import { METRICS_PATH } from './metrics.ts';

/** The metrics text of this process, or of the whole cluster. */
export type Scrape = () => Promise<string>;

const CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** `METRICS_PORT`: undefined serves /metrics on the API's port. */
export function metricsPortFromEnv(value = process.env.METRICS_PORT): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`METRICS_PORT must be a port number (0-65535); got "${value}".`);
  return port;
}

/** Answers GET /metrics on the API's port. */
export const useMetricsEndpoint = (scrape: Scrape): Plugin => ({
  onRequest({ url, request, fetchAPI, endResponse }) {
    if (url.pathname !== METRICS_PATH) return;
    if (request.method !== 'GET')
      return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
    return scrape().then(
      (text) =>
        endResponse(
          new fetchAPI.Response(text, { headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' } }),
        ),
      (error: Error) =>
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: `Metrics could not be collected: ${error.message}`,
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                },
              ],
            }),
            {
              status: 503,
              headers: { 'content-type': 'application/json' },
            },
          ),
        ),
    );
  },
});

/** Serves GET /metrics alone, on 127.0.0.1:`port`. */
export function startMetricsServer(port: number, scrape: Scrape): Server {
  const server = createServer((request, response) => {
    if (request.url?.split('?')[0] !== METRICS_PATH || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Only GET ${METRICS_PATH} is served here.\n`);
      return;
    }
    scrape().then(
      (text) => response.writeHead(200, { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' }).end(text),
      (error: Error) => response.writeHead(503, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  server.listen(port, '127.0.0.1');
  return server;
}

/**
 * Probes for load balancers and orchestrators, beside /graphql:
 *   GET /health  the process is up and answering (200 always).
 *   GET /ready   the database can be read and, unless the server runs read-only on purpose,
 *                written (200 ready, 503 not ready); the body says which check failed.
 * Both answer JSON and are never cached.
 */
import type { BilateralStore } from '@bilateral/store';
import type { Plugin } from 'graphql-yoga';

export const HEALTH_PATH = '/health';
export const READY_PATH = '/ready';

/** Where Yoga's own health check (an empty 200, answered before any plugin runs) is moved, so /health can answer JSON. */
export const YOGA_HEALTH_PATH = '/health/yoga';

export function useHealth(store: BilateralStore): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname !== HEALTH_PATH && url.pathname !== READY_PATH) return;
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
          }),
        );
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return json(405, { status: 'error', message: `${url.pathname} answers GET only.` }, { allow: 'GET, HEAD' });
      if (url.pathname === HEALTH_PATH) return json(200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });

      return store.checkStorage().then(({ mode, readable, writable }) => {
        const ready = readable.ok && (writable?.ok ?? true);
        json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', mode, checks: { readable, writable } });
      });
    },
  };
}

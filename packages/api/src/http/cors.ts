/**
 * Cross-origin reads. API keys travel in the Authorization header, never in cookies, so no
 * request needs the browser's credentials: `Access-Control-Allow-Credentials` is never sent.
 * With no allow-list every origin may read (`Access-Control-Allow-Origin: *`); with one
 * (`CORS_ORIGINS`), only the origins listed get CORS headers and a preflight from any other is
 * refused with 403 ORIGIN_NOT_ALLOWED.
 *
 * Written here rather than with Yoga's `cors` option because that option reflects the caller's
 * origin, adds `Allow-Credentials: true` unless told otherwise, and answers a refused preflight
 * with `Allow-Origin: null`, which sandboxed pages (whose origin is "null") then match.
 */
import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../errors.ts';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** Browsers may cache a preflight this long (seconds); Chromium caps it at 7200. */
const PREFLIGHT_MAX_AGE = '7200';
/** Headers a script may read besides the safelisted ones: the export file name, and when to retry. */
const EXPOSED_HEADERS = 'Content-Disposition, Retry-After';

/**
 * Reads `CORS_ORIGINS`: origins separated by commas (`https://app.example.org,http://localhost:5173`).
 * Unset, empty or `*` means every origin. Anything that is not a bare origin is refused at start.
 */
export function parseCorsOrigins(value: string | undefined): string[] | undefined {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (entries.length === 0 || entries.includes('*')) return undefined;
  for (const entry of entries) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== entry)
      throw new Error(
        `CORS_ORIGINS: "${entry}" is not an origin${origin && origin !== 'null' ? ` (did you mean ${origin}?)` : ''}. Give scheme, host and port only, in lower case, such as https://app.example.org or http://localhost:5173.`,
      );
  }
  return entries;
}

/** `allowedOrigins` undefined: every origin may read. */
export function useCors(allowedOrigins: readonly string[] | undefined): Plugin {
  const allowed = (origin: string) => !allowedOrigins || allowedOrigins.includes(origin);
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method !== 'OPTIONS') return;
      const origin = request.headers.get('origin');
      if (origin && !allowed(origin))
        return endResponse(
          errorResponse(
            fetchAPI,
            403,
            'ORIGIN_NOT_ALLOWED',
            `Pages at ${origin} may not call this API from a browser. The operator lists the origins that may in CORS_ORIGINS.`,
          ),
        );
      const requestedHeaders = request.headers.get('access-control-request-headers');
      endResponse(
        new fetchAPI.Response(null, {
          status: 204,
          headers: {
            // Safari waits for a body on a 204 without it.
            'content-length': '0',
            'access-control-allow-methods': ALLOWED_METHODS,
            'access-control-max-age': PREFLIGHT_MAX_AGE,
            ...(requestedHeaders ? { 'access-control-allow-headers': requestedHeaders } : {}),
          },
        }),
      );
    },
    onResponse({ request, response }) {
      // The answer depends on the origin only when there is a list; caches must then keep one per origin.
      if (allowedOrigins) response.headers.append('vary', 'Origin');
      const origin = request.headers.get('origin');
      if (!origin || !allowed(origin)) return;
      response.headers.set('access-control-allow-origin', allowedOrigins ? origin : '*');
      response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    },
  };
}

/**
 * HTTP caching of reads sent by GET (a trusted document's ID, or a query, with variables in the
 * query string): a successful result carries `Cache-Control` and an `ETag` (a hash of the body),
 * and a request whose `If-None-Match` names that ETag gets `304 Not Modified` without the body.
 * Any HTTP cache or CDN in front of the server can then serve repeated reads. Results with errors,
 * streamed results (subscriptions) and every POST are left uncached; Yoga refuses mutations by GET.
 */
import { createHash } from 'node:crypto';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Seconds a cache may serve a read without asking again. Short, because writes change the data at
 * any time: a client sees a write at most this late, and after that a 304 costs no body.
 */
export const READ_MAX_AGE_SECONDS = 60;

const etagOf = (body: ArrayBuffer) => `"${createHash('sha256').update(new Uint8Array(body)).digest('base64url')}"`;

/** `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored; `*` matches any. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

export const useHttpCache = (): Plugin => {
  /** GET requests that reached GraphQL, and whether their result may be cached. */
  const getResults = new WeakMap<Request, boolean>();
  return {
    onResultProcess({ request, result }) {
      if (request.method !== 'GET') return;
      const cacheable = !isAsyncIterable(result) && !Array.isArray(result) && !result.errors?.length;
      getResults.set(request, cacheable);
    },
    // Synchronous for a POST (nearly every request): only a cacheable GET reads its body to hash it.
    onResponse({ request, response, setResponse, fetchAPI }) {
      const cacheable = getResults.get(request);
      if (cacheable === undefined) return;
      const headers = new fetchAPI.Headers(response.headers);
      if (!cacheable || response.status !== 200) {
        headers.set('cache-control', 'no-store');
        setResponse(new fetchAPI.Response(response.body, { status: response.status, headers }));
        return;
      }
      return response.arrayBuffer().then((body) => {
        const etag = etagOf(body);
        // Reads do not depend on who asks, but a shared cache must not keep what a request with
        // credentials received unless told it may; a request with a key gets a private answer.
        const scope = request.headers.has('authorization') ? 'private' : 'public';
        headers.set('cache-control', `${scope}, max-age=${READ_MAX_AGE_SECONDS}`);
        headers.set('etag', etag);
        // The body's media type follows the Accept header (application/json or graphql-response+json).
        headers.append('vary', 'accept');
        if (matches(request.headers.get('if-none-match'), etag)) {
          for (const name of ['content-type', 'content-length']) headers.delete(name);
          setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        } else {
          setResponse(new fetchAPI.Response(body, { status: 200, headers }));
        }
      });
    },
  };
};

/**
 * POST /graphql runs only a JSON body (`Content-Type: application/json`). A web page can make a
 * visitor's browser POST a form (`application/x-www-form-urlencoded`, `multipart/form-data`) or
 * `text/plain` to any site without asking; a JSON POST from another origin needs a CORS preflight
 * first. Refusing everything else means no page can drive the API through a visitor (CSRF). GET
 * runs queries only: Yoga refuses a mutation over GET (405 METHOD_NOT_ALLOWED).
 *
 * Yoga's CSRF-prevention plugin asks instead for a custom header on every request, which would
 * break plain `curl` and GET links; the content-type rule gives the same protection here.
 */
import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../errors.ts';

const mediaTypeOf = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

export const useJsonOnlyPost = (graphqlEndpoint: string): Plugin => ({
  onRequest({ request, url, fetchAPI, endResponse }) {
    if (request.method !== 'POST' || url.pathname.replace(/\/$/, '') !== graphqlEndpoint) return;
    const mediaType = mediaTypeOf(request);
    if (mediaType === 'application/json') return;
    endResponse(
      errorResponse(
        fetchAPI,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `POST ${graphqlEndpoint} takes a JSON body sent with Content-Type: application/json, such as {"query": "{ events { totalCount } }"}; got ${mediaType ? `"${mediaType.slice(0, 100)}"` : 'no Content-Type'}. Forms, multipart and text/plain bodies are refused so that no web page can send a request on a visitor's behalf.`,
        {},
        { accept: 'application/json' },
      ),
    );
  },
});

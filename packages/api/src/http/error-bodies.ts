/**
 * Every refusal has a GraphQL-shaped JSON body with a code, so a client handles all of them one
 * way. Yoga answers some with an empty body (404 for an unknown path, 406 for an Accept header
 * it cannot serve); those get one here, by status, keeping their other headers.
 */
import type { Plugin } from 'graphql-yoga';
import { type ErrorCode, errorResponse } from '../errors.ts';

const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['BAD_REQUEST', 'The request could not be read as a GraphQL request.'],
  404: ['NOT_FOUND', 'Nothing is served at this path. GraphQL is at /graphql; exports are under /export/.'],
  405: ['METHOD_NOT_ALLOWED', 'This path does not answer this HTTP method.'],
  406: [
    'NOT_ACCEPTABLE',
    'The Accept header asks for no type this server sends. Accept application/graphql-response+json or application/json.',
  ],
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body with Content-Type: application/json.'],
};

export const useCodedErrorBodies = (): Plugin => ({
  onResponse({ response, setResponse, fetchAPI }) {
    if (response.status < 400 || response.headers.get('content-type')?.includes('json')) return;
    const [code, message] = BY_STATUS[response.status] ?? [
      response.status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR',
      `The request failed with HTTP ${response.status}.`,
    ];
    const headers = Object.fromEntries(
      [...response.headers].filter(([name]) => name !== 'content-type' && name !== 'content-length'),
    );
    setResponse(errorResponse(fetchAPI, response.status, code, message, {}, headers));
  },
});

/**
 * The API's error contract: every error a client sees carries `extensions.code`. Errors the
 * client can fix (bad arguments, unknown IDs) say what to change; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR with no message detail or stack trace.
 */
import { QueryError, type StorageError, searchErrorFrom, toStorageError } from '@bilateral/store';
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'INVALID_ID'
  | 'INVALID_CURSOR'
  | 'INVALID_DATE'
  | 'INVALID_SEARCH'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INTERNAL_SERVER_ERROR'
  // Refusals at the HTTP boundary, before GraphQL runs (each with its HTTP status).
  | 'BAD_REQUEST'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'ORIGIN_NOT_ALLOWED'
  | 'REQUEST_HEADERS_TOO_LARGE'
  // Storage faults (StorageError from the store): each carries extensions.retryable.
  | 'STORAGE_FULL'
  | 'STORAGE_READ_ONLY'
  | 'STORAGE_UNAVAILABLE'
  | 'BUSY'
  // Hostile-traffic limits (docs/limits.md): refused before any resolver runs.
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_TOKENS'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'FIELD_DUPLICATED'
  | 'RATE_LIMITED';

export function userError(code: ErrorCode, message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(argument ? { argument } : {}) } });
}

/** A GraphQL-shaped JSON answer for a request refused at the HTTP boundary, before any GraphQL runs. */
export function errorResponse(
  fetchAPI: { Response: typeof Response },
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * Yoga's own refusals (invalid JSON, a mutation over GET) carry a code, but the invalid-JSON one
 * also echoes the parser's message about the caller's body in `originalError`; that is dropped.
 * Yoga kept its 400 only because of that echo (a `spec` error under `Accept: application/json`
 * is otherwise answered 200), so the echo's `spec` mark goes with it. A 405 gets the code that
 * says so.
 */
function withoutInternals(error: GraphQLError): GraphQLError {
  const { originalError: echo, ...extensions } = error.extensions as Record<string, unknown>;
  const http = extensions.http as { status?: number; spec?: boolean } | undefined;
  if (echo === undefined && http?.status !== 405) return error;
  if (http?.status === 405) extensions.code = 'METHOD_NOT_ALLOWED';
  if (echo !== undefined && http) extensions.http = { ...http, spec: false };
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions });
}

/** Used as Yoga's `maskedErrors.maskError`. */
export function maskError(error: unknown, message: string): Error {
  const unwrapped = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  // An FTS5 expression SQLite could not read is the caller's search to fix, not a server fault.
  const original = searchErrorFrom(unwrapped) ?? unwrapped;
  if (original instanceof QueryError) {
    return new GraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: original.code, ...(original.argument ? { argument: original.argument } : {}) },
    });
  }
  const storage = toStorageError(original);
  if (storage) return storageGraphQLError(storage, error);
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') {
    return withoutInternals(
      error instanceof GraphQLError && error !== original
        ? new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions })
        : original,
    );
  }
  // graphql-js reports variables that do not fit their types (an unknown enum value, a string for
  // an Int) without a code; they are the caller's to fix, and the message says what is wrong.
  if (error instanceof GraphQLError && /^Variable "\$\w+"/.test(error.message)) {
    return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/**
 * A storage fault as the caller sees it: its code, whether a retry can succeed, and HTTP 503 (the
 * server cannot do it now) with `Retry-After` when waiting helps. Yoga turns `extensions.http` into
 * the response's status and headers and leaves it out of the body.
 */
function storageGraphQLError(storage: StorageError, error: unknown): GraphQLError {
  const retryAfter = storage.retryAfterSeconds;
  return new GraphQLError(storage.message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: {
      code: storage.code satisfies ErrorCode,
      retryable: storage.retryable,
      http: { status: 503, ...(retryAfter ? { headers: { 'Retry-After': String(retryAfter) } } : {}) },
    },
  });
}

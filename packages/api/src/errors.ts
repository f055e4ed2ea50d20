/**
 * The API's error contract: every error a client sees carries `extensions.code`. Errors the
 * client can fix (bad arguments, unknown IDs) say what to change; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR with no message detail or stack trace.
 */
import { QueryError, type StorageError, searchErrorFrom, toStorageError } from '@bilateral/store';
import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` a client can receive, with what it means and what to do. The schema's
 * `ErrorCode` enum is built from this list, and through it the SDK's `BilateralError.code`: add a
 * code here on its own line, then run `schema:print` and `codegen`.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT:
    'An argument or variable is wrong: out of range, malformed, or not a value of its type. `extensions.argument` names it when known; fix it and send the request again.',
  INVALID_ID:
    'An ID is malformed or belongs to another type. IDs are opaque: use the `id` fields the API returns, unchanged.',
  INVALID_CURSOR:
    "A paging cursor (`after` or `before`) is malformed or comes from another list. Use a cursor from the same list's `pageInfo` or `edges`.",
  INVALID_DATE: 'A date argument is not a date the API can read. Use EDTF such as `2014`, `2014-06` or `2014-06-03`.',
  INVALID_SEARCH:
    'Search text could not be read, for example an unclosed quote or a dangling operator. The syntax is described on `Query.search`.',
  NOT_FOUND: 'No record has this slug or ID: check it; the record may have been merged into another or never existed.',
  UNAUTHENTICATED:
    'This operation needs an API key and none was sent, or the key is unknown or revoked. Send `Authorization: Bearer <key>`.',
  FORBIDDEN: 'The API key is valid but lacks the scope this operation needs (writes need `write`).',
  QUERY_TOO_DEEP:
    'The document nests fields, or the lists and objects of an argument value, deeper than the server allows. Split it into several requests, or send flatter values.',
  PAYLOAD_TOO_LARGE:
    'The request body is larger than the server accepts (1 MiB, HTTP 413); `extensions.limit` gives the size in bytes.',
  METHOD_NOT_ALLOWED: 'The HTTP method is not one this route answers; the exports under `/export/` answer GET only.',
  BAD_REQUEST:
    'The HTTP request is not a GraphQL request the server can read: malformed JSON, a missing `query`, an unknown parameter, or a mutation sent by GET.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax; the message and `locations` point at the problem.',
  GRAPHQL_VALIDATION_FAILED:
    'The document asks for a field, argument or type the schema does not have, or breaks a validation rule; the message says which.',
  OPERATION_RESOLUTION_FAILURE: 'The document holds several operations and `operationName` does not name one of them.',
  PERSISTED_QUERY_NOT_FOUND:
    'The server does not know this document ID. Send the full document text as `query` instead (`@bilateral/sdk` does this by itself).',
  PERSISTED_QUERY_ONLY:
    'The server runs only trusted documents (TRUSTED_DOCUMENTS_ONLY): send the `documentId` of an operation in the SDK manifest, not `query`.',
  NOT_ACCEPTABLE:
    'The `Accept` header asks for a media type the server cannot answer with. Accept `application/graphql-response+json` or `application/json`.',
  UNSUPPORTED_MEDIA_TYPE:
    'A POST body that is not `application/json` (HTTP 415). Forms and plain text are refused so that no web page can drive the API; send JSON.',
  ORIGIN_NOT_ALLOWED:
    "A browser preflight from an origin that is not in the server's `CORS_ORIGINS` allow-list (HTTP 403). Ask the operator to list the origin.",
  REQUEST_HEADERS_TOO_LARGE:
    'The URL or headers are larger than the server accepts (HTTP 431). Send the document by POST.',
  STORAGE_FULL:
    "The server's disk is full, so the write was not made and its idempotency key not stored (HTTP 503, `extensions.retryable`: retry later with the same key, after `Retry-After`).",
  STORAGE_READ_ONLY:
    'The server serves a read-only database (a snapshot, a replica or `READ_ONLY`): reads work, writes are refused and will not succeed on retry. Except with `extensions.retryable: true` (HTTP 503, `Retry-After`): the database is a standby a failover is promoting; send the write again after `Retry-After` with the same idempotency key.',
  STORAGE_UNAVAILABLE:
    "The server's storage failed (an I/O error); nothing was written. Retry later with the same idempotency key, after `Retry-After`.",
  BUSY: 'The server cannot take this now (HTTP 503, `extensions.retryable`, `Retry-After`): the database stayed locked by another writer past the wait limit (nothing was written; retry with the same idempotency key), or the server is already running and queueing as many costly queries as it takes at once (retry after `Retry-After`).',
  QUERY_TOO_COSTLY:
    'The operation would cost more than the per-request budget (`extensions.cost` against `extensions.limit`), priced before anything runs: ask for smaller pages or fewer nested lists.',
  TOO_MANY_TOKENS:
    'The document is longer than the server parses (`extensions.limit` tokens). Send a smaller document.',
  TOO_MANY_ALIASES: 'The document uses more aliases than the server allows. Fetch repeated fields in several requests.',
  TOO_MANY_DIRECTIVES: 'The document uses more directives than the server allows.',
  FIELD_DUPLICATED: 'One selection asks for the same field more times than the server allows; ask for it once.',
  RESUME_POINT_TOO_OLD:
    'More changes were committed after the `after` cursor sent to `eventChanged` than the server replays (`extensions.argument` is `after`). Read what you show again, then subscribe without `after`, or catch up through `changes(since:)` and subscribe with its newest `cursor`.',
  RATE_LIMITED:
    'This client spent its query-cost budget for the minute (HTTP 429). Wait for `Retry-After` seconds, or make cheaper requests.',
  INTERNAL_SERVER_ERROR:
    'Something unexpected failed on the server. The details are in its log, not in the answer; try again later or report it.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

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
      extensions: {
        code: original.code satisfies ErrorCode,
        ...(original.argument ? { argument: original.argument } : {}),
      },
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
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
    });
  }
  return new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
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

/**
 * The API's error contract: every error a client sees carries `extensions.code`. Errors the
 * client can fix (bad arguments, unknown IDs) say what to change; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR with no message detail or stack trace.
 */
import { QueryError } from '@bilateral/store';
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
  QUERY_TOO_DEEP: 'The document nests fields deeper than the server allows. Split it into several requests.',
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
  INTERNAL_SERVER_ERROR:
    'Something unexpected failed on the server. The details are in its log, not in the answer; try again later or report it.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function userError(code: ErrorCode, message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(argument ? { argument } : {}) } });
}

/** Used as Yoga's `maskedErrors.maskError`. */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
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
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') {
    return error instanceof GraphQLError && error !== original
      ? new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions })
      : original;
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

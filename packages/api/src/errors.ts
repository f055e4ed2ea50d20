/**
 * The API's error contract: every error a client sees carries `extensions.code`. Errors the
 * client can fix (bad arguments, unknown IDs) say what to change; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR with no message detail or stack trace.
 */
import { QueryError } from '@bilateral/store';
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
  | 'BAD_REQUEST'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_ONLY';

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
      extensions: { code: original.code, ...(original.argument ? { argument: original.argument } : {}) },
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
    return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

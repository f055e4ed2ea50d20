/**
 * The API's error contract: every error a client sees carries `extensions.code`. Errors the
 * client can fix (bad arguments, unknown IDs) say what to change; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR with no message detail or stack trace.
 */
import { QueryError, type StorageError, toStorageError } from '@bilateral/store';
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
  // Storage faults (StorageError from the store): each carries extensions.retryable.
  | 'STORAGE_FULL'
  | 'STORAGE_READ_ONLY'
  | 'STORAGE_UNAVAILABLE'
  | 'BUSY';

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
  const storage = toStorageError(original);
  if (storage) return storageGraphQLError(storage, error);
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

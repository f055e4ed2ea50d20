// The error contract of docs/querying.md ("Errors") at the one place every GraphQL error passes:
// each kind of failure keeps its code, its argument and its path, and nothing internal leaks.
import { QueryError } from '@bilateral/store';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorResponse, maskError, userError } from './errors.ts';

/** An error as a resolver's failure reaches Yoga: wrapped by graphql-js with the field's path. */
const fromResolver = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['events', 0] });
const masked = (error: unknown) => maskError(error, 'Unexpected error.') as GraphQLError;
const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('maskError', () => {
  it("keeps a QueryError's code, argument, message and path", () => {
    const error = masked(fromResolver(new QueryError('INVALID_DATE', '"June" is not a date.', 'filter.from')));
    expect(error).toBeInstanceOf(GraphQLError);
    expect({ message: error.message, path: error.path, extensions: error.extensions }).toEqual({
      message: '"June" is not a date.',
      path: ['events', 0],
      extensions: { code: 'INVALID_DATE', argument: 'filter.from' },
    });
  });

  it('leaves out the argument when the error is about no single argument, and needs no wrapper', () => {
    const error = masked(new QueryError('NOT_FOUND', 'No such event.'));
    expect({ message: error.message, path: error.path, extensions: error.extensions }).toEqual({
      message: 'No such event.',
      path: undefined,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it.each([
    ['SQLITE_FULL', 'STORAGE_FULL', true, '60'],
    ['SQLITE_BUSY', 'BUSY', true, '1'],
    ['SQLITE_READONLY', 'STORAGE_READ_ONLY', false, undefined],
  ])('turns %s into %s (retryable: %s) with HTTP 503 and Retry-After %s', (raw, code, retryable, retryAfter) => {
    const error = masked(fromResolver(sqliteError(raw, 'database trouble')));
    expect(error.path).toEqual(['events', 0]);
    expect(error.extensions).toEqual({
      code,
      retryable,
      http: { status: 503, ...(retryAfter ? { headers: { 'Retry-After': retryAfter } } : {}) },
    });
  });

  it("passes a coded GraphQL error through, at the outer error's path", () => {
    const inner = new GraphQLError('Only admins may do that.', { extensions: { code: 'FORBIDDEN' } });
    const error = masked(new GraphQLError('wrapped', { originalError: inner, path: ['createEvent'] }));
    expect({ message: error.message, path: error.path, extensions: error.extensions }).toEqual({
      message: 'Only admins may do that.',
      path: ['createEvent'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(masked(inner)).toBe(inner);
  });

  it("drops the parser's echo of the caller's body, and answers a 405 as METHOD_NOT_ALLOWED", () => {
    const invalidJson = masked(
      new GraphQLError('POST body sent invalid JSON.', {
        extensions: {
          code: 'BAD_REQUEST',
          originalError: { message: 'Unexpected token' },
          http: { status: 400, spec: true },
        },
      }),
    );
    expect(invalidJson.extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 400, spec: false } });
    const overGet = masked(
      new GraphQLError('Can only perform a mutation operation from a POST request.', {
        extensions: { code: 'BAD_REQUEST', http: { status: 405, headers: { Allow: 'POST' } } },
      }),
    );
    const echoOnly = masked(
      new GraphQLError('Bad body.', {
        extensions: { code: 'BAD_REQUEST', originalError: { message: 'Unexpected token' } },
      }),
    );
    expect(echoOnly.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(overGet.extensions).toEqual({
      code: 'METHOD_NOT_ALLOWED',
      http: { status: 405, headers: { Allow: 'POST' } },
    });
  });

  it("answers a variable that does not fit its type as BAD_USER_INPUT with graphql-js's explanation", () => {
    const message = 'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"';
    expect(masked(new GraphQLError(message)).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(masked(new GraphQLError(`Argument ${message}`)).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('masks anything else as INTERNAL_SERVER_ERROR with the given message, keeping only the path', () => {
    const error = masked(fromResolver(new TypeError('Cannot read properties of undefined (reading "secret")')));
    expect({ message: error.message, path: error.path, extensions: error.extensions }).toEqual({
      message: 'Unexpected error.',
      path: ['events', 0],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(error)).not.toMatch(/secret|TypeError|at \S+:\d+/);
    expect(masked('a thrown string').extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('userError and errorResponse', () => {
  it('carry the code, and the argument only when there is one', () => {
    expect(userError('INVALID_ID', 'Not an ID.', 'id').extensions).toEqual({ code: 'INVALID_ID', argument: 'id' });
    expect(userError('FORBIDDEN', 'No.').extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('answers a refusal with its status, a GraphQL-shaped JSON body and the given headers', async () => {
    const response = errorResponse(
      { Response },
      413,
      'PAYLOAD_TOO_LARGE',
      'Too large.',
      { limit: 10 },
      { Connection: 'close' },
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({
      errors: [{ message: 'Too large.', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 10 } }],
    });
    const plain = errorResponse({ Response }, 404, 'NOT_FOUND', 'Nothing here.');
    expect(await plain.json()).toEqual({ errors: [{ message: 'Nothing here.', extensions: { code: 'NOT_FOUND' } }] });
  });
});

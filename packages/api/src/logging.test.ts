import { QueryError } from '@bilateral/store';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userError } from './errors.ts';
import { operatorLogger } from './logging.ts';

afterEach(() => vi.restoreAllMocks());

describe('the operator log', () => {
  it('writes an error already answered to the caller as one line without a stack', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lines = vi.spyOn(console, 'info').mockImplementation(() => {});
    operatorLogger.error(
      new GraphQLError('No Event has\nthe slug "x".', { extensions: { code: 'NOT_FOUND' }, path: ['event'] }),
    );
    operatorLogger.error(
      new GraphQLError(`Variable "$k" got invalid value "${'x'.repeat(100_000)}"`, {
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    );
    expect(errors).not.toHaveBeenCalled();
    expect(lines.mock.calls.map((call) => call.length)).toEqual([1, 1]);
    expect(lines.mock.calls[0]![0]).toBe('answered NOT_FOUND at event: No Event has the slug "x".');
    const long = lines.mock.calls[1]![0] as string;
    expect(long).toMatch(/^answered BAD_USER_INPUT: Variable "\$k" got invalid value "x+…$/);
    expect(long.length).toBeLessThan(400);
    expect(long).not.toContain('\n');
  });

  it("writes a store's QueryError as the code it was answered with, and each error once", () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lines = vi.spyOn(console, 'info').mockImplementation(() => {});
    const wrapped = new GraphQLError('x', {
      originalError: new QueryError('INVALID_SEARCH', 'The search has more than 32 words.', 'query'),
      path: ['search'],
    });
    operatorLogger.error(wrapped);
    operatorLogger.error(wrapped);
    expect(errors).not.toHaveBeenCalled();
    expect(lines.mock.calls).toEqual([['answered INVALID_SEARCH at search: The search has more than 32 words.']]);
  });

  it('keeps unexpected errors at ERR with their stack', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const boom = new GraphQLError('Unexpected error.', { originalError: new TypeError('boom') });
    operatorLogger.error(boom);
    operatorLogger.error(new GraphQLError('masked', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    const other = new GraphQLError('Unexpected error.', { originalError: new RangeError('bang') });
    operatorLogger.error(userError('NOT_FOUND', 'answered'), other);
    expect(errors).toHaveBeenCalledTimes(3);
    expect(errors.mock.calls[0]![0]).toBe(boom);
    expect(errors.mock.calls[2]).toEqual([other]);
  });
});

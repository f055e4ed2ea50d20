import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userError } from './errors.ts';
import { operatorLogger } from './logging.ts';

afterEach(() => vi.restoreAllMocks());

describe('the operator log', () => {
  it('leaves out errors already answered to the caller and keeps the unexpected ones', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    operatorLogger.error(userError('NOT_FOUND', 'No Event has the slug "x".'));
    operatorLogger.error(
      new GraphQLError('Variable "$k" got invalid value', { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    expect(logged).not.toHaveBeenCalled();
    const boom = new GraphQLError('Unexpected error.', { originalError: new TypeError('boom') });
    operatorLogger.error(boom);
    operatorLogger.error(new GraphQLError('masked', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged.mock.calls[0]![0]).toBe(boom);
  });
});

import { openFixtureStore, sqliteDatabaseOf } from '@bilateral/store/testing';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from './errors.ts';

describe('maskError', () => {
  it("answers an FTS5 expression SQLite cannot read as the caller's INVALID_SEARCH, not an internal error", () => {
    const store = openFixtureStore();
    let failure: unknown;
    try {
      // Past toFtsQuery's limits on purpose: this is the net for whatever slips through them.
      sqliteDatabaseOf(store)
        .$client.prepare('select rowid from event_search where event_search match ?')
        .all(`${'('.repeat(200)}"a"${')'.repeat(200)}`);
    } catch (error) {
      failure = error;
    } finally {
      store.close();
    }
    const masked = maskError(new GraphQLError('x', { originalError: failure as Error, path: ['events'] }), 'masked');
    expect(masked).toBeInstanceOf(GraphQLError);
    expect((masked as GraphQLError).extensions.code).toBe('INVALID_SEARCH');
    expect((masked as GraphQLError).path).toEqual(['events']);
    expect(masked.message).toMatch(/fewer parentheses and operators/);
    expect(maskError(new GraphQLError('x', { originalError: new Error('disk I/O error') }), 'masked')).toMatchObject({
      message: 'masked',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

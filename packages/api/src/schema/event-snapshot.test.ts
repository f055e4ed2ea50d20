import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';
import { asOfInstant } from './event-snapshot.ts';

const api = useFixtureApi();

const refusal = (asOf: string) => {
  try {
    asOfInstant(asOf);
  } catch (error) {
    return error instanceof GraphQLError ? { message: error.message, ...error.extensions } : error;
  }
  return undefined;
};

describe('asOfInstant', () => {
  it('reads a day as its end in UTC, and a timestamp as given', () => {
    expect(asOfInstant('2024-02-29')).toBe('2024-02-29T23:59:59.999Z');
    expect(asOfInstant('2026-03-01T10:00:00+02:00')).toBe('2026-03-01T08:00:00.000Z');
  });

  it('refuses an impossible day instead of rolling it over into the next month', () => {
    for (const asOf of ['2026-02-30', '2026-02-29T10:00:00Z', '2026-04-31', '2026-13-01']) {
      expect(refusal(asOf), asOf).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    }
    expect(refusal('2026-02-30')).toMatchObject({ message: expect.stringContaining('February 2026 has 28 days') });
  });

  it('is refused through the API with BAD_USER_INPUT', async () => {
    const result = await execute(
      api.yoga,
      '{ event(slug: "2014-russia-lifts-arms-embargo", asOf: "2026-02-30") { title } }',
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });
});

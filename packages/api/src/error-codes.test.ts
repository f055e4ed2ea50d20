// Every code the server answers with is listed in ERROR_CODES, and so in the schema's ErrorCode
// enum and the SDK's BilateralError.code: codes set by graphql-yoga and graphql-js included.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.ts';
import { schema } from './schema/index.ts';
import { useFixtureApi } from './testing/fixture-api.ts';

const api = useFixtureApi();
const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function codesOf(path: string, init: RequestInit): Promise<string[]> {
  const response = await api.yoga.fetch(`http://bilateral.test${path}`, init);
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return (body.errors ?? []).map((error) => error.extensions?.code ?? 'MISSING');
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers, body: JSON.stringify(body) });

describe('error codes', () => {
  it('are the values of the ErrorCode enum, each described', () => {
    const values = schema.getType('ErrorCode')?.toConfig() as { values: Record<string, { description?: string }> };
    expect(Object.keys(values.values).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const value of Object.values(values.values)) expect(value.description).toBeTruthy();
  });

  it('cover what the server answers to malformed, invalid and unknown requests', async () => {
    const answers = {
      BAD_REQUEST: await codesOf('/graphql', { method: 'POST', headers, body: '{not json' }),
      GRAPHQL_PARSE_FAILED: await codesOf('/graphql', post({ query: '{ events(first: 1' })),
      GRAPHQL_VALIDATION_FAILED: await codesOf('/graphql', post({ query: '{ nothingHere }' })),
      OPERATION_RESOLUTION_FAILURE: await codesOf(
        '/graphql',
        post({ query: 'query A { __typename } query B { __typename }' }),
      ),
      BAD_USER_INPUT: await codesOf(
        '/graphql',
        post({ query: 'query($n: Int) { events(first: $n) { totalCount } }', variables: { n: 'x' } }),
      ),
      NOT_FOUND: await codesOf('/graphql', post({ query: '{ event(slug: "1999-nothing") { id } }' })),
      INVALID_ID: await codesOf('/graphql', post({ query: '{ node(id: "zz") { id } }' })),
      UNAUTHENTICATED: await codesOf('/graphql', post({ query: 'mutation { archiveEvent(id: "x") { replayed } }' })),
      METHOD_NOT_ALLOWED: await codesOf('/export/events.csv', { method: 'POST' }),
    };
    for (const [expected, codes] of Object.entries(answers)) {
      expect(codes, expected).toEqual([expected]);
      expect(Object.keys(ERROR_CODES)).toContain(expected);
    }
  });
});

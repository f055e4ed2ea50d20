import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';

const api = useFixtureApi();

async function run(body: { query: string; operationName?: string; variables?: Record<string, unknown> }) {
  const response = await api.yoga.fetch('http://bilateral.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('compiled execution', () => {
  it('answers the operation named in each request when one document holds several', async () => {
    const query = 'query Events { events(first: 1) { totalCount } } query Actors { actors(first: 1) { totalCount } }';
    for (const round of [1, 2]) {
      expect(await run({ query, operationName: 'Events' }), `round ${round}`).toMatchObject({
        data: { events: { totalCount: 3 } },
      });
      expect(await run({ query, operationName: 'Actors' }), `round ${round}`).toMatchObject({
        data: { actors: { totalCount: 5 } },
      });
    }
  });

  it('refuses an operation name the document does not hold, with a code, and still answers the ones it does', async () => {
    const query = 'query Events { events(first: 1) { totalCount } } query Actors { actors(first: 1) { totalCount } }';
    for (const name of ['Missing', 'AlsoMissing']) {
      const refused = await run({ query, operationName: name });
      expect(refused.data).toBeUndefined();
      expect(refused.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_RESOLUTION_FAILURE' }) }),
      ]);
    }
    expect(await run({ query, operationName: 'Actors' })).toMatchObject({ data: { actors: { totalCount: 5 } } });
  });

  it('reads the variables of each request, not those the document was first compiled with', async () => {
    const query = 'query ($first: Int) { events(first: $first) { edges { node { slug } } } }';
    const sizes = [];
    for (const first of [1, 2, 1]) {
      const result = await execute<{ events: { edges: unknown[] } }>(api.yoga, query, { first });
      sizes.push(result.data?.events.edges.length);
    }
    expect(sizes).toEqual([1, 2, 1]);
  });

  it('keeps a resolver error on its field, with its code, and the rest of the data', async () => {
    const result = await execute(
      api.yoga,
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } events(first: 1) { totalCount } }',
      { ids: ['not-an-id'] },
    );
    expect(result.data).toEqual({ nodes: [null], events: { totalCount: 3 } });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['nodes', 0], extensions: expect.objectContaining({ code: 'INVALID_ID' }) }),
    ]);
  });

  it("refuses variables that do not fit their types with graphql-js's explanation, the same on every request", async () => {
    const query =
      'query ($first: Int, $kinds: [EventKind!]) { events(first: $first, filter: { kinds: $kinds }) { totalCount } }';
    for (const round of [1, 2]) {
      const wrongNumber = await execute(api.yoga, query, { first: 'ten' });
      expect(wrongNumber.errors, `round ${round}`).toEqual([
        expect.objectContaining({
          message: 'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      const wrongKind = await execute(api.yoga, query, { kinds: ['PICNIC'] });
      expect(wrongKind.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^Variable "\$kinds" got invalid value "PICNIC" at "kinds\[0\]"; Value "PICNIC" does not exist in "EventKind" enum\./,
        ),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect((await execute(api.yoga, query, { first: 1, kinds: null })).errors).toBeUndefined();
  });
});

import { type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleOperations } from '../graphiql/examples.ts';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';
import { MAX_QUERY_COST, priceKey } from './cost-limit.ts';
import { MAX_ALIASES } from './document-limits.ts';
import { PAGE_FIELD_COST, UNPAGED_LIST_BOUND } from './pricing.ts';

const api = useFixtureApi();
const tabs = exampleOperations();

describe('the cost limit', () => {
  it.each(tabs.map((tab) => [tab.name, tab] as const))(
    'fits the %s tab with its example variables',
    async (_name, tab) => {
      const result = await execute(api.yoga, tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect(result.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('QUERY_TOO_COSTLY');
      expect(result.extensions?.cost).toBeGreaterThan(0);
      expect(result.extensions?.cost).toBeLessThanOrEqual(MAX_QUERY_COST);
    },
  );

  it('fits the Events operation at the page size allEvents asks for (100)', async () => {
    const events = tabs.find((tab) => tab.name === 'Events')!;
    const result = await execute(api.yoga, events.query, { first: 100 });
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cost).toBeLessThanOrEqual(MAX_QUERY_COST / 2);
  });

  it('lets a request hold two whole-dataset scans, not three', async () => {
    const two = await execute(
      api.yoga,
      '{ cooperationIndex { years { year } } eventStats(groupBy: [YEAR]) { totalCount } }',
    );
    expect(two.errors).toBeUndefined();
    const three = await execute(
      api.yoga,
      '{ cooperationIndex { years { year } } eventStats(groupBy: [YEAR]) { totalCount } actorNetwork { edges { weight } } }',
    );
    expect(three.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('prices a field at one point and multiplies by the page size or the list bound', async () => {
    // events 1000 + 3 × (edges 1 + node 1 + slug 1 + participants (1 + 5 × role 1))
    const result = await execute(api.yoga, '{ events(first: 3) { edges { node { slug participants { role } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cost).toBe(PAGE_FIELD_COST + 3 * (3 + 1 + UNPAGED_LIST_BOUND));
    const byDefault = await execute(api.yoga, '{ events { totalCount } }');
    expect(byDefault.extensions?.cost).toBe(PAGE_FIELD_COST + 20 * 1);
    const byVariable = await execute(api.yoga, 'query ($n: Int) { events(first: $n) { totalCount } }', { n: 7 });
    expect(byVariable.extensions?.cost).toBe(PAGE_FIELD_COST + 7 * 1);
  });

  it('prices the same document anew for each page size, however often it was sent', async () => {
    const query = `query ($n: Int, $slug: String!) {
      actor(slug: $slug) { name }
      events(first: $n) { totalCount }
    }`;
    const costOf = async (variables: Record<string, unknown>) =>
      (await execute(api.yoga, query, variables)).extensions?.cost;
    const asked = [
      { n: 7, slug: 'russia' },
      { n: 9, slug: 'russia' },
      { n: 7, slug: 'pakistan' },
      { n: 9, slug: 'pakistan' },
      { n: 100, slug: 'russia' },
    ];
    const costs = [];
    for (const variables of asked) costs.push(await costOf(variables));
    expect(costs).toEqual([
      2 + PAGE_FIELD_COST + 7,
      2 + PAGE_FIELD_COST + 9,
      2 + PAGE_FIELD_COST + 7,
      2 + PAGE_FIELD_COST + 9,
      2 + PAGE_FIELD_COST + 100,
    ]);
  });

  it('keys a kept price by the variables a price can depend on only (Int, Boolean, lists)', () => {
    const [operation] = parse(
      'query ($id: ID!, $text: String, $first: Int!, $ids: [ID!]!, $flag: Boolean, $filter: EventFilter) { __typename }',
    ).definitions as OperationDefinitionNode[];
    const key = (variables: Record<string, unknown>) => priceKey(operation!, variables);
    const base = { id: 'a', text: 'x', first: 5, ids: ['a'], flag: true, filter: { kinds: ['VISIT'] } };
    expect(key({ ...base, id: 'b', text: 'y', filter: {} })).toBe(key(base));
    expect(key({ ...base, first: 6 })).not.toBe(key(base));
    expect(key({ ...base, ids: ['a', 'b'] })).not.toBe(key(base));
    expect(key({ ...base, flag: false })).not.toBe(key(base));
    const [lookup] = parse('query ($id: ID!) { __typename }').definitions as OperationDefinitionNode[];
    expect(priceKey(lookup!, { id: 'a' })).toBeUndefined();
  });

  it('reports the cost of every response: answered, failed in a resolver, or refused before running', async () => {
    expect((await execute(api.yoga, '{ actor(slug: "russia") { name } }')).extensions?.cost).toBe(2);
    const notFound = await execute(api.yoga, '{ actor(slug: "nobody") { name } }');
    expect(notFound.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(notFound.extensions?.cost).toBe(2);
    const invalid = await execute(api.yoga, '{ actor(slug: "russia") { nothing } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.extensions?.cost).toBe(0);
  });

  it('refuses an operation over the budget before any resolver runs', async () => {
    const query = `mutation { ${Array.from({ length: MAX_ALIASES }, (_, index) => `a${index}: archiveEvent(id: "RXZlbnQ6MQ==") { event { participants { actor { events(first: 100) { edges { node { slug title summary participants { role } } } } } } } }`).join(' ')} }`;
    const result = await execute(api.yoga, query);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
    // Without a key the mutation would have failed with UNAUTHENTICATED had any resolver run.
    expect(result.data).toBeUndefined();
  });
});

/**
 * Hostile requests against the GraphQL layer: each is refused with its code before it can cost the
 * server anything, quickly, without a stack trace, and the server answers a plain query afterwards.
 * Every verdict is checked on both databases (SQLite, and PostgreSQL through PGlite): a refusal must
 * not depend on the store. The HTTP boundary (content types, CORS, exports, search input) has its own suite.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_COST } from '../limits/cost-limit.ts';
import { MAX_ALIASES, MAX_DIRECTIVES, MAX_FIELD_REPEATS, MAX_NESTING, MAX_TOKENS } from '../limits/document-limits.ts';
import { MAX_NODE_IDS } from '../limits/pricing.ts';
import { MAX_QUERY_DEPTH } from '../limits/query-depth.ts';
import { useFixtureApiOnEachDatabase } from '../testing/fixture-api.ts';
import { expectRefused, type HostileRequest, send } from './harness.ts';

const databases = useFixtureApiOnEachDatabase();

const repeat = (count: number, make: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => make(index)).join(' ');

/** `actor → events(first: 100) → participants → actor → events(first: 100) → …`, `hops` pages deep. */
const fanOut = (hops: number, leaf = 'title') => {
  let selection = leaf;
  for (let hop = 0; hop < hops; hop++) {
    const node = hop === 0 ? selection : `participants { actor { ${selection} } }`;
    selection = `events(first: 100) { edges { node { ${node} } } }`;
  }
  return `{ actor(slug: "russia") { ${selection} } }`;
};

/** Fragments that each spread the next one twice: 2^levels copies of the innermost selection. */
const doublingFragments = (levels: number, type = 'Query', leaf = '__typename') =>
  `query { ...F0 }\n${repeat(levels, (index) => `fragment F${index} on ${type} { ...F${index + 1} ...F${index + 1} }`)}\nfragment F${levels} on ${type} { ${leaf} }`;

const nestedFields = (levels: number) => {
  const path = ['events(first: 1)', 'edges', 'node', 'participants', 'actor'];
  const fields = Array.from({ length: levels - 1 }, (_, index) => path[index % path.length]);
  return `{ ${fields.map((field) => `${field} {`).join(' ')} __typename ${'} '.repeat(fields.length)}}`;
};

const EVENT_FIELDS =
  'id slug title summary kind sectors date { display } participants { role actor { slug name } } citations { paragraph source { slug } }';
const eventIds = (count: number) => Array.from({ length: count }, (_, index) => encodeGlobalID('Event', index + 1));
const post = (query: string, variables?: Record<string, unknown>): HostileRequest => ({ body: { query, variables } });

type Case = [name: string, request: HostileRequest, code: string, status?: number];

const cost: Case[] = [
  ['a 3-hop fan-out actor → events(100) → participants → actor → …', post(fanOut(3)), 'QUERY_TOO_COSTLY'],
  ['a 2-hop fan-out of 100-event pages', post(fanOut(2, EVENT_FIELDS)), 'QUERY_TOO_COSTLY'],
  [
    'every actor with 100 events, each with its actors’ 100 events',
    post(
      '{ actors(first: 100) { edges { node { events(first: 100) { edges { node { participants { actor { events(first: 100) { totalCount } } } } } } } } } }',
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    `${MAX_ALIASES} aliases of a full 100-event page`,
    post(
      `{ ${repeat(MAX_ALIASES, (index) => `a${index}: events(first: 100) { edges { node { ${EVENT_FIELDS} } } }`)} }`,
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    'a page size passed as a variable',
    post(
      'query ($n: Int) { events(first: $n) { edges { node { participants { actor { events(first: $n) { edges { node { ' +
        EVENT_FIELDS +
        ' } } } } } } } } }',
      { n: 100 },
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    'pages counted from the end (`last`)',
    post(
      `{ events(last: 100) { edges { node { participants { actor { events(last: 100) { edges { node { ${EVENT_FIELDS} } } } } } } } } }`,
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    'nodes(ids:) with 100 IDs each opening 100 events',
    post(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Actor { events(first: 100) { edges { node { ' +
        EVENT_FIELDS +
        ' } } } } } }',
      { ids: eventIds(MAX_NODE_IDS) },
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    'three whole-dataset aggregates in one request',
    post(
      '{ a: cooperationIndex { years { year } } b: cooperationIndex { years { year } } c: cooperationIndex { years { year } } }',
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    `${MAX_ALIASES} whole-dataset aggregates in one request`,
    post(`{ ${repeat(MAX_ALIASES, (index) => `c${index}: cooperationIndex { years { year } }`)} }`),
    'QUERY_TOO_COSTLY',
  ],
  [
    'statistics buckets each opening the events they count',
    post(
      `{ eventStats(groupBy: [YEAR, KIND]) { buckets { count } } actorNetwork { nodes { actor { events(first: 100) { edges { node { ${EVENT_FIELDS} } } } } } } }`,
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    'search results opening each actor’s events',
    post(
      '{ search(query: "russia", first: 100) { edges { node { record { ... on Actor { events(first: 100) { edges { node { ' +
        EVENT_FIELDS +
        ' } } } } } } } } }',
    ),
    'QUERY_TOO_COSTLY',
  ],
  [
    'relationships of relationships',
    post(
      '{ actor(slug: "pakistan") { relationships(first: 100) { edges { node { actor { relationships(first: 100) { edges { node { actor { events(first: 100) { totalCount } } } } } } } } } } }',
    ),
    'QUERY_TOO_COSTLY',
  ],
  ['40 levels of doubling fragments', post(doublingFragments(40)), 'QUERY_TOO_COSTLY'],
  [
    '30 levels of doubling fragments over an event page',
    post(
      `{ events(first: 100) { edges { node { ...F0 } } } }\n${repeat(30, (index) => `fragment F${index} on Event { ...F${index + 1} ...F${index + 1} }`)}\nfragment F30 on Event { title }`,
    ),
    'QUERY_TOO_COSTLY',
  ],
  ['a costly query sent with GET', { method: 'GET', params: { query: fanOut(3) } }, 'QUERY_TOO_COSTLY'],
];

const documentShape: Case[] = [
  [
    `${MAX_ALIASES + 1} aliases`,
    post(`{ ${repeat(MAX_ALIASES + 1, (index) => `a${index}: __typename`)} }`),
    'TOO_MANY_ALIASES',
  ],
  [
    'aliases hidden in a fragment spread twice',
    post(
      `{ ...A b: actor(slug: "russia") { ...B } c: actor(slug: "pakistan") { ...B } } fragment A on Query { __typename } fragment B on Actor { ${repeat(MAX_ALIASES / 2, (index) => `n${index}: name`)} }`,
    ),
    'TOO_MANY_ALIASES',
  ],
  [
    'aliases spread over nested connections',
    post(
      `{ events(first: 1) { edges { node { ${repeat(MAX_ALIASES, (index) => `t${index}: title`)} participants { x: role } } } } }`,
    ),
    'TOO_MANY_ALIASES',
  ],
  [
    'thousands of aliases of a nested connection under the 1 MiB body limit',
    post(
      `{ ${repeat(5_000, (index) => `a${index}: actor(slug: "russia") { events(first: 100) { edges { node { participants { actor { events(first: 100) { totalCount } } } } } } }`)} }`,
    ),
    'TOO_MANY_TOKENS',
  ],
  ['a thousand inline fragments', post(`{ ${repeat(1_000, () => '... on Query { __typename }')} }`), 'TOO_MANY_TOKENS'],
  ['five thousand nested braces', post(`{ ${'events { '.repeat(5_000)}${'} '.repeat(5_000)}}`), 'TOO_MANY_TOKENS'],
  [
    'a thousand variable definitions',
    post(`query (${repeat(1_000, (index) => `$v${index}: Int`)}) { __typename }`),
    'TOO_MANY_TOKENS',
  ],
  [`a field selected ${MAX_TOKENS / 4} times`, post(`{ ${'__typename '.repeat(MAX_TOKENS / 4)} }`), 'FIELD_DUPLICATED'],
  [
    'a count selected four times',
    post(`{ events { ${'totalCount '.repeat(MAX_FIELD_REPEATS + 1)} } }`),
    'FIELD_DUPLICATED',
  ],
  [
    'a title repeated inside a page',
    post(`{ events(first: 100) { edges { node { ${'title '.repeat(50)} } } } }`),
    'FIELD_DUPLICATED',
  ],
  [
    `${MAX_DIRECTIVES + 1} @include directives`,
    post(
      `query ($yes: Boolean = true) { ${repeat(MAX_DIRECTIVES + 1, (index) => `a${index}: __typename @include(if: $yes)`)} }`,
    ),
    'TOO_MANY_DIRECTIVES',
  ],
  [
    'directives in a fragment spread three times',
    post(
      `{ events(first: 1) { edges { node { ...D } } } a: event(slug: "x") { ...D } b: event(slug: "y") { ...D } } fragment D on Event { ${repeat(4, (index) => `t${index}: title @skip(if: false)`)} }`,
    ),
    'TOO_MANY_DIRECTIVES',
  ],
  ['fifty unknown directives on one field', post(`{ __typename ${'@aa '.repeat(50)} }`), 'TOO_MANY_DIRECTIVES'],
];

const validation: Case[] = [
  [
    'fragments that spread each other',
    post('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    'a fragment that spreads itself',
    post('{ ...A } fragment A on Query { __typename ...A }'),
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [
    'a cycle through fifty fragments',
    post(`{ ...F0 } ${repeat(50, (index) => `fragment F${index} on Query { ...F${(index + 1) % 50} }`)}`),
    'GRAPHQL_VALIDATION_FAILED',
  ],
  [`a query ${MAX_QUERY_DEPTH + 1} levels deep`, post(nestedFields(MAX_QUERY_DEPTH + 1)), 'QUERY_TOO_DEEP'],
  ['a query 300 levels deep', post(nestedFields(300)), 'QUERY_TOO_DEEP'],
  // The parser recursed into these until its stack ran out (an uncoded INTERNAL_SERVER_ERROR) before it had read
  // enough tokens to refuse them; now the text is measured first.
  [
    'a list literal nested 3,000 deep in a filter',
    post(`{ events(first: 1, filter: { kinds: ${'['.repeat(3_000)}${']'.repeat(3_000)} }) { totalCount } }`),
    'TOO_MANY_TOKENS',
  ],
  [
    'input objects nested 2,000 deep in a filter',
    post(`{ events(first: 1, filter: ${'{ a: '.repeat(2_000)}1${' }'.repeat(2_000)}) { totalCount } }`),
    'TOO_MANY_TOKENS',
  ],
  [
    'a list literal nested 990 deep, within the token ceiling',
    post(`{ events(first: 1, filter: { kinds: ${'['.repeat(990)}${']'.repeat(990)} }) { totalCount } }`),
    'QUERY_TOO_DEEP',
  ],
  [
    'input objects nested 450 deep, within the token ceiling',
    post(`{ events(first: 1, filter: ${'{ a: '.repeat(450)}1${' }'.repeat(450)}) { totalCount } }`),
    'QUERY_TOO_DEEP',
  ],
  [
    'a variable’s default value nested 900 deep',
    post(`query ($f: EventFilter = ${'['.repeat(900)}${']'.repeat(900)}) { events(filter: $f) { totalCount } }`),
    'QUERY_TOO_DEEP',
  ],
  [
    'a nested literal sent with GET',
    { method: 'GET', params: { query: `{ node(id: ${'['.repeat(900)}${']'.repeat(900)}) { id } }` } },
    'QUERY_TOO_DEEP',
  ],
  [
    'depth built from a chain of fragments',
    post(
      `{ ...L0 } ${repeat(20, (index) => `fragment L${index} on ${index % 2 ? 'Actor' : 'Query'} { ${index % 2 ? 'events(first: 1) { edges { node { participants { actor {' : 'actor(slug: "russia") {'} ...L${index + 1} ${index % 2 ? '} } } } }' : '}'} }`)} fragment L20 on Query { __typename }`,
    ),
    'QUERY_TOO_DEEP',
  ],
  [
    `nodes(ids:) with ${MAX_NODE_IDS + 1} IDs`,
    post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: eventIds(MAX_NODE_IDS + 1) }),
    'BAD_USER_INPUT',
  ],
  [
    'nodes(ids:) with 20,000 IDs',
    post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: eventIds(20_000) }),
    'BAD_USER_INPUT',
  ],
];

const transport: Case[] = [
  [
    'a batch of two operations',
    { body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] },
    'BAD_REQUEST',
    400,
  ],
  [
    'a batch of a thousand costly operations',
    { body: Array.from({ length: 1_000 }, () => ({ query: fanOut(3) })) },
    'BAD_REQUEST',
    400,
  ],
  [
    'a mutation sent with GET',
    { method: 'GET', params: { query: 'mutation { archiveEvent(slug: "x") { userErrors { message } } }' } },
    'METHOD_NOT_ALLOWED',
    405,
  ],
  [
    'a mutation picked by operationName from a GET',
    {
      method: 'GET',
      params: {
        query: 'query Q { __typename } mutation M { archiveEvent(slug: "x") { userErrors { message } } }',
        operationName: 'M',
      },
    },
    'METHOD_NOT_ALLOWED',
    405,
  ],
];

describe.each(databases)('hostile GraphQL requests on %s', (_database, api) => {
  describe.each([
    ['cost', cost],
    ['document shape', documentShape],
    ['validation', validation],
    ['transport', transport],
  ])('%s', (_class, cases) => {
    it.each(cases)('refuses %s', async (_name, request, code, status = 200) => {
      await expectRefused(api.yoga, request, code, status);
    });
  });

  it('refuses an argument value nested one bracket past the ceiling, and parses one at it', async () => {
    // `{`, `(` and the filter's `{` are open around the list literal.
    const kinds = (levels: number) =>
      post(`{ events(first: 1, filter: { kinds: ${'['.repeat(levels)}${']'.repeat(levels)} }) { totalCount } }`);
    const refused = await expectRefused(api.yoga, kinds(MAX_NESTING - 2), 'QUERY_TOO_DEEP');
    expect(refused.body.errors![0]!.extensions).toMatchObject({ limit: MAX_NESTING });
    const parsed = await send(api.yoga, kinds(MAX_NESTING - 3));
    expect(parsed.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('prices a refused operation and states the limit', async () => {
    const answer = await expectRefused(api.yoga, post(fanOut(3)), 'QUERY_TOO_COSTLY');
    const [error] = answer.body.errors!;
    expect(error!.extensions).toMatchObject({ limit: MAX_QUERY_COST });
    expect(error!.extensions!.cost).toBeGreaterThan(MAX_QUERY_COST);
    expect(answer.body).not.toHaveProperty('data');
  });

  it('answers 40 levels of doubling fragments over a cheap leaf in milliseconds, whatever their count', async () => {
    // Priced as 2^40 copies of __typename: refused by cost, never walked copy by copy.
    const answer = await send(api.yoga, post(doublingFragments(40)));
    expect(answer.ms).toBeLessThan(500);
  });

  it('prices a costly subscription when it subscribes, before any event is sent', async () => {
    const query = `subscription { eventChanged { participants { actor { events(first: 100) { edges { node { participants { actor { events(first: 100) { edges { node { ${EVENT_FIELDS} } } } } } } } } } } } }`;
    await expectRefused(api.yoga, post(query), 'QUERY_TOO_COSTLY');
    const started = performance.now();
    const stream = await api.yoga.fetch('http://bilateral.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
    });
    const text = await stream.text();
    expect(text).toContain('"QUERY_TOO_COSTLY"');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

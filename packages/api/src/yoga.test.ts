import { openFixtureStore } from '@bilateral/store/testing';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from './testing/fixture-api.ts';
import { execute } from './testing/graphql.ts';
import { createBilateralYoga } from './yoga.ts';

const api = useFixtureApi();

const EVENTS = /* GraphQL */ `
  query ($filter: EventFilter, $orderBy: [EventOrder!], $first: Int, $after: String, $last: Int, $before: String) {
    events(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id slug date { earliest latest precision approximate display } } }
    }
  }`;

describe('events', () => {
  it('pages with cursors and counts every match', async () => {
    const first = await execute(api.yoga, EVENTS, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data.events.totalCount).toBe(3);
    expect(first.data.events.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.data.events.edges[0].node.date).toEqual({
      earliest: '2014-01-01',
      latest: '2014-12-31',
      precision: 'YEAR',
      approximate: false,
      display: '2014',
    });
    const next = await execute(api.yoga, EVENTS, { first: 2, after: first.data.events.pageInfo.endCursor });
    expect(next.data.events.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual([
      '2024-10-trade-pledge',
    ]);
    expect(next.data.events.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('filters with enums and the documented date rule', async () => {
    const within = await execute(api.yoga, EVENTS, { filter: { from: '2014-06', to: '2014-06' } });
    expect(within.data.events.totalCount).toBe(0);
    const overlaps = await execute(api.yoga, EVENTS, {
      filter: { from: '2014-06', to: '2014-06', dateMatch: 'OVERLAPS' },
    });
    expect(overlaps.data.events.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toEqual([
      '2014-russia-lifts-arms-embargo',
    ]);
    const conflicted = await execute(api.yoga, EVENTS, {
      filter: { hasConflicts: true, kinds: ['SANCTION_LIFTED'], sectors: ['DEFENCE'] },
    });
    expect(conflicted.data.events.totalCount).toBe(1);
  });

  it('looks an event up by slug or ID and shows its conflicts, citations and coding', async () => {
    const query = /* GraphQL */ `
      query ($id: ID, $slug: String) {
        event(id: $id, slug: $slug) {
          id slug kind sectors
          participants { role actor { slug name } }
          citations { source { slug } paragraph locator }
          conflicts { field preferred { value reason } claims { value status preferred citations { source { slug } paragraph } } }
          links { type direction event { slug } }
          coding { cameo goldstein plover }
        }
      }`;
    const bySlug = await execute(api.yoga, query, { slug: '2014-russia-lifts-arms-embargo' });
    expect(bySlug.errors).toBeUndefined();
    const event = bySlug.data.event;
    expect(event).toMatchObject({
      kind: 'SANCTION_LIFTED',
      sectors: ['DEFENCE'],
      coding: { cameo: '085', goldstein: 7, plover: 'RETREAT' },
    });
    expect(event.participants).toEqual([
      { role: 'INITIATOR', actor: { slug: 'russia', name: 'Russia' } },
      { role: 'RECIPIENT', actor: { slug: 'pakistan', name: 'Pakistan' } },
    ]);
    expect(event.citations).toEqual([
      { source: { slug: 'fixture-news' }, paragraph: 29, locator: 'paragraph 29' },
      { source: { slug: 'fixture-journal' }, paragraph: 40, locator: 'paragraph 40' },
    ]);
    expect(event.conflicts).toHaveLength(1);
    expect(event.conflicts[0]).toMatchObject({ field: 'DATE', preferred: { value: '2014' } });
    expect(event.conflicts[0].claims.map((claim: { value: string }) => claim.value)).toEqual(['2014', '2015']);
    expect(event.links).toEqual([{ type: 'FOLLOWS', direction: 'INCOMING', event: { slug: '2016-druzhba-exercise' } }]);

    const byId = await execute(api.yoga, query, { id: event.id });
    expect(byId.data.event.slug).toBe('2014-russia-lifts-arms-embargo');
    const node = await execute(api.yoga, `query ($id: ID!) { node(id: $id) { __typename ... on Event { slug } } }`, {
      id: event.id,
    });
    expect(node.data.node).toEqual({ __typename: 'Event', slug: '2014-russia-lifts-arms-embargo' });
  });

  it('serves actors with aliases, predecessors, offices and their own event pages', async () => {
    const result = await execute(
      api.yoga,
      /* GraphQL */ `{
      russia: actor(slug: "russia") { name aliases { name kind } predecessor { slug } events(first: 1) { totalCount edges { node { slug } } pageInfo { hasNextPage } } }
      ussr: actor(slug: "soviet-union") { successors { slug } }
      pm: actor(slug: "shehbaz-sharif") { offices { title organization { slug } from to fromDate { display precision } citations { paragraph } } }
      found: actors(filter: { text: "islamabad" }) { totalCount edges { node { slug } } }
    }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.russia.aliases).toEqual([
      { name: 'Russian Federation', kind: 'VARIANT' },
      { name: 'Moscow', kind: 'METONYM' },
    ]);
    expect(result.data.russia.predecessor).toEqual({ slug: 'soviet-union' });
    expect(result.data.russia.events).toEqual({
      totalCount: 2,
      edges: [{ node: { slug: '2014-russia-lifts-arms-embargo' } }],
      pageInfo: { hasNextPage: true },
    });
    expect(result.data.ussr.successors).toEqual([{ slug: 'russia' }]);
    expect(result.data.pm.offices).toEqual([
      {
        title: 'Prime Minister',
        organization: { slug: 'pakistan' },
        from: '2024-03',
        to: null,
        fromDate: { display: 'March 2024', precision: 'MONTH' },
        citations: [{ paragraph: 15 }],
      },
    ]);
    expect(result.data.found).toEqual({ totalCount: 1, edges: [{ node: { slug: 'pakistan' } }] });
  });

  it('lists sources with their citations and what each supports', async () => {
    const result = await execute(
      api.yoga,
      `{ sources(first: 5) { totalCount edges { node { slug genre publishedOn { display } citations(first: 2) { totalCount edges { node { paragraph supports { __typename ... on Event { slug } ... on Office { title } } } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const news = result.data.sources.edges[0].node;
    expect(news).toMatchObject({ slug: 'fixture-news', genre: 'NEWS', publishedOn: { display: 'December 2024' } });
    expect(news.citations.totalCount).toBe(6);
    expect(news.citations.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { paragraph: 15, supports: { __typename: 'Office', title: 'Prime Minister' } },
      { paragraph: 15, supports: { __typename: 'Event', slug: '2024-10-trade-pledge' } },
    ]);
  });
});

describe('errors', () => {
  const codeOf = async (query: string, variables?: Record<string, unknown>) => {
    const result = await execute(api.yoga, query, variables);
    expect(result.errors, JSON.stringify(result)).toBeDefined();
    for (const error of result.errors!) expect(JSON.stringify(error)).not.toMatch(/\bat \S+:\d+|stack/i);
    return result.errors!.map((error) => [error.extensions?.code, error.message]);
  };

  it('rejects page sizes over 100 instead of clamping them', async () => {
    expect(await codeOf(EVENTS, { first: 101 })).toEqual([
      ['BAD_USER_INPUT', '`first` must be between 1 and 100; got 101. Page through larger results with cursors.'],
    ]);
  });

  it('gives actionable codes for bad IDs, unknown slugs, bad dates and bad cursors', async () => {
    expect(await codeOf(`{ event(id: "nonsense") { slug } }`)).toEqual([
      ['INVALID_ID', '"nonsense" is not a valid ID. IDs are opaque strings returned by the API\'s `id` fields.'],
    ]);
    expect(await codeOf(`{ event(slug: "1999-nothing") { slug } }`)).toEqual([
      ['NOT_FOUND', 'No Event has the slug "1999-nothing".'],
    ]);
    expect(await codeOf(`{ event { slug } }`)).toEqual([
      ['BAD_USER_INPUT', 'Pass exactly one of `id` or `slug` to look up an Event.'],
    ]);
    expect((await codeOf(EVENTS, { filter: { from: '2023-02-29' } }))[0]![0]).toBe('INVALID_DATE');
    expect((await codeOf(EVENTS, { filter: { actors: ['atlantis'] } }))[0]![0]).toBe('NOT_FOUND');
    expect((await codeOf(EVENTS, { after: 'garbage' }))[0]![0]).toBe('INVALID_CURSOR');
    const actor = await execute(api.yoga, `{ actor(slug: "russia") { id } }`);
    expect((await codeOf(`query ($id: ID) { event(id: $id) { slug } }`, { id: actor.data.actor.id }))[0]![1]).toBe(
      `"${actor.data.actor.id}" is the ID of a Actor, not of a Event.`,
    );
  });

  it('answers node and nodes with INVALID_ID for malformed IDs and IDs of unknown types', async () => {
    const unknownType = Buffer.from('Foo:1').toString('base64');
    expect(await codeOf(`{ node(id: "zz") { id } }`)).toEqual([
      ['INVALID_ID', '"zz" is not a valid ID. IDs are opaque strings returned by the API\'s `id` fields.'],
    ]);
    expect(await codeOf(`query ($id: ID!) { node(id: $id) { id } }`, { id: unknownType })).toEqual([
      [
        'INVALID_ID',
        `"${unknownType}" is not a valid ID: no Foo can be fetched by ID. IDs are opaque strings returned by the API's \`id\` fields.`,
      ],
    ]);
    const russia = (await execute(api.yoga, `{ actor(slug: "russia") { id } }`)).data.actor.id;
    const missing = Buffer.from('Actor:999999').toString('base64');
    const result = await execute(api.yoga, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [russia, 'zz', missing],
    });
    expect(result.data).toEqual({ nodes: [{ id: russia }, null, null] });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['nodes', 1], extensions: { code: 'INVALID_ID', argument: 'ids' } }),
    ]);
  });

  it('reports malformed and invalid operations with codes', async () => {
    expect((await codeOf(`{ events { `))[0]![0]).toBe('GRAPHQL_PARSE_FAILED');
    expect((await codeOf(`{ events { nonsense } }`))[0]![0]).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await codeOf(EVENTS, { filter: { kinds: ['PICNIC'] } }))[0]).toEqual([
      'BAD_USER_INPUT',
      expect.stringContaining('PICNIC'),
    ]);
  });

  it('masks unexpected failures without leaking internals', async () => {
    const broken = openFixtureStore();
    const brokenYoga = createBilateralYoga({ store: broken, logging: false });
    broken.close();
    const result = await execute(brokenYoga, `{ events(first: 1) { totalCount } }`);
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
    expect(JSON.stringify(result)).not.toMatch(/sqlite|database|\.ts/i);
  });
});

describe('variables that do not fit their types', () => {
  it("are the caller's error (BAD_USER_INPUT) with graphql-js's explanation, not a masked internal error", async () => {
    const unknownKind = await execute(
      api.yoga,
      'query ($kinds: [EventKind!]) { events(filter: { kinds: $kinds }) { totalCount } }',
      { kinds: ['NOPE'] },
    );
    expect(unknownKind.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT' },
        message: expect.stringContaining('Value "NOPE" does not exist in "EventKind" enum'),
      }),
    ]);
    const wrongType = await execute(api.yoga, 'query ($first: Int) { events(first: $first) { totalCount } }', {
      first: 'ten',
    });
    expect(wrongType.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

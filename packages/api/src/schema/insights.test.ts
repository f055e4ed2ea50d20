// Search, statistics, network and timeline fields through GraphQL, on the fixture dataset.
import { openSyntheticStore } from '@bilateral/store/synthetic';
import { SqliteStore, sqliteDatabaseOf } from '@bilateral/store/testing';
import { describe, expect, it } from 'vitest';
import { useFixtureApi, useTestApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';

const api = useFixtureApi();

describe('search', () => {
  it('returns ranked hits with HTML-safe highlighted snippets', async () => {
    const result = await execute(
      api.yoga,
      `{ search(query: "embargo", first: 5) { totalCount edges { node { type score snippet record { __typename ... on Event { slug } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.search.totalCount).toBe(1);
    expect(result.data.search.edges[0].node).toMatchObject({
      type: 'EVENT',
      snippet: 'Russia ends its arms <mark>embargo</mark> on Pakistan',
      record: { __typename: 'Event', slug: '2014-russia-lifts-arms-embargo' },
    });
  });

  it('reports unreadable FTS syntax as INVALID_SEARCH, not a server error', async () => {
    const result = await execute(api.yoga, `{ search(query: "\\"broken") { totalCount } }`);
    expect(result.errors![0]!.extensions!.code).toBe('INVALID_SEARCH');
  });
});

describe('forward-only lists', () => {
  it('offer only first and after on search and Actor.relationships, not last/before they cannot honour', async () => {
    const result = await execute(
      api.yoga,
      `{
      query: __type(name: "Query") { fields { name args { name } } }
      actor: __type(name: "Actor") { fields { name args { name } } }
    }`,
    );
    const argsOf = (type: { fields: { name: string; args: { name: string }[] }[] }, field: string) =>
      type.fields
        .find((candidate) => candidate.name === field)
        ?.args.map((arg) => arg.name)
        .sort();
    expect(argsOf(result.data.query, 'search')).toEqual(['after', 'first', 'query', 'types']);
    expect(argsOf(result.data.actor, 'relationships')).toEqual(['after', 'first']);
    const rejected = await execute(api.yoga, `{ search(query: "embargo", last: 1) { totalCount } }`);
    expect(rejected.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('eventStats, cooperationIndex and actorNetwork', () => {
  it('buckets by year with totals equal to the filtered totalCount', async () => {
    const filter = { actors: ['pakistan'] };
    const result = await execute(
      api.yoga,
      `query ($filter: EventFilter) {
      eventStats(filter: $filter, groupBy: [YEAR]) { totalCount buckets { count keys { dimension value span } events(first: 3) { totalCount edges { node { date { earliest latest } } } } } }
      events(filter: $filter) { totalCount }
      cooperationIndex(filter: $filter) { mapping years { year meanGoldstein } }
    }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    const stats = result.data.eventStats;
    expect(stats.totalCount).toBe(result.data.events.totalCount);
    expect(stats.buckets.reduce((sum: number, bucket: { count: number }) => sum + bucket.count, 0)).toBe(
      stats.totalCount,
    );
    expect(stats.buckets.map((bucket: { keys: { value: string }[] }) => bucket.keys[0]?.value)).toEqual([
      '2014',
      '2016',
    ]);
    // Drilling into a bucket lists exactly the events it counts, under the same filter.
    for (const bucket of stats.buckets) {
      expect(bucket.events.totalCount).toBe(bucket.count);
      expect(bucket.events.edges).toHaveLength(bucket.count);
      for (const { node } of bucket.events.edges) expect(node.date.earliest.slice(0, 4)).toBe(bucket.keys[0].value);
    }
    expect(result.data.cooperationIndex.mapping).toMatch(/Goldstein/);
    expect(result.data.cooperationIndex.years).toEqual([
      { year: 2014, meanGoldstein: 7 },
      { year: 2016, meanGoldstein: 7.4 },
    ]);
    const duplicate = await execute(api.yoga, `{ eventStats(groupBy: [YEAR, YEAR]) { totalCount } }`);
    expect(duplicate.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('spells KIND, SECTOR and ACTOR bucket values so they can be fed back into an EventFilter', async () => {
    const filterFields = { KIND: 'kinds', SECTOR: 'sectors', ACTOR: 'actors' } as const;
    for (const [dimension, filterField] of Object.entries(filterFields)) {
      const stats = await execute(
        api.yoga,
        `query ($groupBy: [StatsDimension!]!) { eventStats(groupBy: $groupBy) { buckets { count keys { value } } } }`,
        { groupBy: [dimension] },
      );
      expect(stats.errors).toBeUndefined();
      expect(stats.data.eventStats.buckets.length).toBeGreaterThan(0);
      for (const bucket of stats.data.eventStats.buckets) {
        const value = bucket.keys[0].value;
        const drilled = await execute(
          api.yoga,
          `query ($filter: EventFilter) { events(filter: $filter) { totalCount } }`,
          { filter: { [filterField]: [value] } },
        );
        expect(drilled.errors, `${dimension} ${value}`).toBeUndefined();
        expect(drilled.data.events.totalCount, `${dimension} ${value}`).toBe(bucket.count);
      }
    }
    const actorValues = await execute(
      api.yoga,
      `{ eventStats(groupBy: [ACTOR]) { buckets { keys { value actor { slug } } } } }`,
    );
    for (const bucket of actorValues.data.eventStats.buckets)
      expect(bucket.keys[0].value).toBe(bucket.keys[0].actor.slug);
  });

  it("builds a graph of actors and weighted edges, and each actor's relationships", async () => {
    const result = await execute(
      api.yoga,
      `{
      actorNetwork { nodes { id eventCount actor { slug } } edges(first: 5) { source target weight firstDate lastDate events(first: 5) { totalCount edges { node { participants { actor { slug } } } } } } }
      actor(slug: "pakistan") { id relationships(first: 5) { totalCount edges { node { weight actor { slug } } } } }
      russia: actor(slug: "russia") { id }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const { nodes, edges } = result.data.actorNetwork;
    expect(nodes.find((node: { actor: { slug: string } }) => node.actor.slug === 'pakistan').eventCount).toBe(2);
    const pair = [result.data.actor.id, result.data.russia.id];
    const edge = edges.find(
      (candidate: { source: string; target: string }) =>
        pair.includes(candidate.source) && pair.includes(candidate.target),
    );
    expect(edge).toMatchObject({ weight: 2, firstDate: '2014-01-01', lastDate: '2016-09-30' });
    expect(edge.events.totalCount).toBe(2);
    expect(edge.events.edges).toHaveLength(2);
    for (const { node } of edge.events.edges)
      expect(node.participants.map((participant: { actor: { slug: string } }) => participant.actor.slug)).toEqual(
        expect.arrayContaining(['pakistan', 'russia']),
      );
    expect(result.data.actor.relationships).toEqual({
      totalCount: 1,
      edges: [{ node: { weight: 2, actor: { slug: 'russia' } } }],
    });
  });
});

describe("an actor's relationships", () => {
  // Generated data, where the busiest actor shares events with dozens of others.
  const synthetic = useTestApi(() => new SqliteStore(openSyntheticStore({ events: 400 }).store));
  const relationships = async (slug: string, page: string) => {
    const result = await execute(
      synthetic.yoga,
      `{ actor(slug: "${slug}") { relationships${page} { totalCount pageInfo { hasNextPage endCursor } edges { node { weight actor { slug } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    return result.data.actor.relationships;
  };

  it('pages one at a time through the same list a single page gives, and counts every relationship', async () => {
    const network = await execute(
      synthetic.yoga,
      '{ actorNetwork { nodes(first: 200) { id actor { slug } } edges(first: 500, amongNodes: 200) { source target } } }',
    );
    const { nodes, edges } = network.data.actorNetwork as {
      nodes: { id: string; actor: { slug: string } }[];
      edges: { source: string; target: string }[];
    };
    const degree = (id: string) => edges.filter((edge) => edge.source === id || edge.target === id).length;
    const busiest = nodes.reduce((best, node) => (degree(node.id) > degree(best.id) ? node : best)).actor.slug;
    const whole = await relationships(busiest, '(first: 100)');
    expect(whole.edges.length).toBeGreaterThan(1);
    expect(whole).toMatchObject({ totalCount: whole.edges.length, pageInfo: { hasNextPage: false } });
    const walked = [];
    let after: string | null = null;
    for (;;) {
      const page = await relationships(busiest, after ? `(first: 1, after: "${after}")` : '(first: 1)');
      expect(page.totalCount).toBe(whole.totalCount);
      walked.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(whole.edges);
  });
});

describe('actorNetwork bounds', () => {
  const network = async (nodes: string, edges: string) => {
    const result = await execute(
      api.yoga,
      `{ actorNetwork { nodeCount edgeCount eventsLimited nodes${nodes} { id eventCount } edges${edges} { source target weight } } }`,
    );
    expect(result.errors).toBeUndefined();
    return { ...result.data.actorNetwork, cost: result.extensions?.cost };
  };

  it('returns the most active actors and the heaviest edges between them, and counts what it left out', async () => {
    const whole = await network('', '');
    expect(whole.eventsLimited).toBe(false);
    expect(whole.nodes).toHaveLength(whole.nodeCount);
    expect(whole.edges).toHaveLength(whole.edgeCount);
    const cut = await network('(first: 2)', '(first: 1, amongNodes: 2)');
    expect(cut).toMatchObject({ nodeCount: whole.nodeCount, edgeCount: whole.edgeCount });
    expect(cut.nodes).toEqual(whole.nodes.slice(0, 2));
    expect(cut.edges).toEqual(whole.edges.slice(0, 1));
    expect(cut.nodes.map((node: { id: string }) => node.id)).toEqual(
      expect.arrayContaining([cut.edges[0].source, cut.edges[0].target]),
    );
  });

  it('prices each list by the size it asks for', async () => {
    // scan 20,000 + 3 counts + nodes (1 + first × 2) + edges (1 + first × 3)
    expect((await network('(first: 2)', '(first: 1, amongNodes: 2)')).cost).toBe(
      20_000 + 3 + (1 + 2 * 2) + (1 + 1 * 3),
    );
    expect((await network('', '')).cost).toBe(20_000 + 3 + (1 + 100 * 2) + (1 + 100 * 3));
    expect((await network('(first: 200)', '(first: 500, amongNodes: 200)')).cost).toBe(
      20_000 + 3 + (1 + 200 * 2) + (1 + 500 * 3),
    );
    // An edge's events are priced as an ordinary page: 1,000 + 1 × totalCount under each edge.
    const drilled = await execute(api.yoga, '{ actorNetwork { edges(first: 2) { events(first: 1) { totalCount } } } }');
    expect(drilled.extensions?.cost).toBe(20_000 + 1 + 2 * (1_000 + 1));
  });

  it('refuses a size out of range with BAD_USER_INPUT naming the argument', async () => {
    for (const [query, argument] of [
      ['{ actorNetwork { nodes(first: 201) { id } } }', 'first'],
      ['{ actorNetwork { edges(first: 501) { weight } } }', 'first'],
      ['{ actorNetwork { edges(amongNodes: 0) { weight } } }', 'amongNodes'],
      ['{ actorNetwork(minWeight: 0) { nodeCount } }', 'minWeight'],
    ]) {
      const result = await execute(api.yoga, query!);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('timelines', () => {
  it('offers TimelineJS and vis-timeline shapes without padded dates', async () => {
    const result = await execute(
      api.yoga,
      `{
      event(slug: "2014-russia-lifts-arms-embargo") {
        timelineJs { unique_id start_date { year month day display_date } end_date { year } display_date text { headline } group }
        visItem { start end type group }
      }
      timelineJs(filter: { sectors: [DEFENCE] }) { title { text { headline } } events { start_date { year month day } } }
    }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.event.timelineJs).toMatchObject({
      start_date: { year: 2014, month: null, day: null, display_date: '2014' },
      end_date: null,
      display_date: '2014',
      group: 'Sanction or embargo lifted',
    });
    expect(result.data.event.visItem).toEqual({
      start: '2014-01-01',
      end: '2015-01-01',
      type: 'range',
      group: 'Sanction or embargo lifted',
    });
    expect(result.data.timelineJs.events).toEqual([
      { start_date: { year: 2014, month: null, day: null } },
      { start_date: { year: 2016, month: 9, day: null } },
    ]);
  });
});

describe('timelineJs over more events than a document holds', () => {
  const crowded = useFixtureApi((store) => {
    const insert = sqliteDatabaseOf(store).$client.prepare(
      `insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest) values (?, 'Filler meeting', 'A generated meeting.', 'meeting', '2001', '2001-01-01', '2001-12-31')`,
    );
    sqliteDatabaseOf(store).$client.transaction(() => {
      for (let index = 0; index < 1000; index++) insert.run(`2001-filler-${index}`);
    })();
  });

  it('rejects the filter, stating the limit, instead of silently returning the first 1000', async () => {
    const result = await execute(crowded.yoga, `{ timelineJs { events { unique_id } } }`);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'filter' } }),
    ]);
    expect(result.errors![0]!.message).toMatch(
      /^A TimelineJS document holds at most 1000 events and this filter matches 10\d\d\./,
    );
    const narrowed = await execute(
      crowded.yoga,
      `{ timelineJs(filter: { from: "2001", to: "2001" }) { events { unique_id } } }`,
    );
    expect(narrowed.data.timelineJs.events).toHaveLength(1000);
  });
});

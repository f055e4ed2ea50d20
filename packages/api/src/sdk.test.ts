// The SDK against a real server listening on a port, as an analyst's script would use it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BilateralError, createClient, exportUrl } from '@bilateral/sdk';
import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBilateralYoga } from './yoga.ts';

let store: BilateralStore;
let server: Server;
let url: string;

beforeAll(async () => {
  store = openFixtureStore();
  server = createServer(createBilateralYoga({ store, logging: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  store.close();
});

/** A fetch that records each request's method and GraphQL parameters (POST body or GET query string). */
const recording =
  (sent: { method: string; params: Record<string, unknown> }[]): typeof fetch =>
  (input, init) => {
    const target = new URL(String(input));
    const params = init?.body ? JSON.parse(String(init.body)) : Object.fromEntries(target.searchParams);
    sent.push({ method: init?.method ?? 'GET', params });
    return fetch(input, init);
  };

async function rejectionOf(call: Promise<unknown>): Promise<BilateralError> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(BilateralError);
    return error as BilateralError;
  }
  throw new Error('expected the call to fail');
}

describe('@bilateral/sdk against a running server', () => {
  it('fetches typed pages, single records and the taxonomy', async () => {
    const client = createClient({ url });
    const page = await client.events({ first: 2, filter: { sectors: ['DEFENCE'] } });
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((edge) => edge.node.slug)).toEqual([
      '2014-russia-lifts-arms-embargo',
      '2016-druzhba-exercise',
    ]);
    const event = await client.event({ slug: '2014-russia-lifts-arms-embargo' });
    expect(event?.conflicts[0]?.claims.map((claim) => claim.value)).toEqual(['2014', '2015']);
    const actor = await client.actor({ slug: 'russia', eventsFirst: 1 });
    expect(actor?.events.totalCount).toBe(2);
    expect((await client.actors({ filter: { text: 'moscow' } })).edges[0]?.node.slug).toBe('russia');
    expect((await client.sources()).totalCount).toBe(2);
    expect((await client.figures()).edges[0]?.node.value).toBe('1000000000');
    expect((await client.eventKinds()).find((kind) => kind.kind === 'AGREEMENT')?.cameo).toBe('057');
  });

  it('searches, counts, maps and lays out events', async () => {
    const client = createClient({ url });
    const hits = await client.search({ query: 'druzhba' });
    expect(hits.edges.map((edge) => edge.node.snippet)).toEqual(['First <mark>Druzhba</mark> joint exercise']);
    expect((await rejectionOf(client.search({ query: '"open' }))).code).toBe('INVALID_SEARCH');
    const stats = await client.eventStats({ groupBy: ['KIND'] });
    expect(stats.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(stats.totalCount);
    expect((await client.actorNetwork()).edges.length).toBeGreaterThan(0);
    expect((await client.cooperationIndex()).years.length).toBeGreaterThan(0);
    const timeline = await client.timelineJs({ title: 'Test' });
    expect(timeline.title.text.headline).toBe('Test');
    expect(timeline.events[0]?.start_date).toEqual({ year: 2014, month: null, day: null, display_date: '2014' });
  });

  it("lists an actor's relationships and draws events on timelines", async () => {
    const client = createClient({ url });
    const pakistan = await client.actorRelationships({ slug: 'pakistan', first: 5 });
    expect(pakistan?.relationships.totalCount).toBe(1);
    expect(pakistan?.relationships.edges[0]?.node).toMatchObject({ weight: 2, actor: { slug: 'russia' } });
    expect((await rejectionOf(client.actorRelationships({ slug: 'atlantis' }))).code).toBe('NOT_FOUND');
    const event = await client.event({ slug: '2014-russia-lifts-arms-embargo' });
    expect(event?.visItem).toMatchObject({ start: '2014-01-01', end: '2015-01-01', type: 'range' });
    expect(event?.timelineJs.start_date).toEqual({ year: 2014, month: null, day: null, display_date: '2014' });
  });

  it('builds export URLs that the server answers with the filtered rows', async () => {
    const client = createClient({ url });
    const events = client.exportUrl('events.jsonl', {
      sectors: ['DEFENCE'],
      actors: ['pakistan', 'russia'],
      actorsMatch: 'ALL',
      from: '2015',
      hasConflicts: false,
      kinds: [],
    });
    expect(events).toBe(
      `${url.replace(/\/graphql$/, '')}/export/events.jsonl?sectors=DEFENCE&actors=pakistan%2Crussia&actorsMatch=ALL&from=2015&hasConflicts=false`,
    );
    const lines = (await (await fetch(events)).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.event_id)).toEqual(['2016-druzhba-exercise']);
    const actors = await fetch(client.exportUrl('actors.csv', { kinds: ['STATE'], text: 'mos' }));
    expect(actors.status).toBe(200);
    expect(
      (await actors.text())
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['russia']);
    expect((await fetch(client.exportUrl('events.csv'))).status).toBe(200);
    expect(exportUrl('/graphql', 'events.csv', { text: 'Mi-35' })).toBe('/export/events.csv?text=Mi-35');
  });

  it('walks every page with allEvents', async () => {
    const client = createClient({ url });
    const slugs: string[] = [];
    for await (const event of client.allEvents({ pageSize: 1 })) slugs.push(event.slug);
    expect(slugs).toEqual(['2014-russia-lifts-arms-embargo', '2016-druzhba-exercise', '2024-10-trade-pledge']);
  });

  it('turns GraphQL errors into BilateralError with the server codes', async () => {
    const client = createClient({ url });
    expect((await rejectionOf(client.event({ slug: '1999-nothing' }))).code).toBe('NOT_FOUND');
    const tooMany = await rejectionOf(client.events({ first: 500 }));
    expect(tooMany.codes).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors[0]?.extensions?.argument).toBe('first');
    const unreachable = await rejectionOf(createClient({ url: 'http://127.0.0.1:1/graphql' }).sources());
    expect(unreachable.code).toBe('NETWORK_ERROR');
  });

  it('uses an injected fetch and sends the configured headers', async () => {
    const seen: Headers[] = [];
    const client = createClient({
      url,
      headers: async () => ({ 'x-analyst': 'notebook-7' }),
      fetch: (input, init) => {
        seen.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    await client.sources({ first: 1 });
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) expect(headers.get('x-analyst')).toBe('notebook-7');
  });

  it("sends document IDs, by POST or by GET, and answers them from the server's manifest", async () => {
    const sent: { method: string; params: Record<string, unknown> }[] = [];
    const client = createClient({ url, fetch: recording(sent) });
    expect((await client.sources({ first: 1 })).totalCount).toBe(2);
    expect(sent.map(({ params }) => Object.keys(params).sort())).toEqual([
      ['documentId', 'operationName', 'variables'],
    ]);
    expect(sent[0]?.params).toMatchObject({
      documentId: expect.stringMatching(/^[0-9a-f]{64}$/),
      operationName: 'Sources',
    });

    sent.length = 0;
    const byGet = createClient({ url, fetch: recording(sent), method: 'GET' });
    expect((await byGet.event({ slug: '2016-druzhba-exercise' }))?.slug).toBe('2016-druzhba-exercise');
    expect(sent.map(({ method, params }) => [method, 'documentId' in params ? 'id' : 'text'])).toEqual([['GET', 'id']]);

    sent.length = 0;
    await createClient({ url, fetch: recording(sent), documents: 'text' }).sources();
    expect(sent.map(({ params }) => 'query' in params)).toEqual([true]);
  });

  it('falls back to the full text, once per document, on a server that does not know its IDs', async () => {
    // A server with no trusted documents: as an older deployment would be for a newer SDK.
    const older = createServer(createBilateralYoga({ store, logging: false, trustedDocuments: new Map() }));
    await new Promise<void>((resolve) => older.listen(0, '127.0.0.1', resolve));
    try {
      const olderUrl = `http://127.0.0.1:${(older.address() as AddressInfo).port}/graphql`;
      const sent: { method: string; params: Record<string, unknown> }[] = [];
      const client = createClient({ url: olderUrl, fetch: recording(sent) });
      expect((await client.sources({ first: 1 })).totalCount).toBe(2);
      expect(sent.map(({ params }) => ('documentId' in params ? 'id' : 'text'))).toEqual(['id', 'text']);
      sent.length = 0;
      await client.sources({ first: 1 });
      expect(sent.map(({ params }) => ('documentId' in params ? 'id' : 'text'))).toEqual(['text']);
    } finally {
      await new Promise((resolve) => older.close(resolve));
    }
  });

  it('writes with an API key: typed payloads, user errors, history and the change feed', async () => {
    const apiKey = (await store.createApiKey('write', 'sdk test')).secret;
    const writer = createClient({ url, apiKey });
    const { cursor } = await writer.changes();
    const input = {
      slug: '2019-sdk-visit',
      title: 'A visit recorded through the SDK',
      summary: 'A delegation visited for talks.',
      kind: 'VISIT' as const,
      date: '2019-05',
      sectors: ['DIPLOMACY' as const],
      participants: [
        { actor: 'pakistan', role: 'VISITOR' as const },
        { actor: 'russia', role: 'HOST' as const },
      ],
      citations: [{ source: 'fixture-news', paragraph: 2 }],
    };
    const created = await writer.createEvent({ input, idempotencyKey: 'sdk-visit' });
    expect(created).toMatchObject({
      userErrors: [],
      replayed: false,
      event: { slug: '2019-sdk-visit', version: 1, date: { display: 'May 2019', precision: 'MONTH' } },
    });
    const rejected = await writer.updateEvent({
      id: created.event!.id,
      patch: { date: '2019-13' },
      expectedVersion: 1,
    });
    expect(rejected).toMatchObject({ event: null, userErrors: [{ field: 'date', code: 'INVALID' }] });
    const history = await writer.eventHistory({ slug: '2019-sdk-visit' });
    expect(history?.revisions.map((revision) => revision.operation)).toEqual(['CREATE']);
    const feed = await writer.changes({ since: cursor });
    expect(feed.revisions.map((revision) => [revision.slug, revision.operation])).toEqual([
      ['2019-sdk-visit', 'CREATE'],
    ]);
    expect((await rejectionOf(createClient({ url }).archiveEvent({ id: created.event!.id }))).code).toBe(
      'UNAUTHENTICATED',
    );
    const source = await writer.createSource({
      input: {
        slug: 'sdk-test-source',
        file: '003_d15266b882396dcd.txt',
        title: 'A source added by a script',
        genre: 'BLOG',
        url: 'https://example.org/post',
      },
    });
    expect(source).toMatchObject({
      userErrors: [],
      source: { slug: 'sdk-test-source', version: 1, url: 'https://example.org/post' },
    });
  });
});

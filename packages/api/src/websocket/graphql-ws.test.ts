import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, gql, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { subscriptionExchange, Client as UrqlClient } from '@urql/core';
import { type Client, createClient, type SubscribePayload } from 'graphql-ws';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { documentIdOf, sdkTrustedDocuments } from '../execution/trusted-documents.ts';
import { createBilateralServer } from '../http/http-server.ts';
import { createMetrics } from '../observability/metrics.ts';
import { countedChangeBus } from '../testing/counted-change-bus.ts';
import { parsePrometheus, sampleValue } from '../testing/prometheus.ts';
import { type BilateralYogaOptions, createBilateralYoga } from '../yoga.ts';

const EVENT = '2014-russia-lifts-arms-embargo';
const stores: BilateralStore[] = [];
const servers: Server[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.dispose();
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const store of stores) await store.close();
});

/** A server over the fixture data with WebSockets, metrics and a counted change bus, on a free port. */
async function startApi(options: Partial<BilateralYogaOptions> = {}) {
  const store = openFixtureStore();
  stores.push(store);
  const subscriptions = countedChangeBus(store);
  const metrics = createMetrics({ store, trustedDocuments: sdkTrustedDocuments(), processMetrics: false });
  const yoga = createBilateralYoga({
    store,
    logging: false,
    changes: subscriptions.changes,
    metrics,
    scrapeMetrics: () => metrics.registry.metrics(),
    ...options,
  });
  const server = createBilateralServer(yoga, {
    webSockets: {
      store,
      trustedDocuments: sdkTrustedDocuments(),
      trustedDocumentsOnly: options.trustedDocumentsOnly ?? false,
      metrics,
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const http = `http://127.0.0.1:${port}`;
  const key = (await store.createApiKey('write', 'websocket test')).secret;
  const post = async (query: string, variables: Record<string, unknown> = {}) =>
    (
      await fetch(`${http}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json();
  /** Changes the event through HTTP, so that eventChanged fires. */
  const updateEvent = async (place: string) => {
    const { data } = await post(`{ event(slug: "${EVENT}") { id } }`);
    const update = await post(
      'mutation ($id: ID!, $place: String!) { updateEvent(id: $id, patch: { place: $place }) { event { version } userErrors { message } } }',
      { id: data.event.id, place },
    );
    expect(update.data.updateEvent.userErrors).toEqual([]);
    return update.data.updateEvent.event.version as number;
  };
  const metricsNow = async () => parsePrometheus(await (await fetch(`${http}/metrics`)).text());
  return { store, key, ws: `ws://127.0.0.1:${port}/graphql`, subscriptions, updateEvent, metricsNow };
}

const wsClient = (url: string, connectionParams: Record<string, unknown> = {}, lazy = true) => {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams, lazy, retryAttempts: 0 });
  clients.push(client);
  return client;
};

/** Runs one operation to its end over graphql-ws, returning every result and the error, if any. */
function runOnce(client: Client, payload: SubscribePayload) {
  return new Promise<{ results: { data?: unknown; errors?: { extensions?: { code?: string } }[] }[]; error?: unknown }>(
    (resolve) => {
      const results: never[] = [];
      client.subscribe(payload, {
        next: (result) => results.push(result as never),
        error: (error) => resolve({ results, error }),
        complete: () => resolve({ results }),
      });
    },
  );
}

const codesOf = (outcome: Awaited<ReturnType<typeof runOnce>>) =>
  outcome.error
    ? (outcome.error as { extensions?: { code?: string } }[]).map((error) => error.extensions?.code)
    : outcome.results.flatMap((result) => result.errors?.map((error) => error.extensions?.code) ?? []);

describe('eventChanged over WebSocket (graphql-transport-ws)', () => {
  it("reaches Apollo Client's GraphQLWsLink", async () => {
    const api = await startApi();
    const apollo = new ApolloClient({
      link: new GraphQLWsLink(wsClient(api.ws)),
      cache: new InMemoryCache(),
    });
    const received = new Promise<{ slug: string; version: number }>((resolve, reject) => {
      const subscription = apollo
        .subscribe<{ eventChanged: { slug: string; version: number } }>({
          query: gql`subscription { eventChanged { slug version } }`,
        })
        .subscribe({
          next: (result) => {
            if (result.data) {
              resolve(result.data.eventChanged);
              subscription.unsubscribe();
            }
          },
          error: reject,
        });
    });
    await api.subscriptions.subscribed(1);
    const version = await api.updateEvent('Moscow');
    expect(await received).toEqual({ slug: EVENT, version, __typename: 'Event' });
    await api.subscriptions.subscribed(0);
  });

  it("reaches urql's subscription exchange over graphql-ws, and counts the socket's subscription", async () => {
    const api = await startApi();
    const socket = wsClient(api.ws);
    const urql = new UrqlClient({
      url: 'http://unused.invalid/graphql',
      exchanges: [
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });
    const changes: { slug: string; place: string }[] = [];
    const subscription = urql
      .subscription<{ eventChanged: { slug: string; place: string } }>(
        'subscription { eventChanged { slug place } }',
        {},
      )
      .subscribe((result) => {
        if (result.data) changes.push(result.data.eventChanged);
      });
    await api.subscriptions.subscribed(1);
    const opened = await api.metricsNow();
    expect(sampleValue(opened, 'bilateral_subscriptions_open', { transport: 'websocket' })).toBe(1);
    expect(sampleValue(opened, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'OK' })).toBe(1);
    await api.updateEvent('Karachi');
    await api.updateEvent('Lahore');
    while (changes.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(changes).toEqual([
      { slug: EVENT, place: 'Karachi' },
      { slug: EVENT, place: 'Lahore' },
    ]);
    subscription.unsubscribe();
    await api.subscriptions.subscribed(0);
    const samples = await api.metricsNow();
    expect(sampleValue(samples, 'bilateral_subscriptions_open', { transport: 'websocket' })).toBe(0);
    expect(sampleValue(samples, 'bilateral_change_deliveries_total', { transport: 'websocket' })).toBe(2);
  });
});

describe('operations over WebSocket', () => {
  it('take the API key from connectionParams, and a socket with an unknown key is refused', async () => {
    const api = await startApi();
    const event = await runOnce(wsClient(api.ws), { query: `{ event(slug: "${EVENT}") { id } }` });
    const id = (event.results[0]!.data as { event: { id: string } }).event.id;
    const mutation = {
      query: 'mutation ($id: ID!) { archiveEvent(id: $id) { event { archived } userErrors { message } } }',
      variables: { id },
    };
    const anonymous = await runOnce(wsClient(api.ws), mutation);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    const withKey = await runOnce(wsClient(api.ws, { apiKey: api.key }), mutation);
    expect(withKey.results[0]).toMatchObject({ data: { archiveEvent: { event: { archived: true }, userErrors: [] } } });

    const refused = await runOnce(wsClient(api.ws, { apiKey: 'bk_not-a-key' }), { query: '{ eventKinds { kind } }' });
    expect((refused.error as { code: number }).code).toBe(4403);
  });

  it('pass the same ceilings, cost limit and trusted documents as HTTP', async () => {
    const api = await startApi();
    const client = wsClient(api.ws);
    const deep = `{ actor(slug: "russia") { ${'predecessor { '.repeat(17)} slug ${'} '.repeat(17)} } }`;
    expect(codesOf(await runOnce(client, { query: deep }))).toEqual(['QUERY_TOO_DEEP']);
    const costly = `{ a: events(first: 100) { edges { node { participants { actor { events(first: 100) { edges { node { slug } } } } } } } } }`;
    expect(codesOf(await runOnce(client, { query: costly }))).toEqual(['QUERY_TOO_COSTLY']);
    expect(codesOf(await runOnce(client, { query: '{ eventKinds { kind ' }))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codesOf(await runOnce(client, { query: '{ eventKinds { nothing } }' }))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    const priced = await runOnce(client, { query: '{ actor(slug: "russia") { name } }' });
    expect(priced.results).toEqual([{ data: { actor: { name: 'Russia' } }, extensions: { cost: 2 } }]);
  });

  it('run only trusted documents under TRUSTED_DOCUMENTS_ONLY, by extensions.documentId or as their text', async () => {
    const api = await startApi({ trustedDocumentsOnly: true });
    const client = wsClient(api.ws);
    expect(codesOf(await runOnce(client, { query: '{ eventKinds { kind } }' }))).toEqual(['PERSISTED_QUERY_ONLY']);
    const kinds = [...sdkTrustedDocuments().values()].find((text) => /query EventKinds\b/.test(text))!;
    const trusted = await runOnce(client, { query: '', extensions: { documentId: documentIdOf(kinds) } });
    expect(trusted.error).toBeUndefined();
    expect((trusted.results[0]!.data as { eventKinds: unknown[] }).eventKinds.length).toBeGreaterThan(0);
    expect(codesOf(await runOnce(client, { query: '', extensions: { documentId: 'f'.repeat(64) } }))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const laidOutAnotherWay = kinds.replaceAll(' ', '\n  ');
    const asText = await runOnce(client, { query: laidOutAnotherWay });
    expect(asText.error).toBeUndefined();
    expect(asText.results[0]!.data).toEqual(trusted.results[0]!.data);
  });

  it("spend the client's rate budget: the whole price of each operation", async () => {
    const api = await startApi({ rateLimit: { pointsPerMinute: 5, trustedProxies: 0 } });
    const client = wsClient(api.ws);
    const lookup = { query: '{ actor(slug: "russia") { name } }' };
    const outcomes = [];
    for (let index = 0; index < 3; index++) outcomes.push(codesOf(await runOnce(client, lookup)));
    // Two points each: the third finds one point left.
    expect(outcomes).toEqual([[], [], ['RATE_LIMITED']]);
  });

  it('charge a point for each message, even one refused before it runs', async () => {
    const api = await startApi({ rateLimit: { pointsPerMinute: 5, trustedProxies: 0 } });
    const client = wsClient(api.ws);
    const refused = [];
    for (let index = 0; index < 4; index++) refused.push(codesOf(await runOnce(client, { query: '{ unclosed ' })));
    refused.push(codesOf(await runOnce(client, { query: '', extensions: { documentId: 'f'.repeat(64) } })));
    expect(refused).toEqual([...Array(4).fill(['GRAPHQL_PARSE_FAILED']), ['PERSISTED_QUERY_NOT_FOUND']]);
    // Five refusals spent the five points: the next message is refused on arrival, however cheap.
    expect(codesOf(await runOnce(client, { query: '{ actor(slug: "russia") { name } }' }))).toEqual(['RATE_LIMITED']);
    expect(sampleValue(await api.metricsNow(), 'bilateral_rate_limit_refusals_total')).toBe(1);
  });
});

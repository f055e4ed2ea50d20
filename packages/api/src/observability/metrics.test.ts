import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BilateralStore, openSqliteStore } from '@bilateral/store';
import { fixtureSeedsDir } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentIdOf, sdkTrustedDocuments } from '../execution/trusted-documents.ts';
import { createBilateralServer } from '../http/http-server.ts';
import { parsePrometheus, type Sample, sampleValue } from '../testing/prometheus.ts';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';
import { createMetrics, type Metrics } from './metrics.ts';

const eventsText = [...sdkTrustedDocuments().values()].find((text) => /query Events\b/.test(text))!;

interface Running {
  store: BilateralStore;
  metrics: Metrics;
  yoga: BilateralYoga;
  server: Server;
  url: string;
}

/** A server over a seeded database file, with metrics, listening on a free port of 127.0.0.1. */
function useMetricsServer(options: { pointsPerMinute?: number } = {}): Running {
  const running = {} as Running;
  beforeAll(async () => {
    running.store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'bilateral-metrics-')), 'bilateral.db'));
    await running.store.loadSeeds(fixtureSeedsDir);
    running.metrics = createMetrics({ store: running.store, trustedDocuments: sdkTrustedDocuments() });
    running.yoga = createBilateralYoga({
      store: running.store,
      logging: false,
      metrics: running.metrics,
      scrapeMetrics: () => running.metrics.registry.metrics(),
      rateLimit: options.pointsPerMinute ? { pointsPerMinute: options.pointsPerMinute, trustedProxies: 0 } : undefined,
    });
    running.server = createBilateralServer(running.yoga);
    // fetch keeps connections for reuse; a server closing an idle one as it is reused resets the request.
    running.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', resolve));
    running.url = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    running.server.closeAllConnections();
    await new Promise((resolve) => running.server.close(resolve));
    await running.store.close();
  });
  return running;
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

async function scrape(url: string): Promise<Sample[]> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parsePrometheus(await response.text());
}

describe('/metrics', () => {
  const api = useMetricsServer();

  it('counts requests by operation and outcome, with their cost, SQL statements and database time', async () => {
    const before = await scrape(api.url);
    const delta = (samples: Sample[], name: string, labels: Record<string, string>) =>
      sampleValue(samples, name, labels) - sampleValue(before, name, labels);

    let statementsRun = 0;
    const stop = api.store.observeStatements(() => statementsRun++);
    const costs: number[] = [];
    for (const first of [2, 5, 7]) {
      const { status, body } = await post(api.url, {
        documentId: documentIdOf(eventsText),
        operationName: 'Events',
        variables: { first },
      });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      costs.push(body.extensions.cost);
    }
    stop();
    const notFound = await post(api.url, { query: 'query MadeUpName { actor(slug: "nobody") { name } }' });
    expect(notFound.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const invalid = await post(api.url, { query: '{ actor(slug: "russia") { nothing } }' });
    expect(invalid.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const form = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);

    const after = await scrape(api.url);
    const events = { operation: 'Events' };
    expect(delta(after, 'bilateral_graphql_requests_total', { ...events, outcome: 'OK' })).toBe(3);
    expect(delta(after, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'NOT_FOUND' })).toBe(1);
    expect(
      delta(after, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'GRAPHQL_VALIDATION_FAILED' }),
    ).toBe(1);
    expect(
      delta(after, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'UNSUPPORTED_MEDIA_TYPE' }),
    ).toBe(1);

    expect(delta(after, 'bilateral_graphql_operation_cost_count', events)).toBe(3);
    expect(delta(after, 'bilateral_graphql_operation_cost_sum', events)).toBe(costs[0]! + costs[1]! + costs[2]!);
    // Each page costs more than 1,000 points (the events field), so none is in the 1,000 bucket.
    expect(delta(after, 'bilateral_graphql_operation_cost_bucket', { ...events, le: '1000' })).toBe(0);
    expect(delta(after, 'bilateral_graphql_operation_cost_bucket', { ...events, le: '+Inf' })).toBe(3);

    expect(statementsRun).toBeGreaterThanOrEqual(3);
    expect(delta(after, 'bilateral_request_sql_statements_count', events)).toBe(3);
    expect(delta(after, 'bilateral_request_sql_statements_sum', events)).toBe(statementsRun);
    expect(delta(after, 'bilateral_request_database_seconds_sum', events)).toBeGreaterThan(0);
    expect(delta(after, 'bilateral_sql_statements_total', {})).toBeGreaterThanOrEqual(statementsRun);

    for (const phase of ['execute', 'validate', 'parse'])
      expect(delta(after, `graphql_envelop_phase_${phase}_count`, events)).toBe(3);
    expect(delta(after, 'bilateral_graphql_request_duration_seconds_count', { ...events, statusCode: '200' })).toBe(3);
    expect(
      delta(after, 'bilateral_graphql_request_duration_seconds_sum', { ...events, statusCode: '200' }),
    ).toBeGreaterThan(0);
  });

  it('reports the database size, event-loop lag, heap and RSS', async () => {
    const samples = await scrape(api.url);
    const size = await api.store.databaseSizeBytes();
    expect(sampleValue(samples, 'bilateral_database_size_bytes')).toBe(size);
    expect(size).toBeGreaterThan(100_000);
    expect(sampleValue(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1_000_000);
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('counts open SSE subscriptions and the changes delivered on them', async () => {
    const { secret } = await api.store.createApiKey('write', 'metrics test');
    const controller = new AbortController();
    const stream = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { eventChanged { slug } }' }),
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^:/);
    expect(sampleValue(await scrape(api.url), 'bilateral_subscriptions_open', { transport: 'sse' })).toBe(1);

    const before = sampleValue(await scrape(api.url), 'bilateral_change_deliveries_total', { transport: 'sse' });
    const { body } = await post(api.url, {
      query: '{ event(slug: "2014-russia-lifts-arms-embargo") { id } }',
    });
    const update = await post(
      api.url,
      {
        query: 'mutation ($id: ID!) { updateEvent(id: $id, patch: { place: "Sochi" }) { userErrors { message } } }',
        variables: { id: body.data.event.id },
      },
      { authorization: `Bearer ${secret}` },
    );
    expect(update.body.data.updateEvent.userErrors).toEqual([]);
    let text = '';
    while (!text.includes('eventChanged')) text += new TextDecoder().decode((await reader.read()).value);
    expect(sampleValue(await scrape(api.url), 'bilateral_change_deliveries_total', { transport: 'sse' })).toBe(
      before + 1,
    );

    controller.abort();
    // The server ends the subscription when it notices the closed connection.
    let open = 1;
    while (open !== 0) open = sampleValue(await scrape(api.url), 'bilateral_subscriptions_open', { transport: 'sse' });
    expect(open).toBe(0);
  });

  it('keeps the number of series fixed when 10,000 made-up operation names are sent', async () => {
    const send = (name: string) =>
      api.yoga.fetch('http://bilateral.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ${name} { __typename }`, operationName: name }),
      });
    expect((await send('FirstMadeUp')).status).toBe(200);
    const before = await scrape(api.url);
    for (let batch = 0; batch < 100; batch++)
      await Promise.all(Array.from({ length: 100 }, (_, index) => send(`MadeUp${batch * 100 + index}`)));
    const after = await scrape(api.url);
    const series = (samples: Sample[]) =>
      samples.filter((sample) => !sample.name.startsWith('nodejs_') && !sample.name.startsWith('process_')).length;
    expect(series(after)).toBe(series(before));
    expect(
      sampleValue(after, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'OK' }) -
        sampleValue(before, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'OK' }),
    ).toBe(10_000);
    expect(after.some((sample) => Object.values(sample.labels).some((value) => value.startsWith('MadeUp')))).toBe(
      false,
    );
  }, 120_000);
});

describe('/metrics under a rate limit', () => {
  const api = useMetricsServer({ pointsPerMinute: 3 });

  it('counts each refusal, whether refused on arrival (429) or before running', async () => {
    const query = { query: '{ actor(slug: "russia") { name } }' };
    const answers = [await post(api.url, query), await post(api.url, query), await post(api.url, query)];
    expect(answers.map((answer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK')).toEqual([
      'OK',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    expect(answers[2]!.status).toBe(429);
    const samples = await scrape(api.url);
    expect(sampleValue(samples, 'bilateral_rate_limit_refusals_total')).toBe(2);
    expect(
      sampleValue(samples, 'bilateral_graphql_requests_total', { operation: 'other', outcome: 'RATE_LIMITED' }),
    ).toBe(2);
  });
});

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentIdOf, sdkTrustedDocuments } from '../execution/trusted-documents.ts';
import { createBilateralServer } from '../http/http-server.ts';
import { createBilateralYoga } from '../yoga.ts';
import { ATTRIBUTES, createTracing, tracingFromEnv } from './tracing.ts';

const eventsText = [...sdkTrustedDocuments().values()].find((text) => /query Events\b/.test(text))!;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';

describe('traces', () => {
  const exporter = new InMemorySpanExporter();
  let store: BilateralStore;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    store = openFixtureStore();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracing = createTracing(provider, store);
    server = createBilateralServer(createBilateralYoga({ store, logging: false, tracing }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    exporter.reset();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return response.json();
  };
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it("gives a page request one span, continuing the caller's trace, with parse, validate, execute and each SQL statement under it", async () => {
    const statements: string[] = [];
    const stop = store.observeStatements((sql) => statements.push(sql));
    const answer = await post(
      { documentId: documentIdOf(eventsText), operationName: 'Events', variables: { first: 3 } },
      { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    );
    stop();
    expect(answer.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([TRACE_ID]));

    const [request, ...others] = spans.filter((span) => parentOf(span) === CALLER_SPAN_ID);
    expect(others).toEqual([]);
    expect(request!.name).toBe('POST /graphql');
    expect(request!.kind).toBe(SpanKind.SERVER);
    expect(request!.attributes).toMatchObject({
      [ATTRIBUTES.operationName]: 'Events',
      [ATTRIBUTES.cost]: answer.extensions.cost,
      [ATTRIBUTES.outcome]: 'OK',
      'http.response.status_code': 200,
    });
    const requestId = request!.spanContext().spanId;
    const children = spans.filter((span) => parentOf(span) === requestId);
    expect(children.map((span) => span.name).sort()).toEqual(['graphql.parse', 'graphql.validate', 'query.Events']);

    const execute = children.find((span) => span.name === 'query.Events')!;
    const sql = spans.filter((span) => span.name === 'sqlite');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.map((span) => span.attributes['db.query.text'])).toEqual(statements);
    for (const span of sql) {
      expect(parentOf(span)).toBe(execute.spanContext().spanId);
      expect(span.kind).toBe(SpanKind.CLIENT);
    }
    // Nothing but these: no resolver spans.
    expect(spans).toHaveLength(1 + 3 + sql.length);
    // Neither the document nor the variables are recorded.
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain('edges');
  });

  it('starts a new trace without traceparent, and marks a refused request with its code', async () => {
    const answer = await post({ query: 'query Broken { eventKinds { nothing } }' });
    expect(answer.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const request = exporter.getFinishedSpans().find((span) => span.name === 'POST /graphql')!;
    expect(request.spanContext().traceId).not.toBe(TRACE_ID);
    expect(parentOf(request)).toBeUndefined();
    expect(request.attributes[ATTRIBUTES.outcome]).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(request.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('tracingFromEnv', () => {
  it('is off by default and with OTEL_SDK_DISABLED, on with an OTLP endpoint or exporter, and refuses an unknown exporter', async () => {
    expect(tracingFromEnv({})).toBeUndefined();
    expect(
      tracingFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }),
    ).toBeUndefined();
    expect(tracingFromEnv({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBeUndefined();
    for (const env of [{ OTEL_TRACES_EXPORTER: 'otlp' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }]) {
      const provider = tracingFromEnv(env);
      expect(provider).toBeInstanceOf(BasicTracerProvider);
      await provider!.shutdown();
    }
    expect(() => tracingFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow('OTEL_TRACES_EXPORTER must be otlp');
    expect(() => tracingFromEnv({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
      'OTEL_TRACES_SAMPLER must be',
    );
  });
});

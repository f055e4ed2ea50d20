/**
 * OpenTelemetry traces, off unless the standard OTEL_* variables ask for them (tracingFromEnv). A span
 * per GraphQL HTTP request, continuing the caller's trace from its `traceparent`, with spans for parse
 * and validate, the execute span of @envelop/opentelemetry, and one span per SQL statement under it
 * (from the store's statement timing, attributed to the request by request-scope.ts). The request's
 * span carries the operation name, its cost and its outcome code; resolvers get no spans (they would
 * wrap every field of a page). Neither the document text nor the variables are recorded: the SQL
 * statements' text is the store's own, with the values bound as parameters.
 *
 * No context manager is registered (that would put an AsyncLocalStorage hook on every promise): spans
 * are parented explicitly, per request.
 */
import { performance } from 'node:perf_hooks';
import type { BilateralStore } from '@bilateral/store';
import { getCurrentOtelContext, setCurrentOtelContext, useOpenTelemetry } from '@envelop/opentelemetry';
import {
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  type Sampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import { costOf } from '../limits/cost-limit.ts';
import { OK_OUTCOME, useRequestOutcomes } from './request-outcome.ts';
import { attributeStatements, type RequestStats, requestStatsOf } from './request-scope.ts';

export const TRACER_NAME = 'bilateral';

/** Attributes of the request span beside the HTTP ones. */
export const ATTRIBUTES = {
  operationName: 'graphql.operation.name',
  cost: 'bilateral.cost',
  outcome: 'bilateral.outcome',
} as const;

function samplerFromEnv(env: NodeJS.ProcessEnv): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(Number(env.OTEL_TRACES_SAMPLER_ARG ?? 1));
  switch ((env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').trim().toLowerCase()) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    default:
      throw new Error(
        `OTEL_TRACES_SAMPLER must be always_on, always_off, traceidratio or parentbased_ one of them; got "${env.OTEL_TRACES_SAMPLER}".`,
      );
  }
}

/**
 * The tracer provider the environment asks for, or undefined (tracing off). Tracing is on when
 * OTEL_TRACES_EXPORTER is `otlp` or `console`, or when an OTLP endpoint is set
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), unless OTEL_SDK_DISABLED=true or
 * OTEL_TRACES_EXPORTER=none. The OTLP exporter (HTTP, protobuf) reads its own OTEL_EXPORTER_OTLP_*
 * settings; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES name the service (`bilateral` by default).
 */
export function tracingFromEnv(env: NodeJS.ProcessEnv = process.env): BasicTracerProvider | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const exporterName = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (exporterName === 'none' || (!exporterName && !endpoint)) return undefined;
  let exporter: SpanExporter;
  if (exporterName === 'console') exporter = new ConsoleSpanExporter();
  else if (!exporterName || exporterName === 'otlp') exporter = new OTLPTraceExporter();
  else throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none; got "${env.OTEL_TRACES_EXPORTER}".`);
  return createTracerProvider(exporter, env);
}

/** A provider sending spans in batches to `exporter`; tests pass an in-memory exporter. */
export function createTracerProvider(exporter: SpanExporter, env: NodeJS.ProcessEnv = process.env) {
  const resource = resourceFromAttributes({ 'service.name': 'bilateral' }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  return new BasicTracerProvider({
    resource,
    sampler: samplerFromEnv(env),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
}

const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (headers: Headers) => [...headers.keys()],
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
};

/** performance.now() readings as the epoch milliseconds spans take. */
const epochMs = (at: number) => performance.timeOrigin + at;

export interface Tracing {
  plugins: Plugin[];
  /** The trace a request belongs to, for the request log. */
  traceIdOf(request: Request): string | undefined;
}

/** Traces requests to `store`, its SQL statements under them. */
export function createTracing(provider: TracerProvider, store: BilateralStore): Tracing {
  const tracer = provider.getTracer(TRACER_NAME);
  const spans = new WeakMap<Request, Span>();
  /** Where a request's SQL statements go: its execute span once it runs, its own span before. */
  const statementParents = new WeakMap<RequestStats, Context>();
  attributeStatements(store);

  const requestContext = (request: Request) => {
    const span = spans.get(request);
    return span ? trace.setSpan(ROOT_CONTEXT, span) : undefined;
  };
  const graphqlRequest = (graphqlContext: unknown) => (graphqlContext as { request?: Request }).request;

  const childOf = (graphqlContext: unknown, name: string) => {
    const request = graphqlRequest(graphqlContext);
    const parent = request && requestContext(request);
    return parent ? tracer.startSpan(name, {}, parent) : undefined;
  };

  const requests: Plugin = {
    onRequest({ request, url }) {
      if (url.pathname !== '/graphql') return;
      const parent = propagator.extract(ROOT_CONTEXT, request.headers, headerGetter);
      const span = tracer.startSpan(
        `${request.method} /graphql`,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': request.method, 'url.path': url.pathname },
        },
        parent,
      );
      spans.set(request, span);
      const stats = requestStatsOf(request);
      statementParents.set(stats, trace.setSpan(ROOT_CONTEXT, span));
      stats.onStatement = (sql, startedAt, milliseconds) =>
        tracer
          .startSpan(
            'sqlite',
            {
              kind: SpanKind.CLIENT,
              startTime: epochMs(startedAt),
              attributes: { 'db.system.name': 'sqlite', 'db.query.text': sql },
            },
            statementParents.get(stats),
          )
          .end(epochMs(startedAt + milliseconds));
    },
    onParse({ context }) {
      const span = childOf(context, 'graphql.parse');
      return () => span?.end();
    },
    onValidate({ context }) {
      const span = childOf(context, 'graphql.validate');
      return ({ valid }) => {
        if (!valid) span?.setStatus({ code: SpanStatusCode.ERROR });
        span?.end();
      };
    },
    // The execute span of @envelop/opentelemetry is made a child of the request's span.
    onExecute({ args }) {
      const request = graphqlRequest(args.contextValue);
      const parent = request && requestContext(request);
      if (parent) setCurrentOtelContext(args.contextValue, parent);
    },
    onSubscribe({ args }) {
      const request = graphqlRequest(args.contextValue);
      const parent = request && requestContext(request);
      if (parent) setCurrentOtelContext(args.contextValue, parent);
    },
  };
  // After the envelop plugin has started its execute span: statements from now on go under it.
  const executeParent: Plugin = {
    onExecute({ args }) {
      const request = graphqlRequest(args.contextValue);
      if (request) statementParents.set(requestStatsOf(request), getCurrentOtelContext(args.contextValue));
    },
  };
  const outcomes = useRequestOutcomes((request, response, { operationName, outcome }) => {
    const span = spans.get(request);
    if (!span) return;
    const cost = costOf(request);
    span.setAttributes({
      'http.response.status_code': response.status,
      [ATTRIBUTES.outcome]: outcome,
      ...(operationName ? { [ATTRIBUTES.operationName]: operationName } : {}),
      ...(cost === undefined ? {} : { [ATTRIBUTES.cost]: cost }),
    });
    if (outcome !== OK_OUTCOME) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    span.end();
  });

  return {
    plugins: [
      requests,
      // An envelop plugin, typed for its own context symbol, which Yoga's context type does not declare.
      useOpenTelemetry(
        { document: false, variables: false, result: false, resolvers: false },
        provider,
      ) as unknown as Plugin,
      executeParent,
      outcomes,
    ],
    traceIdOf: (request) => spans.get(request)?.spanContext().traceId,
  };
}

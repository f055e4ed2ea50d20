import type { BilateralStore } from '@bilateral/store';
import { introspectionFromSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { maskError } from './errors.ts';
import { type AuditLog, consoleAuditLog } from './execution/auth.ts';
import { useCompiledExecution } from './execution/compiled-execution.ts';
import { type Context, createContext } from './execution/context.ts';
import {
  DOCUMENT_ID_PARAM,
  sdkTrustedDocuments,
  type TrustedDocuments,
  useTrustedDocuments,
} from './execution/trusted-documents.ts';
import { useExplorer } from './explorer-route.ts';
import { useExports } from './exports/routes.ts';
import { useGraphiQLAssets } from './graphiql/assets.ts';
import { graphiqlTabs } from './graphiql/examples.ts';
import { renderGraphiQLPage } from './graphiql/page.ts';
import { useBodyLimit } from './http/body-limit.ts';
import { useCors } from './http/cors.ts';
import { useCodedErrorBodies } from './http/error-bodies.ts';
import { useHealth, YOGA_HEALTH_PATH } from './http/health.ts';
import { useHttpCache } from './http/http-cache.ts';
import { useJsonOnlyPost } from './http/json-only-post.ts';
import { useOperationTurns } from './http/operation-turns.ts';
import { useCostLimit } from './limits/cost-limit.ts';
import { type AdmissionGate, createAdmissionGate, useCostlyAdmission } from './limits/costly-admission.ts';
import { useDocumentLimits } from './limits/document-limits.ts';
import { type RateLimitOptions, useRateLimit } from './limits/rate-limit.ts';
import { type ChangeBus, createChangeBus } from './live/changes.ts';
import { jsonOperatorLogger, operatorLogger } from './logging.ts';
import type { Metrics } from './observability/metrics.ts';
import { type Scrape, useMetricsEndpoint } from './observability/metrics-endpoint.ts';
import { type RequestLogOptions, useRequestLog } from './observability/request-log.ts';
import { scopedStore } from './observability/request-scope.ts';
import type { Tracing } from './observability/tracing.ts';
import { schema } from './schema/index.ts';

export interface BilateralYogaOptions {
  store: BilateralStore;
  /** Yoga's logger; pass false to silence it (tests). */
  logging?: boolean;
  /** Where denied writes are reported; defaults to one JSON line on stderr. */
  audit?: AuditLog;
  /** Origins whose pages may call the API from a browser (`CORS_ORIGINS`); every origin when undefined. */
  corsOrigins?: readonly string[];
  /** A points budget per client (limits/rate-limit.ts); off when absent. */
  rateLimit?: RateLimitOptions;
  /** The trusted documents answered by ID; defaults to the SDK's manifest. */
  trustedDocuments?: TrustedDocuments;
  /** Refuse documents sent as text, answering only trusted document IDs (`TRUSTED_DOCUMENTS_ONLY`). */
  trustedDocumentsOnly?: boolean;
  /** Admits costly queries a few at a time (limits/costly-admission.ts); one at a time, four waiting, by default. */
  costlyAdmission?: AdmissionGate;
  /** Where `eventChanged` subscribers hear of committed writes; by default a bus of its own, fed by the store's change feed. */
  changes?: ChangeBus;
  /** The directory of source documents that `Citation.passage` reads (`SOURCES_DIR`); passages are null without it. */
  sourcesDir?: string | undefined;
  /** Prometheus metrics of this server's requests (observability/metrics.ts); none when absent. */
  metrics?: Metrics;
  /** Serves GET /metrics on this handler with what `scrapeMetrics` returns; not served when absent. */
  scrapeMetrics?: Scrape;
  /** `LOG_FORMAT=json`: one JSON line per request (observability/request-log.ts), and the log's other lines as JSON too. */
  requestLog?: Omit<RequestLogOptions, 'store'>;
  /** OpenTelemetry spans of each request (observability/tracing.ts); none when absent. */
  tracing?: Tracing;
}

export type BilateralYoga = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL HTTP handler, without a socket: `server.ts` listens, tests call `yoga.fetch`. */
export function createBilateralYoga({
  store,
  logging = true,
  audit = consoleAuditLog,
  corsOrigins,
  rateLimit,
  trustedDocuments = sdkTrustedDocuments(),
  trustedDocumentsOnly = false,
  changes = createChangeBus(store),
  costlyAdmission = createAdmissionGate(),
  sourcesDir,
  metrics,
  scrapeMetrics,
  requestLog,
  tracing,
}: BilateralYogaOptions): BilateralYoga {
  const graphqlEndpoint = '/graphql';
  // GraphiQL's own introspection query is refused when only trusted documents run, so its page carries the schema.
  const graphiqlSchema = trustedDocumentsOnly ? introspectionFromSchema(schema) : undefined;
  // The metrics and traces count each request's statements: its resolvers reach the store through a view scoped to it.
  const countStatements = metrics !== undefined || tracing !== undefined;
  return createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) =>
      createContext(countStatements ? scopedStore(store, request) : store, { request, audit, changes, sourcesDir }),
    graphqlEndpoint,
    landingPage: false,
    logging: logging && (requestLog ? jsonOperatorLogger : operatorLogger),
    maskedErrors: { maskError },
    cors: false,
    // No uploads: a multipart body is a form a page could submit (useJsonOnlyPost refuses it too).
    multipart: false,
    // useBodyLimit already holds every body to 1 MiB (declared or counted); Yoga's own 25 MB limit would pipe
    // each body through another stream for nothing.
    maxRequestBodySize: false,
    extraParamNames: [DOCUMENT_ID_PARAM],
    // useCodedErrorBodies first: its onResponse runs before the others, so CORS headers land on its bodies.
    plugins: [
      useCodedErrorBodies(),
      // Right after the coded bodies, so the metrics read every refusal's code, and before any plugin that refuses.
      ...(metrics?.plugins ?? []),
      ...(tracing?.plugins ?? []),
      ...(scrapeMetrics ? [useMetricsEndpoint(scrapeMetrics)] : []),
      ...(requestLog ? [useRequestLog({ store, ...requestLog })] : []),
      useCors(corsOrigins),
      useJsonOnlyPost(graphqlEndpoint),
      useBodyLimit(),
      useExports(store),
      useHealth(store),
      useGraphiQLAssets(),
      useExplorer(),
      // Before every other onParams hook: the parsing, validation and execution that follow wait for their turn.
      useOperationTurns(),
      useTrustedDocuments({ documents: trustedDocuments, only: trustedDocumentsOnly }),
      useHttpCache(),
      useDocumentLimits(),
      useCostLimit(),
      ...(rateLimit ? [useRateLimit(store, rateLimit)] : []),
      useCompiledExecution(),
      // Last: it wraps the executor the one before sets, and needs the price useCostLimit found.
      useCostlyAdmission(costlyAdmission),
    ],
    healthCheckEndpoint: YOGA_HEALTH_PATH,
    graphiql: {
      title: 'Bilateral — Pakistan–Russia relations',
      defaultTabs: graphiqlTabs(),
    },
    renderGraphiQL: (options) => renderGraphiQLPage(options, graphiqlSchema),
  });
}

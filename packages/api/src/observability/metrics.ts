/**
 * Prometheus metrics (`/metrics`, text format): the time of each GraphQL phase (phase-timing.ts)
 * and of whole requests, requests by operation and outcome (the `extensions.code` answered, `OK` when
 * none), the price of each operation (`extensions.cost`), the SQL statements and database time of
 * each request, open subscriptions and the changes delivered on them, rate-limit refusals, and the
 * size of the database. prom-client's default metrics add event-loop lag, heap and RSS.
 *
 * Every label value is bounded: operation names only from the trusted documents (operation-names.ts),
 * codes only from ERROR_CODES, transports and phases from fixed lists. No ID, slug or query text.
 */
import type { BilateralStore } from '@bilateral/store';
import type { ExecutionResult } from 'graphql';
import { finalAsyncIterator, isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { TrustedDocuments } from '../execution/trusted-documents.ts';
import { costOf, MAX_QUERY_COST } from '../limits/cost-limit.ts';
import { operationLabel, trustedOperationNames } from './operation-names.ts';
import { usePhaseTiming } from './phase-timing.ts';
import { RequestCounter, RequestHistogram } from './request-metrics.ts';
import { useRequestOutcomes } from './request-outcome.ts';
import { attributeStatements, countedStatsOf, statementTotals } from './request-scope.ts';

export const METRICS_PATH = '/metrics';

/** Seconds: from a fraction of a millisecond (a cached page) to the slowest refused scan. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Points: a single lookup costs a few, a page of 100 events with their lists about 20,000. */
const COST_BUCKETS = [1, 5, 10, 50, 100, 500, 1_000, 2_500, 5_000, 10_000, 25_000, MAX_QUERY_COST];
const STATEMENT_BUCKETS = [0, 1, 2, 3, 4, 6, 8, 12, 16, 32, 64];

export type Transport = 'http' | 'sse' | 'websocket';

export interface Metrics {
  readonly registry: Registry;
  /** The Yoga plugins that observe requests; put them right after the plugins that shape refusal bodies. */
  readonly plugins: Plugin[];
  /** Counts an operation answered outside an HTTP request (a WebSocket message). */
  recordOperation(operationName: string | null | undefined, outcome: string, cost: number | undefined): void;
  /** The label an operation name is counted under. */
  operationLabel(name: string | null | undefined): string;
}

export interface MetricsOptions {
  store: BilateralStore;
  trustedDocuments: TrustedDocuments;
  /** prom-client's process metrics (event-loop lag, heap, RSS, CPU); off in tests that build many servers. */
  processMetrics?: boolean;
}

export function createMetrics({ store, trustedDocuments, processMetrics = true }: MetricsOptions): Metrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const names = trustedOperationNames(trustedDocuments);
  const label = (name: string | null | undefined) => operationLabel(names, name);
  const registers = [registry];

  const requests = new RequestCounter({
    name: 'bilateral_graphql_requests_total',
    help: 'GraphQL requests by operation (trusted document names, else "other") and outcome (the first error\'s extensions.code, OK without one).',
    labelNames: ['operation', 'outcome'],
    registers,
  });
  const cost = new RequestHistogram({
    name: 'bilateral_graphql_operation_cost',
    help: 'The price of each priced operation in points (extensions.cost).',
    labelNames: ['operation'],
    buckets: COST_BUCKETS,
    registers,
  });
  const statementsPerRequest = new RequestHistogram({
    name: 'bilateral_request_sql_statements',
    help: 'SQL statements run by one HTTP request.',
    labelNames: ['operation'],
    buckets: STATEMENT_BUCKETS,
    registers,
  });
  const databaseTimePerRequest = new RequestHistogram({
    name: 'bilateral_request_database_seconds',
    help: 'Time one HTTP request spent running SQL statements.',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const requestDuration = new RequestHistogram({
    name: 'bilateral_graphql_request_duration_seconds',
    help: "Time from a GraphQL HTTP request's arrival to its response, refusals included.",
    labelNames: ['operation', 'statusCode'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const refusals = new Counter({
    name: 'bilateral_rate_limit_refusals_total',
    help: 'Requests refused with RATE_LIMITED because their client had spent its points.',
    registers,
  });
  const openSubscriptions = new Gauge({
    name: 'bilateral_subscriptions_open',
    help: 'Subscriptions (eventChanged) open now, by transport.',
    labelNames: ['transport'],
    registers,
  });
  const deliveries = new Counter({
    name: 'bilateral_change_deliveries_total',
    help: 'Changes delivered to subscribers (one per subscriber and change), by transport.',
    labelNames: ['transport'],
    registers,
  });
  let counted = { statements: 0, databaseMs: 0 };
  new Counter({
    name: 'bilateral_sql_statements_total',
    help: 'SQL statements run by this process, within requests or not.',
    registers,
    collect() {
      const totals = statementTotals();
      this.inc(totals.statements - counted.statements);
      counted = { ...counted, statements: totals.statements };
    },
  });
  new Counter({
    name: 'bilateral_database_seconds_total',
    help: 'Time this process spent running SQL statements.',
    registers,
    collect() {
      const totals = statementTotals();
      this.inc((totals.databaseMs - counted.databaseMs) / 1000);
      counted = { ...counted, databaseMs: totals.databaseMs };
    },
  });
  new Gauge({
    name: 'bilateral_database_size_bytes',
    help: 'Bytes the database takes on disk (its file and write-ahead log).',
    registers,
    // Every worker serves the same file: aggregated over a cluster, one worker's reading is the answer.
    aggregator: 'first',
    async collect() {
      this.set(await store.databaseSizeBytes());
    },
  });
  attributeStatements(store);

  const phases = usePhaseTiming({ registry, label, buckets: LATENCY_BUCKETS });

  const record = (operation: string, outcome: string, price: number | undefined) => {
    requests.inc({ operation, outcome });
    if (price !== undefined) cost.observe({ operation }, price);
    if (outcome === 'RATE_LIMITED') refusals.inc();
  };
  const outcomes = useRequestOutcomes((request, response, { operationName, outcome, durationMs }) => {
    const operation = label(operationName);
    record(operation, outcome, costOf(request));
    requestDuration.observe({ operation, statusCode: response.status }, durationMs / 1000);
    // A request refused before its context was made ran no statement.
    const stats = countedStatsOf(request);
    statementsPerRequest.observe({ operation }, stats?.statements ?? 0);
    databaseTimePerRequest.observe({ operation }, (stats?.databaseMs ?? 0) / 1000);
  });
  const subscriptions: Plugin = {
    onSubscribe({ args }) {
      const transport: Transport = (args.contextValue as { transport?: Transport }).transport ?? 'sse';
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          openSubscriptions.inc({ transport });
          setResult(
            finalAsyncIterator(
              mapAsyncIterator(result, (item: ExecutionResult) => {
                deliveries.inc({ transport });
                return item;
              }),
              () => openSubscriptions.dec({ transport }),
            ),
          );
        },
      };
    },
  };

  return {
    registry,
    plugins: [outcomes, subscriptions, phases],
    recordOperation: (name, outcome, price) => record(label(name), outcome, price),
    operationLabel: label,
  };
}

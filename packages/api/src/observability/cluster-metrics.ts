/**
 * One scrape for every worker (`WORKERS`): prom-client's AggregatorRegistry in the primary asks each
 * worker for its registry over the cluster's IPC channel and merges them (counters and histograms
 * summed, the database size taken once). A worker that is scraped on the API's port asks the
 * primary for that merged text, so whichever worker the scraper reaches, the answer covers all.
 */
import type { Cluster } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Scrape } from './metrics-endpoint.ts';

const REQUEST = 'bilateral:metrics-request';
const RESPONSE = 'bilateral:metrics-response';

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}
interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

const isMessage = <T extends { type: string }>(message: unknown, type: T['type']): message is T =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

/** In the primary: answers workers' requests for the cluster's metrics; returns the primary's own scrape of them. */
export function serveClusterMetrics(cluster: Cluster): Scrape {
  const aggregator = new AggregatorRegistry();
  const scrape = () => aggregator.clusterMetrics();
  cluster.on('message', (worker, message) => {
    if (!isMessage<MetricsRequest>(message, REQUEST)) return;
    scrape().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text } satisfies MetricsResponse),
      (error: Error) => worker.send({ type: RESPONSE, id: message.id, error: error.message } satisfies MetricsResponse),
    );
  });
  return scrape;
}

/** In a worker: offers `registry` to the primary's aggregation, and scrapes the whole cluster through the primary. */
export function workerMetrics(registry: Registry): Scrape {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one installs prom-client's worker-side listener, which answers the primary's requests.
  new AggregatorRegistry();
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  process.on('message', (message) => {
    if (!isMessage<MetricsResponse>(message, RESPONSE)) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.text !== undefined) waiting?.resolve(message.text);
    else waiting?.reject(new Error(message.error ?? 'no answer from the primary'));
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
    });
}

// Starts Bilateral: opens the SQLite database (creating and migrating it and loading seeds/, or
// read-only: see open-database.ts) and serves GraphQL with GraphiQL at http://localhost:$PORT/graphql.
// HOST picks the interface (every interface when unset); CORS_ORIGINS lists the browser origins
// that may call the API (every origin when unset). With WORKERS=n (n > 1) the primary opens the
// database once (migrations, seeds), then forks n workers that serve (cluster.ts).
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { type BilateralStore, resolveDatabasePath } from '@bilateral/store';
import { sdkTrustedDocuments } from './execution/trusted-documents.ts';
import { parseCorsOrigins } from './http/cors.ts';
import { createBilateralServer } from './http/http-server.ts';
import { admissionFromEnv, createAdmissionGate } from './limits/costly-admission.ts';
import { rateLimitFromEnv, trustedProxiesFromEnv } from './limits/rate-limit.ts';
import { type ChangeBus, createChangeBus } from './live/changes.ts';
import { relayChanges, workerCount, workerRelay } from './live/cluster.ts';
import { serveClusterMetrics, workerMetrics } from './observability/cluster-metrics.ts';
import { createMetrics } from './observability/metrics.ts';
import { metricsPortFromEnv, type Scrape, startMetricsServer } from './observability/metrics-endpoint.ts';
import { logFormatFromEnv } from './observability/request-log.ts';
import { createTracing, tracingFromEnv } from './observability/tracing.ts';
import { booleanSetting, openDatabaseForServing, StartupError } from './open-database.ts';
import { sourcesDirSetting } from './sources-dir.ts';
import { createBilateralYoga } from './yoga.ts';

/** A setting read at start-up; an unreadable one stops the server with its message, not a stack. */
function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST || undefined;
const corsOrigins = setting(() => parseCorsOrigins(process.env.CORS_ORIGINS));
const trustedDocumentsOnly = setting(() => booleanSetting('TRUSTED_DOCUMENTS_ONLY'));
const workers = setting(() => workerCount());
const sourcesDir = setting(() => sourcesDirSetting());
const databasePath = resolveDatabasePath();
const metricsOn = !process.env.METRICS?.trim() || setting(() => booleanSetting('METRICS'));
const metricsPort = setting(() => metricsPortFromEnv());
const logFormat = setting(() => logFormatFromEnv());
const tracerProvider = setting(() => tracingFromEnv());

/** Serves /metrics alone on 127.0.0.1:METRICS_PORT, and says where once it listens. */
function listenForScrapes(port: number, scrape: Scrape) {
  const server = startMetricsServer(port, scrape);
  server.on('listening', () =>
    console.log(`Metrics at http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics (METRICS_PORT)`),
  );
  return server;
}

async function openDatabase(options?: Parameters<typeof openDatabaseForServing>[2]): Promise<BilateralStore> {
  try {
    return await openDatabaseForServing(databasePath, process.env, options);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(`Bilateral did not start: ${error.message}`);
    process.exit(1);
  }
}

/** Serves once the change feed listens, so no write acknowledged after the start is missed by `eventChanged`. */
async function serveWhenListening(store: BilateralStore) {
  const changes = createChangeBus(store);
  try {
    await changes.ready;
  } catch (error) {
    const storage = store.storageErrorOf(error);
    console.error(
      `Bilateral did not start: cannot listen for changes: ${storage ? storage.logLine() : (error as Error).message}`,
    );
    process.exit(1);
  }
  serve(store, changes);
}

function serve(store: BilateralStore, changes: ChangeBus) {
  const metrics = metricsOn ? createMetrics({ store, trustedDocuments: sdkTrustedDocuments() }) : undefined;
  // In a cluster every scrape answers for all workers, through the primary (cluster-metrics.ts).
  const scrape = metrics && (cluster.isWorker ? workerMetrics(metrics.registry) : () => metrics.registry.metrics());
  const tracing = tracerProvider && createTracing(tracerProvider, store);
  const metricsServer =
    scrape && metricsPort !== undefined && !cluster.isWorker ? listenForScrapes(metricsPort, scrape) : undefined;
  const yoga = createBilateralYoga({
    store,
    corsOrigins,
    rateLimit: rateLimitFromEnv(),
    costlyAdmission: createAdmissionGate(admissionFromEnv()),
    trustedDocumentsOnly,
    changes,
    sourcesDir,
    metrics,
    scrapeMetrics: metricsPort === undefined ? scrape : undefined,
    requestLog:
      logFormat === 'json' ? { trustedProxies: trustedProxiesFromEnv(), traceIdOf: tracing?.traceIdOf } : undefined,
    tracing,
  });
  const server = createBilateralServer(yoga, {
    webSockets: { store, trustedDocuments: sdkTrustedDocuments(), trustedDocumentsOnly, metrics },
  });
  if (trustedDocumentsOnly)
    console.log(
      "TRUSTED_DOCUMENTS_ONLY: only the SDK's operations run; GraphiQL runs its example tabs and the explorer's links, not other queries.",
    );
  // PORT=0 picks a free port; print the one actually bound so scripts and tests can find it.
  server.listen(port, host, () => {
    const shownHost =
      !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    console.log(
      `Bilateral GraphQL API and GraphiQL at http://${shownHost}:${(server.address() as AddressInfo).port}${yoga.graphqlEndpoint}` +
        (cluster.isWorker ? ` (worker ${cluster.worker!.id} of ${workers})` : ''),
    );
    console.log(`CORS: ${corsOrigins ? `pages at ${corsOrigins.join(', ')} only` : 'pages at any origin may read'}`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      metricsServer?.close();
      server.close(async () => {
        try {
          await store.close();
          // Spans still batched are sent before the process ends.
          await tracerProvider?.shutdown();
        } finally {
          process.exit(0);
        }
      });
    });
  }
}

// A CommonJS bundle has no top-level await. Each process that serves runs its store's whole-dataset
// scans on a thread of their own, so cheap requests are answered while they count.
if (workers === 1) {
  openDatabase({ scanThread: true, sourcesDir }).then(serveWhenListening);
} else if (cluster.isPrimary) {
  openDatabase({ sourcesDir })
    .then((store) => store.close())
    .then(forkWorkers);
} else {
  // The primary has migrated the database and loaded the seeds; a worker only opens it.
  openDatabase({ seeds: false, scanThread: true, changeRelay: workerRelay(), sourcesDir }).then(serveWhenListening);
}

/** The primary, once it has migrated the database and loaded the seeds: the workers, restarted when one dies. */
function forkWorkers() {
  relayChanges(cluster);
  if (metricsOn) {
    const scrape = serveClusterMetrics(cluster);
    if (metricsPort !== undefined) listenForScrapes(metricsPort, scrape);
  }
  let shuttingDown = false;
  for (let index = 0; index < workers; index++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (shuttingDown) return;
    console.error(`worker ${worker.id} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      shuttingDown = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
}

/**
 * Whole-dataset scans run off the serving thread. better-sqlite3 is synchronous, so a filtered
 * statistics request at a million events would hold the thread that answers every other request for
 * hundreds of milliseconds; on a thread of its own (a worker with its own read-only connection) the
 * scan leaves the serving thread free, and a cheap request is answered while it runs. One scan
 * thread per store that asked for it (`openSqliteStore(path, { scanThread: true })`, which the server
 * does in each serving process); scans queue on it in order (the API's admission of costly queries
 * keeps that queue short). A store without one runs the same scans in-process, with the same results
 * and errors.
 */
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { QueryError, type QueryErrorCode } from '../../errors/query-error.ts';
import type { ScanArgs, ScanName, ScanReply, ScanResult } from './scan-functions.ts';

export interface ScanThread {
  run<Name extends ScanName>(name: Name, ...args: ScanArgs<Name>): Promise<ScanResult<Name>>;
  /** Scans answered by the thread so far. */
  readonly completed: number;
  close(): Promise<void>;
}

/**
 * The worker: `scan-worker.cjs` beside the bundle when this runs from one (the API's
 * `scripts/bundle.mjs` writes it beside `dist/server.cjs`), else the TypeScript source through tsx
 * (`scan-worker-source.mjs`).
 */
function newWorker(databasePath: string): Worker {
  const options = { workerData: { databasePath }, name: `scans of ${basename(databasePath)}` };
  const bundle = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
  if (bundle) return new Worker(join(dirname(bundle), 'scan-worker.cjs'), options);
  return new Worker(new URL('./scan-worker-source.mjs', import.meta.url), options);
}

/**
 * An error rebuilt on this side, so that callers see what an in-process scan throws: a caller's
 * mistake as the store's `QueryError`, anything else (SQLite's codes included) as an error with its
 * name and code.
 */
function rebuiltError({ name, message, code, argument }: Extract<ScanReply, { error: unknown }>['error']): Error {
  if (name === 'QueryError') return new QueryError(code as QueryErrorCode, message, argument as string | undefined);
  return Object.assign(new Error(message), { name, code });
}

/** Starts a scan thread over the SQLite file at `databasePath`, which must exist with every migration applied. */
export function startScanThread(databasePath: string): ScanThread {
  const worker = newWorker(databasePath);
  // The serving process's own handles keep it alive; a scan thread alone must not.
  worker.unref();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let completed = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: ScanReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    completed++;
    if ('error' in reply) waiting.reject(rebuiltError(reply.error));
    else waiting.resolve(reply.result);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the scan thread exited (code ${code})`)));
  return {
    run(name, ...args) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // The worker ran SCAN_FUNCTIONS[name]: its result has that scan's type.
        pending.set(id, { resolve: (value) => resolve(value as ScanResult<typeof name>), reject });
        worker.postMessage({ id, name, args });
      });
    },
    get completed() {
      return completed;
    },
    async close() {
      await worker.terminate();
    },
  };
}

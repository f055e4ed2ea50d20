/**
 * The scan thread's entry (a worker thread): opens the database read-only and runs each scan it is
 * sent, in order, on that connection. WAL lets it read while the serving thread writes; each scan
 * reads the last committed state when it starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../../db/client.ts';
import { SCAN_FUNCTIONS, type ScanReply, type ScanRequest } from './scan-functions.ts';

const database = openStore((workerData as { databasePath: string }).databasePath, { readOnly: true });

parentPort!.on('message', ({ id, name, args }: ScanRequest) => {
  let reply: ScanReply;
  try {
    const scan = SCAN_FUNCTIONS[name] as (...values: unknown[]) => unknown;
    reply = { id, result: scan(database, ...args) };
  } catch (caught) {
    const error = caught as Error & { code?: unknown; argument?: unknown };
    reply = { id, error: { name: error.name, message: error.message, code: error.code, argument: error.argument } };
  }
  parentPort!.postMessage(reply);
});

/**
 * The scan thread's entry (a worker thread): opens the database read-only and runs each scan it is
 * sent, in order, on that connection. WAL lets it read while the serving thread writes; each scan
 * reads the last committed state when it starts.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../../db/client.ts';
import { SCAN_FUNCTIONS, type ScanReply, type ScanRequest } from './scan-functions.ts';

/**
 * The scan thread gives way to the serving thread. On Linux each thread has its own nice value, and
 * the scheduler gives a nice-19 thread about 1.5% of a core it shares with a nice-0 one: a scan on the
 * serving thread's core no longer halves the rate of cheap requests, and it still runs at full speed
 * whenever the serving thread is idle. Elsewhere (no /proc/thread-self) scans keep the process's priority.
 */
function yieldToTheServingThread() {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    setPriority(threadId, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux: the scan thread keeps the serving thread's priority.
  }
}
yieldToTheServingThread();

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

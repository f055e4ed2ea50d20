/**
 * Serving from several processes (`WORKERS`). node:cluster forks workers that share the listening
 * socket; SQLite in WAL mode lets them share the database file. The primary migrates and loads the
 * seeds once, before forking, and relays change notifications: a write on one worker publishes its
 * `eventChanged` to the primary, which passes it to every other worker, so a subscriber gets it
 * whichever worker holds its stream.
 */
import type { Cluster } from 'node:cluster';
import type { ChangeRelay, EventChange } from './changes.ts';

const MESSAGE = 'bilateral:eventChanged';

interface ChangeMessage {
  type: typeof MESSAGE;
  change: EventChange;
}

const isChangeMessage = (message: unknown): message is ChangeMessage =>
  typeof message === 'object' && message !== null && (message as ChangeMessage).type === MESSAGE;

/** The relay of a cluster worker: through the IPC channel to the primary. */
export const workerRelay = (): ChangeRelay => ({
  send: (change) => process.send?.({ type: MESSAGE, change } satisfies ChangeMessage),
  onRemote: (listener) =>
    process.on('message', (message) => {
      if (isChangeMessage(message)) listener(message.change);
    }),
});

/** In the primary: passes each worker's changes on to every other worker. */
export function relayChanges(cluster: Cluster): void {
  cluster.on('message', (from, message) => {
    if (!isChangeMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
  });
}

/** `WORKERS`: how many processes serve; 1 (the default) serves from this process, without a cluster. */
export function workerCount(value = process.env.WORKERS): number {
  if (value === undefined || value === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`WORKERS must be a whole number of at least 1; got "${value}".`);
  return count;
}

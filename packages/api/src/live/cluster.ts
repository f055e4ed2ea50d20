/**
 * Serving from several processes (`WORKERS`). node:cluster forks workers that share the listening
 * socket; SQLite in WAL mode lets them share the database file. The primary migrates and loads the
 * seeds once, before forking, and relays the changes each worker's store announces (a SQLite file
 * has no channel between processes of its own) to every other worker, so a subscriber gets them
 * whichever worker holds its stream. A PostgreSQL store carries changes between processes itself and
 * never uses the relay.
 */
import type { Cluster } from 'node:cluster';
import type { ChangeRelay, CommittedChange } from '@bilateral/store';

const MESSAGE = 'bilateral:changes';

interface ChangeMessage {
  type: typeof MESSAGE;
  changes: readonly CommittedChange[];
}

const isChangeMessage = (message: unknown): message is ChangeMessage =>
  typeof message === 'object' && message !== null && (message as ChangeMessage).type === MESSAGE;

/** The relay of a cluster worker: through the IPC channel to the primary. */
export const workerRelay = (): ChangeRelay => ({
  send: (changes) => process.send?.({ type: MESSAGE, changes } satisfies ChangeMessage),
  onRemote: (listener) =>
    process.on('message', (message) => {
      if (isChangeMessage(message)) listener(message.changes);
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

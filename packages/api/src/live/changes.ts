/** Notifications of committed writes, which the `eventChanged` subscription streams to clients. */

import type { BilateralStore, CommittedChange, RevisionOperation } from '@bilateral/store';
import { createPubSub, type PubSubEvent, type PubSubEventTarget, Repeater } from 'graphql-yoga';
import { userError } from '../errors.ts';

export interface EventChange {
  /** The revision the change wrote: its place in commit order, and the cursor a subscriber resumes after. */
  revisionId: number;
  eventId: number;
  version: number;
  operation: RevisionOperation;
}

type ChangeTopics = { eventChanged: [EventChange] };

/**
 * The most revisions (of any record) a resumed subscription replays: one read of the revision log,
 * bounded so a client that comes back after days cannot make the server read it whole; further
 * back, the client reloads instead (RESUME_POINT_TOO_OLD).
 */
export const RESUME_REVISIONS = 1000;

/**
 * In-process publish/subscribe fed by the store's change feed: each committed change of an event,
 * whichever process wrote it, is published here once, in commit order (the store keeps that
 * promise; see `watchChanges`). `ready` resolves once the feed listens. `eventTarget` is where
 * subscribers register (a fresh one by default); tests pass one that counts them, and a smaller
 * `resumeRevisions` to reach the replay's bound.
 */
export function createChangeBus(
  store: BilateralStore,
  eventTarget: PubSubEventTarget<ChangeTopics> = new EventTarget(),
  { resumeRevisions = RESUME_REVISIONS } = {},
) {
  const local = createPubSub<ChangeTopics>({ eventTarget });
  const publish = ({ revisionId, entityType, entityId, version, operation }: CommittedChange) => {
    if (entityType === 'event') local.publish('eventChanged', { revisionId, eventId: entityId, version, operation });
  };
  const ready = store.watchChanges(publish).then(() => undefined);
  // The server awaits `ready` and stops on its failure; a handler that never awaits it (a test's, one
  // whose store was closed at once) must not leave the failure unhandled.
  ready.catch(() => {});

  /**
   * Every event change committed after revision `after`, then the live ones, each once, in commit
   * order: the live feed is heard first, the log read after, and a live change the read already
   * returned is dropped. Throws RESUME_POINT_TOO_OLD when more than RESUME_REVISIONS came since.
   */
  async function subscribeAfter(after: number): Promise<AsyncIterableIterator<EventChange>> {
    const heard: EventChange[] = [];
    let pass: ((change: EventChange) => void) | undefined;
    const hear = (event: PubSubEvent<ChangeTopics, 'eventChanged'>) => {
      const change = event.detail;
      if (pass) pass(change);
      else heard.push(change);
    };
    eventTarget.addEventListener('eventChanged', hear);
    let hearing = true;
    const stopHearing = () => {
      if (hearing) eventTarget.removeEventListener('eventChanged', hear);
      hearing = false;
    };
    let logged: Awaited<ReturnType<BilateralStore['changesSince']>>;
    try {
      logged = await store.changesSince(after, resumeRevisions + 1);
    } catch (error) {
      stopHearing();
      throw error;
    }
    if (logged.length > resumeRevisions) {
      stopHearing();
      throw userError(
        'RESUME_POINT_TOO_OLD',
        `More than ${resumeRevisions} changes were committed after \`after\`, more than the server replays. Read the events you show again, then subscribe without \`after\` (or page through \`changes(since:)\` from your cursor, then subscribe with the newest one).`,
        'after',
      );
    }
    const replayedTo = logged.at(-1)?.id ?? after;
    const replayed = logged
      .filter((row) => row.entityType === 'event')
      .map(
        (row): EventChange => ({
          revisionId: row.id,
          eventId: row.entityId,
          version: row.version,
          operation: row.operation,
        }),
      );
    const changes = new Repeater<EventChange>(async (push, stop) => {
      stop.then(stopHearing);
      for (const change of replayed) await push(change);
      pass = (change) => {
        if (change.revisionId > replayedTo) void push(change);
      };
      for (const change of heard.splice(0)) pass(change);
    });
    // A subscription ended before it was first read never runs the Repeater's body: stop hearing here too.
    const iterator: AsyncIterableIterator<EventChange> = {
      [Symbol.asyncIterator]: () => iterator,
      next: () => changes.next(),
      return: (value?: unknown) => {
        stopHearing();
        return changes.return(value);
      },
      throw: (error?: unknown) => {
        stopHearing();
        return changes.throw(error);
      },
    };
    return iterator;
  }

  return { subscribe: local.subscribe, subscribeAfter, ready };
}
export type ChangeBus = ReturnType<typeof createChangeBus>;

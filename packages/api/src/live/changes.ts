/** Notifications of committed writes, which the `eventChanged` subscription streams to clients. */

import type { BilateralStore, CommittedChange, RevisionOperation } from '@bilateral/store';
import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';

export interface EventChange {
  eventId: number;
  version: number;
  operation: RevisionOperation;
}

type ChangeTopics = { eventChanged: [EventChange] };

/**
 * In-process publish/subscribe fed by the store's change feed: each committed change of an event,
 * whichever process wrote it, is published here once, in commit order (the store keeps that
 * promise; see `watchChanges`). `ready` resolves once the feed listens. `eventTarget` is where
 * subscribers register (a fresh one by default); tests pass one that counts them.
 */
export function createChangeBus(store: BilateralStore, eventTarget?: PubSubEventTarget<ChangeTopics>) {
  const local = createPubSub<ChangeTopics>({ eventTarget });
  const publish = ({ entityType, entityId, version, operation }: CommittedChange) => {
    if (entityType === 'event') local.publish('eventChanged', { eventId: entityId, version, operation });
  };
  const ready = store.watchChanges(publish).then(() => undefined);
  // The server awaits `ready` and stops on its failure; a handler that never awaits it (a test's, one
  // whose store was closed at once) must not leave the failure unhandled.
  ready.catch(() => {});
  return { subscribe: local.subscribe, ready };
}
export type ChangeBus = ReturnType<typeof createChangeBus>;

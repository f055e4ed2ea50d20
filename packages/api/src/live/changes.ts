/** Notifications of committed writes, which the `eventChanged` subscription streams to clients. */

import type { RevisionOperation } from '@bilateral/store';
import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';

export interface EventChange {
  eventId: number;
  version: number;
  operation: RevisionOperation;
}

/** How a change bus hears of writes made in other processes, and tells them of its own. */
export interface ChangeRelay {
  send(change: EventChange): void;
  onRemote(listener: (change: EventChange) => void): void;
}

type ChangeTopics = { eventChanged: [EventChange] };

/**
 * In-process publish/subscribe; with a relay (several worker processes), changes published here
 * also reach the other processes, and theirs arrive here. `eventTarget` is where subscribers
 * register (a fresh one by default); tests pass one that counts them.
 */
export function createChangeBus(relay?: ChangeRelay, eventTarget?: PubSubEventTarget<ChangeTopics>) {
  const local = createPubSub<ChangeTopics>({ eventTarget });
  if (!relay) return local;
  relay.onRemote((change) => local.publish('eventChanged', change));
  return {
    ...local,
    publish: (routingKey: 'eventChanged', change: EventChange) => {
      local.publish(routingKey, change);
      relay.send(change);
    },
  } as typeof local;
}
export type ChangeBus = ReturnType<typeof createChangeBus>;

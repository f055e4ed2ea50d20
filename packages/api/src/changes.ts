/** Notifications of committed writes, which the `eventChanged` subscription streams to clients. */

import type { RevisionOperation } from '@bilateral/store';
import { createPubSub } from 'graphql-yoga';
import type { ChangeRelay } from './cluster.ts';

export interface EventChange {
  eventId: number;
  version: number;
  operation: RevisionOperation;
}

/**
 * In-process publish/subscribe; with a relay (several worker processes), changes published here
 * also reach the other processes, and theirs arrive here.
 */
export function createChangeBus(relay?: ChangeRelay) {
  const local = createPubSub<{ eventChanged: [EventChange] }>();
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

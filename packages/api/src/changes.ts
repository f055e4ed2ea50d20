/** In-process notifications of committed writes, which the `eventChanged` subscription streams to clients. */

import type { RevisionOperation } from '@bilateral/store';
import { createPubSub } from 'graphql-yoga';

export interface EventChange {
  eventId: number;
  version: number;
  operation: RevisionOperation;
}

export const createChangeBus = () => createPubSub<{ eventChanged: [EventChange] }>();
export type ChangeBus = ReturnType<typeof createChangeBus>;

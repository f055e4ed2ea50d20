/**
 * The events behind an aggregate (a statistics bucket, a cooperation year, a network edge, a
 * relationship) as a paginated connection, in place of the inline ID lists that grew with the data.
 * Each selected connection costs one query: select it on the aggregate a user drills into.
 */

import type { EventFilter, EventOrder, EventRow, Page, PageArgs } from '@bilateral/store';
import { DEFAULT_PAGE_SIZE } from '@bilateral/store';
import type { Context } from '../execution/context.ts';
import { DRILL_DOWN_FIELD_COST, pagedPrice } from '../limits/pricing.ts';
import type { BuilderTypes } from './builder.ts';
import { toConnection } from './connections.ts';
import { EventConnection, eventListArgs, toEventOrder } from './event.ts';
import { EventRef } from './refs.ts';

export interface DrillDown<Parent> {
  description: string;
  /** The page of the parent's events in the requested order. */
  list: (parent: Parent, store: Context['store'], order: EventOrder[], page: PageArgs) => Promise<Page<EventRow>>;
  /** How many events the parent counts: its count or weight, already known. */
  count: (parent: Parent) => number;
  /** What the page costs on its own, when finding the parent's events costs more than a drill-down usually does. */
  fieldCost?: number;
}

export const drillDownEvents = <Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Parent>,
  { description, list, count, fieldCost = DRILL_DOWN_FIELD_COST }: DrillDown<Parent>,
) =>
  t.connection(
    {
      type: EventRef,
      description,
      complexity: pagedPrice(DEFAULT_PAGE_SIZE, fieldCost),
      args: eventListArgs(),
      resolve: async (parent, args, { store }) =>
        toConnection(await list(parent, store, toEventOrder(args.orderBy), args), () => count(parent)),
    },
    EventConnection,
  );

/** An aggregate together with the filter it was computed under, so its events can be listed under it too. */
export type Filtered<T> = T & { filter: EventFilter | null };

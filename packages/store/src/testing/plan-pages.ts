/**
 * The event pages the query-plan tests of both databases explain (`queries/query-plans.test.ts` on
 * SQLite, `postgres-store/query-plans.test.ts` on PostgreSQL): every order on one key in both
 * directions, and filters that narrow the events in different ways.
 */
import type { EventFilter, EventOrder } from '../queries/events.ts';

export const PLANNED_ORDERS: EventOrder[][] = [
  [],
  [{ field: 'date', direction: 'desc' }],
  [{ field: 'title', direction: 'asc' }],
  [{ field: 'title', direction: 'desc' }],
  [{ field: 'kind', direction: 'asc' }],
  [{ field: 'kind', direction: 'desc' }],
];

export const PLANNED_FILTERS: (EventFilter | null)[] = [
  null,
  { actors: ['pakistan'], from: '2000' },
  { from: '2000', to: '2020' },
  { includeArchived: true },
];

/**
 * The orders of an events page, as sort keys over either database's events table: the same keys
 * and the same ordering names, so cursors mean the same position on both.
 */
import type { Column } from 'drizzle-orm';
import type { SortKey } from './keyset.ts';

export type EventOrderField = 'date' | 'title' | 'kind';
export interface EventOrder {
  field: EventOrderField;
  direction: 'asc' | 'desc';
}

export const DEFAULT_EVENT_ORDER: EventOrder[] = [{ field: 'date', direction: 'asc' }];

/** The events table's columns an order sorts by, from either database's schema. */
export interface EventOrderColumns {
  id: Column;
  title: Column;
  kind: Column;
  dateEarliest: Column;
  dateLatest: Column;
}

interface OrderedEvent {
  id: number;
  title: string;
  kind: string;
  dateEarliest: string;
  dateLatest: string;
}

export function eventSortKeys<Row extends OrderedEvent>(columns: EventOrderColumns, order: readonly EventOrder[]) {
  const byField: Record<EventOrderField, (direction: 'asc' | 'desc') => SortKey<Row>[]> = {
    date: (direction) => [
      { column: columns.dateEarliest, direction, value: (row) => row.dateEarliest },
      { column: columns.dateLatest, direction, value: (row) => row.dateLatest },
    ],
    title: (direction) => [{ column: columns.title, direction, value: (row) => row.title }],
    kind: (direction) => [
      { column: columns.kind, direction, value: (row) => row.kind },
      { column: columns.dateEarliest, direction, value: (row) => row.dateEarliest },
      { column: columns.dateLatest, direction, value: (row) => row.dateLatest },
    ],
  };
  const effective = order.length ? order : DEFAULT_EVENT_ORDER;
  // The ID breaks ties in the direction of the last key, so a one-direction order is one row value
  // that an index on (keys..., id) serves from either end (see `beyond` in keyset.ts).
  const keys: SortKey<Row>[] = [
    ...effective.flatMap((entry) => byField[entry.field](entry.direction)),
    { column: columns.id, direction: effective.at(-1)!.direction, value: (row) => row.id },
  ];
  return { keys, ordering: effective.map((entry) => `${entry.field}:${entry.direction}`).join(',') || 'id' };
}

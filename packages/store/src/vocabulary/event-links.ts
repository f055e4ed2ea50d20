/**
 * An event's links as an event shows them, whichever database read the stored rows: the links it
 * makes (outgoing) first, then those other events make to it (incoming), each by the other event's
 * ID and the link type, so both databases give one order and not whatever their plans read first.
 */
import type { EventLinkType } from './terms.ts';

export interface EventLinkRow {
  eventId: number;
  otherEventId: number;
  type: EventLinkType;
  direction: 'outgoing' | 'incoming';
}

interface StoredLink {
  eventId: number;
  targetEventId: number;
  type: EventLinkType;
}

/** The links of the events `ids` among the stored `rows` (each row is a link in both directions). */
export function linksOf(rows: readonly StoredLink[], ids: readonly number[]): EventLinkRow[] {
  const wanted = new Set(ids);
  const outgoing = rows
    .filter((row) => wanted.has(row.eventId))
    .map((row) => ({
      eventId: row.eventId,
      otherEventId: row.targetEventId,
      type: row.type,
      direction: 'outgoing' as const,
    }));
  const incoming = rows
    .filter((row) => wanted.has(row.targetEventId))
    .map((row) => ({
      eventId: row.targetEventId,
      otherEventId: row.eventId,
      type: row.type,
      direction: 'incoming' as const,
    }));
  const byOther = (a: EventLinkRow, b: EventLinkRow) =>
    a.otherEventId - b.otherEventId || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
  return [...outgoing.sort(byOther), ...incoming.sort(byOther)];
}

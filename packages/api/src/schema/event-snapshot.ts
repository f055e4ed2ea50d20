/**
 * An event as it stood at a past moment (`event(asOf:)`), rebuilt from the revision log. The
 * snapshot rides on the event row, and the Event type's list fields read it instead of the
 * live tables. References are resolved by slug against today's records: an actor merged away
 * since then shows as the actor it was merged into; a record removed outright is left out.
 */
import {
  type BilateralStore,
  type CitationRecord,
  type CitationRow,
  type ClaimRow,
  type EventLinkRow,
  type EventRecord,
  type EventRow,
  type ParticipantRow,
  parseFuzzyDate,
} from '@bilateral/store';
import { userError } from '../errors.ts';
import type { Loaders } from '../execution/context.ts';

export type EventSource = EventRow & { snapshot?: EventRecord };
export type ClaimSource = ClaimRow & { snapshotCitations?: CitationRow[] };

/** Reads `asOf` as an instant: a full ISO 8601 timestamp, or a day meaning the end of that day (UTC). */
export function asOfInstant(asOf: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const time = Date.parse(dayOnly ? `${asOf}T23:59:59.999Z` : asOf);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(asOf) || Number.isNaN(time)) {
    throw userError(
      'BAD_USER_INPUT',
      `asOf must be an ISO 8601 timestamp such as "2026-11-23T10:00:00Z", or a day such as "2026-11-23" (its end, UTC); got "${asOf}".`,
      'asOf',
    );
  }
  // Date.parse rolls an impossible day over ("2026-02-30" becomes March 2); the date rules refuse it.
  try {
    parseFuzzyDate(asOf.slice(0, 10));
  } catch (error) {
    throw userError('BAD_USER_INPUT', `asOf: ${(error as Error).message}`, 'asOf');
  }
  return new Date(time).toISOString();
}

export async function eventAsOf(store: BilateralStore, current: EventRow, asOf: string): Promise<EventSource> {
  const instant = asOfInstant(asOf);
  const revision = await store.revisionAsOf('event', current.id, instant);
  if (!revision?.after)
    throw userError(
      'NOT_FOUND',
      `Event "${current.slug}" did not exist at ${instant}; its history starts later.`,
      'asOf',
    );
  const record = JSON.parse(revision.after) as EventRecord;
  const date = parseFuzzyDate(record.date);
  const archivedAt = record.archived ? ((await archivedBefore(store, current.id, instant)) ?? revision.at) : null;
  return {
    ...current,
    slug: record.slug,
    title: record.title,
    summary: record.summary,
    kind: record.kind,
    place: record.place ?? null,
    dateEdtf: date.edtf,
    dateEarliest: date.earliest,
    dateLatest: date.latest,
    dateBasis: record.dateBasis ?? null,
    amountValue: record.amount?.value ?? null,
    amountCurrency: record.amount?.currency ?? null,
    amountApproximate: record.amount?.approximate ?? false,
    quantityValue: record.quantity?.value ?? null,
    quantityUnit: record.quantity?.unit ?? null,
    version: revision.version,
    archivedAt,
    snapshot: record,
  };
}

/** When the event was archived as of `instant`, if its last archive or restore by then was an archive. */
async function archivedBefore(store: BilateralStore, eventId: number, instant: string): Promise<string | null> {
  const last = await store.revisionAsOf('event', eventId, instant, ['archive', 'restore']);
  return last?.operation === 'archive' ? last.at : null;
}

const present = <T>(items: (T | null)[]) => items.filter((item): item is T => item !== null);

export async function snapshotParticipants(
  event: EventRow,
  record: EventRecord,
  loaders: Loaders,
): Promise<ParticipantRow[]> {
  return present(
    await Promise.all(
      record.participants.map(async (participant, position) => {
        const actorId = await loaders.actorIdBySlug.load(participant.actor);
        return actorId === null ? null : { eventId: event.id, actorId, role: participant.role, position };
      }),
    ),
  );
}

export async function snapshotCitations(
  list: readonly CitationRecord[],
  subject: Partial<CitationRow>,
  loaders: Loaders,
): Promise<CitationRow[]> {
  return present(
    await Promise.all(
      list.map(async (citation, position) => {
        const sourceId = await loaders.sourceIdBySlug.load(citation.source);
        return sourceId === null
          ? null
          : {
              id: 0,
              sourceId,
              paragraph: citation.paragraph,
              note: citation.note ?? null,
              position,
              eventId: null,
              actorId: null,
              officeId: null,
              claimId: null,
              figureId: null,
              ...subject,
            };
      }),
    ),
  );
}

/** Claims as recorded then; each keeps the ID of today's claim with the same field and value, or 0 (resolving to null) if there is none. */
export async function snapshotClaims(event: EventRow, record: EventRecord, loaders: Loaders): Promise<ClaimSource[]> {
  const today = await loaders.eventClaims.load(event.id);
  return Promise.all(
    record.claims.map(async (claim, position) => {
      const id = today.find((row) => row.field === claim.field && row.value === claim.value)?.id ?? 0;
      return {
        id,
        eventId: event.id,
        figureId: null,
        field: claim.field,
        value: claim.field === 'date' ? parseFuzzyDate(claim.value).edtf : claim.value,
        status: claim.status,
        preferred: claim.preferred,
        reason: claim.reason ?? null,
        position,
        snapshotCitations: await snapshotCitations(claim.citations, { claimId: id }, loaders),
      };
    }),
  );
}

/** The links the event itself recorded then (outgoing only: other events' links are not part of its record). */
export async function snapshotLinks(event: EventRow, record: EventRecord, loaders: Loaders): Promise<EventLinkRow[]> {
  return present(
    await Promise.all(
      record.links.map(async (link) => {
        const otherEventId = await loaders.eventIdBySlug.load(link.event);
        return otherEventId === null
          ? null
          : { eventId: event.id, otherEventId, type: link.type, direction: 'outgoing' as const };
      }),
    ),
  );
}

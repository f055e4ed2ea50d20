/**
 * The columns of the exports. Event exports use PLOVER's field names where PLOVER has one
 * (event_id, event_date, event_type, event_intensity, contexts, actor_*, recipient_*,
 * place_name, headline) and Bilateral's own names for the rest. PLOVER's "actor" is the side
 * that acts and its "recipient" the side acted on, so they are chosen by role: the first
 * participant in an acting role (initiator, supplier, visitor ...) and the first in a receiving
 * role (recipient, target, buyer, host ...), falling back to the curators' order.
 */
import { EVENT_KINDS, type ExportedActor, type ExportedEvent, parseFuzzyDate } from '@bilateral/store';

const ACTING_ROLES = new Set(['initiator', 'supplier', 'aggressor', 'visitor', 'member', 'mediator']);
const RECEIVING_ROLES = new Set(['recipient', 'target', 'buyer', 'host', 'organization']);

function actorAndRecipient<P extends { slug: string; role: string }>(
  participants: readonly P[],
): [P | undefined, P | undefined] {
  const actor = participants.find((participant) => ACTING_ROLES.has(participant.role)) ?? participants[0];
  const others = participants.filter((participant) => participant.slug !== actor?.slug);
  return [actor, others.find((participant) => RECEIVING_ROLES.has(participant.role)) ?? others[0]];
}

export function eventRecord({ event, hasConflicts, sectors, participants, citations }: ExportedEvent) {
  const coding = EVENT_KINDS[event.kind];
  const date = parseFuzzyDate(event.dateEdtf);
  const [actor, recipient] = actorAndRecipient(participants);
  return {
    event_id: event.slug,
    event_date: date.display,
    event_type: coding?.plover ?? null,
    event_intensity: coding?.goldstein ?? null,
    contexts: sectors,
    actor_name: actor?.name ?? null,
    actor_country: actor?.kind === 'state' ? actor.slug : (actor?.country ?? null),
    recipient_name: recipient?.name ?? null,
    recipient_country: recipient?.kind === 'state' ? recipient.slug : (recipient?.country ?? null),
    place_name: event.place,
    headline: event.title,
    summary: event.summary,
    kind: event.kind,
    cameo_code: coding?.cameo ?? null,
    date_edtf: date.edtf,
    // An open side is unknown, as in the API: never the stand-in day the store sorts by.
    date_earliest: date.openStart ? null : date.earliest,
    date_latest: date.openEnd ? null : date.latest,
    date_precision: date.precision,
    date_approximate: date.approximate,
    amount_value: event.amountValue,
    amount_currency: event.amountCurrency,
    amount_approximate: event.amountValue ? event.amountApproximate : null,
    quantity_value: event.quantityValue,
    quantity_unit: event.quantityUnit,
    participants: participants.map(({ slug, role }) => ({ actor: slug, role })),
    citations,
    has_conflicts: hasConflicts,
  };
}

export type EventRecord = ReturnType<typeof eventRecord>;

/** Flattens list columns for CSV: `pakistan:host|russia:visitor`, `source#12|other#3`. */
export function eventCsvValues(record: EventRecord): (string | number | boolean | null)[] {
  return EVENT_COLUMNS.map((column) => {
    const value = record[column];
    if (column === 'contexts') return (value as string[]).join('|');
    if (column === 'participants')
      return record.participants.map((participant) => `${participant.actor}:${participant.role}`).join('|');
    if (column === 'citations')
      return record.citations.map((citation) => `${citation.source}#${citation.paragraph}`).join('|');
    return value as string | number | boolean | null;
  });
}

export const EVENT_COLUMNS = Object.keys(
  eventRecord({
    event: {
      id: 0,
      slug: '',
      title: '',
      summary: '',
      kind: 'visit',
      dateEdtf: '2000',
      dateEarliest: '',
      dateLatest: '',
      dateBasis: null,
      place: null,
      amountValue: null,
      amountCurrency: null,
      amountApproximate: false,
      quantityValue: null,
      quantityUnit: null,
      seedHash: null,
      seedSlug: null,
      version: 1,
      archivedAt: null,
    },
    hasConflicts: false,
    sectors: [],
    participants: [],
    citations: [],
  }),
) as (keyof EventRecord)[];

export const ACTOR_COLUMNS = ['actor_id', 'name', 'kind', 'country', 'predecessor', 'aliases'] as const;

export const actorCsvValues = ({ actor, country, predecessor, aliases }: ExportedActor) => [
  actor.slug,
  actor.name,
  actor.kind,
  country,
  predecessor,
  aliases.join('|'),
];

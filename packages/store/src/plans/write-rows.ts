/**
 * One seed-format record's child rows written on either database: the seed loader and the API's
 * writes share these, so a record means the same thing whichever way it arrives. Child rows
 * (aliases, participants, citations, claims ...) are replaced wholesale; their values come from
 * `seed/record-columns.ts`.
 */
import type { ActorRecord, CitationRecord, ClaimRecord, EventRecord, FigureRecord } from '../seed/format.ts';
import {
  actorReferences,
  aliasRows,
  type CitationSubjectColumn,
  citationRows,
  claimRow,
  figureActorRows,
  linkRows,
  officeRow,
  participantRows,
  type SlugResolver,
  sectorRows,
} from '../seed/record-columns.ts';
import { db, type Plan } from './run.ts';

function* writeCitations(
  ids: SlugResolver,
  list: readonly CitationRecord[],
  subject: CitationSubjectColumn,
): Plan<void> {
  if (list.length) yield* db.insertChildRows('citations', citationRows(ids, list, subject));
}

function* writeClaims(
  ids: SlugResolver,
  list: readonly ClaimRecord[],
  subject: { eventId: number } | { figureId: number },
): Plan<void> {
  for (const [position, claim] of list.entries()) {
    const claimId = yield* db.insertClaim(claimRow(claim, position, subject));
    yield* writeCitations(ids, claim.citations, { claimId });
  }
}

/** Clears the child rows of many actors at once, so an alias can move from one actor to another in one load. */
export function* clearActorChildren(actorIds: number[]): Plan<void> {
  if (!actorIds.length) return;
  yield* db.deleteChildRows('actorAliases', 'actorId', actorIds);
  yield* db.deleteChildRows('offices', 'holderId', actorIds);
  yield* db.deleteChildRows('citations', 'actorId', actorIds);
}

/** Writes an actor's references, aliases, offices and citations; call clearActorChildren first. */
export function* writeActorChildren(ids: SlugResolver, actorId: number, record: ActorRecord): Plan<void> {
  yield* db.setActorReferences(actorId, actorReferences(ids, record));
  if (record.aliases.length) yield* db.insertChildRows('actorAliases', aliasRows(actorId, record));
  for (const [position, office] of record.offices.entries()) {
    const officeId = yield* db.insertOffice(officeRow(ids, actorId, office, position));
    yield* writeCitations(ids, office.citations, { officeId });
  }
  yield* writeCitations(ids, record.citations, { actorId });
}

/** Replaces an event's sectors, participants, citations and claims. Links are written by writeEventLinks, once every linked event exists. */
export function* writeEventChildren(ids: SlugResolver, eventId: number, record: EventRecord): Plan<void> {
  yield* db.deleteChildRows('eventSectors', 'eventId', [eventId]);
  yield* db.deleteChildRows('eventParticipants', 'eventId', [eventId]);
  yield* db.deleteChildRows('claims', 'eventId', [eventId]);
  yield* db.deleteChildRows('citations', 'eventId', [eventId]);
  if (record.sectors.length) yield* db.insertChildRows('eventSectors', sectorRows(eventId, record));
  if (record.participants.length) yield* db.insertChildRows('eventParticipants', participantRows(ids, eventId, record));
  yield* writeCitations(ids, record.citations, { eventId });
  yield* writeClaims(ids, record.claims, { eventId });
}

export function* writeEventLinks(ids: SlugResolver, eventId: number, record: EventRecord): Plan<void> {
  yield* db.deleteChildRows('eventLinks', 'eventId', [eventId]);
  if (record.links.length) yield* db.insertChildRows('eventLinks', linkRows(ids, eventId, record));
}

export function* writeFigureChildren(ids: SlugResolver, figureId: number, record: FigureRecord): Plan<void> {
  yield* db.deleteChildRows('figureActors', 'figureId', [figureId]);
  yield* db.deleteChildRows('claims', 'figureId', [figureId]);
  yield* db.deleteChildRows('citations', 'figureId', [figureId]);
  if (record.actors.length) yield* db.insertChildRows('figureActors', figureActorRows(ids, figureId, record));
  yield* writeCitations(ids, record.citations, { figureId });
  yield* writeClaims(ids, record.claims, { figureId });
}

/**
 * Writes one seed-format record into the tables. The seed loader and the API's mutations both
 * write through these, so a record means the same thing whichever way it arrives. A record's
 * child rows (aliases, participants, citations, claims ...) are replaced wholesale.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { Store } from '../db/client.ts';
import {
  actorAliases,
  actors,
  citations,
  claims,
  eventLinks,
  eventParticipants,
  eventSectors,
  events,
  figureActors,
  type figures,
  offices,
  sources,
} from '../db/schema.ts';
import type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from '../seed/format.ts';
import { foldName } from '../text/fold.ts';

export type Transaction = Parameters<Parameters<Store['transaction']>[0]>[0];

/** Turns the slugs a record refers to into row IDs. Callers validate references first. */
export interface SlugResolver {
  actor(slug: string): number;
  source(slug: string): number;
  event(slug: string): number;
}

/** Bookkeeping columns every record table has, which record-rows.ts sets beside a record's own columns. */
export type BookkeepingColumn = 'version' | 'seedHash' | 'seedSlug';

/**
 * Every column of a record's own row, each required: a writer typed `satisfies` this fails to compile
 * when a column is added to its table until the writer sets it. `WrittenApart` names columns another
 * function writes, and why is said where it is used.
 */
export type OwnColumns<Table extends { $inferInsert: object }, WrittenApart extends string = never> = {
  [Column in Exclude<
    keyof Table['$inferInsert'],
    'id' | BookkeepingColumn | WrittenApart
  >]-?: Table['$inferInsert'][Column];
};

export const sourceColumns = (record: SourceRecord) =>
  ({
    slug: record.slug,
    file: record.file,
    title: record.title,
    author: record.author ?? null,
    outlet: record.outlet ?? null,
    genre: record.genre,
    publishedEdtf: record.published ? parseFuzzyDate(record.published).edtf : null,
    paragraphStyle: record.paragraphs,
    url: record.url ?? null,
  }) satisfies OwnColumns<typeof sources>;

/** An actor's columns but its references (country, predecessor), which writeActorChildren sets once every actor exists. */
export const actorColumns = (record: ActorRecord) =>
  ({
    slug: record.slug,
    name: record.name,
    nameFolded: foldName(record.name),
    kind: record.kind,
  }) satisfies OwnColumns<typeof actors, 'countryId' | 'predecessorId'>;

/** An event's columns but `archivedAt`, which archiveColumn sets: it depends on whether the row is new. */
export function eventColumns(record: EventRecord) {
  const date = parseFuzzyDate(record.date);
  return {
    slug: record.slug,
    title: record.title,
    summary: record.summary,
    kind: record.kind,
    dateEdtf: date.edtf,
    dateEarliest: date.earliest,
    dateLatest: date.latest,
    dateBasis: record.dateBasis ?? null,
    place: record.place ?? null,
    amountValue: record.amount?.value ?? null,
    amountCurrency: record.amount?.currency ?? null,
    amountApproximate: record.amount?.approximate ?? false,
    quantityValue: record.quantity?.value ?? null,
    quantityUnit: record.quantity?.unit ?? null,
  } satisfies OwnColumns<typeof events, 'archivedAt'>;
}

/** The archive tombstone's time: kept from the first archiving while the record stays archived. */
export function archiveColumn(record: EventRecord, inserting: boolean) {
  const now = new Date().toISOString();
  if (!record.archived) return { archivedAt: null };
  return { archivedAt: inserting ? now : sql<string>`coalesce(${events.archivedAt}, ${now})` };
}

export function figureColumns(record: FigureRecord) {
  const period = parseFuzzyDate(record.period);
  return {
    slug: record.slug,
    label: record.label,
    indicator: record.indicator,
    periodEdtf: period.edtf,
    periodEarliest: period.earliest,
    periodLatest: period.latest,
    value: record.value,
    currency: record.currency ?? null,
    unit: record.unit ?? null,
    approximate: record.approximate,
  } satisfies OwnColumns<typeof figures>;
}

function writeCitations(
  tx: Transaction,
  ids: SlugResolver,
  list: readonly CitationRecord[],
  subject: Partial<typeof citations.$inferInsert>,
) {
  if (list.length === 0) return;
  tx.insert(citations)
    .values(
      list.map((citation, position) => ({
        sourceId: ids.source(citation.source),
        paragraph: citation.paragraph,
        note: citation.note ?? null,
        position,
        ...subject,
      })),
    )
    .run();
}

function writeClaims(
  tx: Transaction,
  ids: SlugResolver,
  list: readonly ClaimRecord[],
  subject: { eventId: number } | { figureId: number },
) {
  list.forEach((claim, position) => {
    const value = claim.field === 'date' ? parseFuzzyDate(claim.value).edtf : claim.value;
    const { id } = tx
      .insert(claims)
      .values({
        ...subject,
        field: claim.field,
        value,
        status: claim.status,
        preferred: claim.preferred,
        reason: claim.reason ?? null,
        position,
      })
      .returning({ id: claims.id })
      .get();
    writeCitations(tx, ids, claim.citations, { claimId: id });
  });
}

/** Clears the child rows of many actors at once, so an alias can move from one actor to another in one load. */
export function clearActorChildren(tx: Transaction, actorIds: number[]) {
  if (!actorIds.length) return;
  tx.delete(actorAliases).where(inArray(actorAliases.actorId, actorIds)).run();
  tx.delete(offices).where(inArray(offices.holderId, actorIds)).run();
  tx.delete(citations).where(inArray(citations.actorId, actorIds)).run();
}

/** Writes an actor's references, aliases, offices and citations; call clearActorChildren first. */
export function writeActorChildren(tx: Transaction, ids: SlugResolver, actorId: number, record: ActorRecord) {
  tx.update(actors)
    .set({
      countryId: record.country ? ids.actor(record.country) : null,
      predecessorId: record.predecessor ? ids.actor(record.predecessor) : null,
    })
    .where(eq(actors.id, actorId))
    .run();
  if (record.aliases.length) {
    tx.insert(actorAliases)
      .values(
        record.aliases.map((alias, position) => ({
          actorId,
          name: alias.name,
          nameFolded: foldName(alias.name),
          kind: alias.kind,
          outsideReason: alias.outsideReason ?? null,
          position,
        })),
      )
      .run();
  }
  record.offices.forEach((office, position) => {
    const inserted = tx
      .insert(offices)
      .values({
        holderId: actorId,
        title: office.title,
        organizationId: office.organization ? ids.actor(office.organization) : null,
        fromEdtf: office.from ? parseFuzzyDate(office.from).edtf : null,
        toEdtf: office.to ? parseFuzzyDate(office.to).edtf : null,
        position,
      })
      .returning({ id: offices.id })
      .get();
    writeCitations(tx, ids, office.citations, { officeId: inserted.id });
  });
  writeCitations(tx, ids, record.citations, { actorId });
}

/** Replaces an event's sectors, participants, citations and claims. Links are written separately (writeEventLinks), once every linked event exists. */
export function writeEventChildren(tx: Transaction, ids: SlugResolver, eventId: number, record: EventRecord) {
  tx.delete(eventSectors).where(eq(eventSectors.eventId, eventId)).run();
  tx.delete(eventParticipants).where(eq(eventParticipants.eventId, eventId)).run();
  tx.delete(claims).where(eq(claims.eventId, eventId)).run();
  tx.delete(citations).where(eq(citations.eventId, eventId)).run();
  tx.insert(eventSectors)
    .values(record.sectors.map((sector, position) => ({ eventId, sector, position })))
    .run();
  tx.insert(eventParticipants)
    .values(
      record.participants.map((participant, position) => ({
        eventId,
        actorId: ids.actor(participant.actor),
        role: participant.role,
        position,
      })),
    )
    .run();
  writeCitations(tx, ids, record.citations, { eventId });
  writeClaims(tx, ids, record.claims, { eventId });
}

export function writeEventLinks(tx: Transaction, ids: SlugResolver, eventId: number, record: EventRecord) {
  tx.delete(eventLinks).where(eq(eventLinks.eventId, eventId)).run();
  if (record.links.length) {
    tx.insert(eventLinks)
      .values(
        record.links.map((link, position) => ({
          eventId,
          targetEventId: ids.event(link.event),
          type: link.type,
          position,
        })),
      )
      .run();
  }
}

export function writeFigureChildren(tx: Transaction, ids: SlugResolver, figureId: number, record: FigureRecord) {
  tx.delete(figureActors).where(eq(figureActors.figureId, figureId)).run();
  tx.delete(claims).where(eq(claims.figureId, figureId)).run();
  tx.delete(citations).where(eq(citations.figureId, figureId)).run();
  tx.insert(figureActors)
    .values(record.actors.map((slug, position) => ({ figureId, actorId: ids.actor(slug), position })))
    .run();
  writeCitations(tx, ids, record.citations, { figureId });
  writeClaims(tx, ids, record.claims, { figureId });
}

/** Resolves slugs with the database, for writes of single records. */
export function databaseResolver(tx: Transaction): SlugResolver {
  const lookup = (table: typeof actors | typeof sources | typeof events, noun: string) => (slug: string) => {
    const row = tx
      .select({ id: table.id })
      .from(table as typeof actors)
      .where(eq(table.slug, slug))
      .get();
    if (!row) throw new Error(`no ${noun} has the slug "${slug}"; references must be validated before writing`);
    return row.id;
  };
  return { actor: lookup(actors, 'actor'), source: lookup(sources, 'source'), event: lookup(events, 'event') };
}

/**
 * A seed-format record as the values of its rows, the same on SQLite and PostgreSQL (the two schemas
 * have the same tables and columns): the record's own columns, and the values of each kind of child
 * row. No database here: each database's writer inserts these values in its own way, and looks up
 * the IDs a row refers to through a `SlugResolver` before it asks for them.
 */
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { foldName } from '../text/fold.ts';
import type { ActorRecord, CitationRecord, ClaimRecord, EventRecord, FigureRecord, SourceRecord } from './format.ts';

/** Turns the slugs a record refers to into row IDs. Callers validate references first. */
export interface SlugResolver {
  actor(slug: string): number;
  source(slug: string): number;
  event(slug: string): number;
}

export const sourceColumns = (record: SourceRecord) => ({
  slug: record.slug,
  file: record.file,
  title: record.title,
  author: record.author ?? null,
  outlet: record.outlet ?? null,
  genre: record.genre,
  publishedEdtf: record.published ? parseFuzzyDate(record.published).edtf : null,
  paragraphStyle: record.paragraphs,
  url: record.url ?? null,
});

/** A source's stored row back in seed format, on either database: the inverse of `sourceColumns`. */
export const sourceRecordOf = (row: ReturnType<typeof sourceColumns>): SourceRecord => ({
  slug: row.slug,
  file: row.file,
  title: row.title,
  ...(row.author !== null && { author: row.author }),
  ...(row.outlet !== null && { outlet: row.outlet }),
  genre: row.genre,
  ...(row.publishedEdtf !== null && { published: row.publishedEdtf }),
  ...(row.url !== null && { url: row.url }),
  paragraphs: row.paragraphStyle,
});

export const actorColumns = (record: ActorRecord) => ({
  slug: record.slug,
  name: record.name,
  nameFolded: foldName(record.name),
  kind: record.kind,
});

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
  };
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
  };
}

/** The one column of a citation that names what it supports. */
export type CitationSubjectColumn =
  | { eventId: number }
  | { actorId: number }
  | { officeId: number }
  | { claimId: number }
  | { figureId: number };

export const citationRows = (ids: SlugResolver, list: readonly CitationRecord[], subject: CitationSubjectColumn) =>
  list.map((citation, position) => ({
    sourceId: ids.source(citation.source),
    paragraph: citation.paragraph,
    note: citation.note ?? null,
    position,
    ...subject,
  }));

export const claimRow = (
  claim: ClaimRecord,
  position: number,
  subject: { eventId: number } | { figureId: number },
) => ({
  ...subject,
  field: claim.field,
  value: claim.field === 'date' ? parseFuzzyDate(claim.value).edtf : claim.value,
  status: claim.status,
  preferred: claim.preferred,
  reason: claim.reason ?? null,
  position,
});

/** A claim's stored row back in seed format, with its citations: the inverse of `claimRow`. */
export const claimRecordOf = (
  row: Pick<ReturnType<typeof claimRow>, 'field' | 'value' | 'status' | 'preferred' | 'reason'>,
  citations: CitationRecord[],
): ClaimRecord => ({
  field: row.field,
  value: row.value,
  status: row.status,
  preferred: row.preferred,
  ...(row.reason !== null && { reason: row.reason }),
  citations,
});

/** The actor's own references, set once every actor it names exists. */
export const actorReferences = (ids: SlugResolver, record: ActorRecord) => ({
  countryId: record.country ? ids.actor(record.country) : null,
  predecessorId: record.predecessor ? ids.actor(record.predecessor) : null,
});

export const aliasRows = (actorId: number, record: ActorRecord) =>
  record.aliases.map((alias, position) => ({
    actorId,
    name: alias.name,
    nameFolded: foldName(alias.name),
    kind: alias.kind,
    outsideReason: alias.outsideReason ?? null,
    position,
  }));

export const officeRow = (
  ids: SlugResolver,
  holderId: number,
  office: ActorRecord['offices'][number],
  position: number,
) => ({
  holderId,
  title: office.title,
  organizationId: office.organization ? ids.actor(office.organization) : null,
  fromEdtf: office.from ? parseFuzzyDate(office.from).edtf : null,
  toEdtf: office.to ? parseFuzzyDate(office.to).edtf : null,
  position,
});

export const sectorRows = (eventId: number, record: EventRecord) =>
  record.sectors.map((sector, position) => ({ eventId, sector, position }));

export const participantRows = (ids: SlugResolver, eventId: number, record: EventRecord) =>
  record.participants.map((participant, position) => ({
    eventId,
    actorId: ids.actor(participant.actor),
    role: participant.role,
    position,
  }));

export const linkRows = (ids: SlugResolver, eventId: number, record: EventRecord) =>
  record.links.map((link, position) => ({
    eventId,
    targetEventId: ids.event(link.event),
    type: link.type,
    position,
  }));

export const figureActorRows = (ids: SlugResolver, figureId: number, record: FigureRecord) =>
  record.actors.map((slug, position) => ({ figureId, actorId: ids.actor(slug), position }));

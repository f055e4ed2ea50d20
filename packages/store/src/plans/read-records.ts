/**
 * Stored records read back in the seed format (`seed/format.ts`), on either database: the inverse
 * of the writers. Revision history stores these as before/after snapshots, a write's change
 * function starts from one, and export writes them back to seed files. Optional fields are absent
 * rather than null, children in their stored order, so both databases read equal records.
 */
import type {
  ActorRecord,
  CitationRecord,
  ClaimRecord,
  EventRecord,
  FigureRecord,
  SourceRecord,
} from '../seed/format.ts';
import { claimRecordOf, sourceRecordOf } from '../seed/record-columns.ts';
import type { RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { db, type Plan } from './run.ts';
import type { CitationRow, CitationScope, Scope } from './statements.ts';

export interface AllRecords {
  sources: SourceRecord[];
  actors: ActorRecord[];
  events: EventRecord[];
  figures: FigureRecord[];
}

type Subject = 'eventId' | 'actorId' | 'officeId' | 'claimId' | 'figureId';
type CitationsOf = (subject: Subject, id: number) => CitationRecord[];
type ClaimsOf = (subject: 'eventId' | 'figureId', id: number) => ClaimRecord[];

function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function* readCitations(of: CitationScope): Plan<CitationsOf> {
  const rows = yield* db.citationRows(of);
  const groups = new Map<Subject, Map<number | null, CitationRow[]>>();
  return (subject, id) => {
    if (!groups.has(subject))
      groups.set(
        subject,
        groupBy(rows, (row) => row[subject]),
      );
    return (groups.get(subject)!.get(id) ?? []).map(({ source, paragraph, note }) => ({
      source,
      paragraph,
      ...(note !== null && { note }),
    }));
  };
}

function* readClaims(
  of: { eventId: number } | { figureId: number } | undefined,
  citationsOf: CitationsOf,
): Plan<ClaimsOf> {
  const rows = yield* db.claimRows(of);
  const bySubject = { eventId: groupBy(rows, (row) => row.eventId), figureId: groupBy(rows, (row) => row.figureId) };
  return (subject, id) =>
    (bySubject[subject].get(id) ?? []).map((row) => claimRecordOf(row, citationsOf('claimId', row.id)));
}

function* sourceRecords(id: Scope): Plan<SourceRecord[]> {
  return (yield* db.sourceRows(id)).map(sourceRecordOf);
}

function* actorRecords(id: Scope, citationsOf: CitationsOf): Plan<ActorRecord[]> {
  const rows = yield* db.actorRows(id);
  const aliasesOf = groupBy(yield* db.aliasRows(id), (row) => row.actorId);
  const officesOf = groupBy(yield* db.officeRows(id), (row) => row.office.holderId);
  return rows.map(({ actor, country, predecessor }) => ({
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    ...(country !== null && { country }),
    ...(predecessor !== null && { predecessor }),
    aliases: (aliasesOf.get(actor.id) ?? []).map((row) => ({
      name: row.name,
      kind: row.kind,
      ...(row.outsideReason !== null && { outsideReason: row.outsideReason }),
    })),
    offices: (officesOf.get(actor.id) ?? []).map(({ office, organization }) => ({
      title: office.title,
      ...(organization !== null && { organization }),
      ...(office.fromEdtf !== null && { from: office.fromEdtf }),
      ...(office.toEdtf !== null && { to: office.toEdtf }),
      citations: citationsOf('officeId', office.id),
    })),
    citations: citationsOf('actorId', actor.id),
  }));
}

function* eventRecords(id: Scope, citationsOf: CitationsOf, claimsOf: ClaimsOf): Plan<EventRecord[]> {
  const rows = yield* db.eventRows(id);
  const sectorsOf = groupBy(yield* db.sectorRows(id), (row) => row.eventId);
  const participantsOf = groupBy(yield* db.participantRows(id), (row) => row.eventId);
  const linksOf = groupBy(yield* db.linkRows(id), (row) => row.eventId);
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    date: row.dateEdtf,
    ...(row.dateBasis !== null && { dateBasis: row.dateBasis }),
    ...(row.place !== null && { place: row.place }),
    sectors: (sectorsOf.get(row.id) ?? []).map(({ sector }) => sector),
    ...(row.amountValue !== null && {
      amount: { value: row.amountValue, currency: row.amountCurrency!, approximate: row.amountApproximate },
    }),
    ...(row.quantityValue !== null && { quantity: { value: row.quantityValue, unit: row.quantityUnit! } }),
    participants: (participantsOf.get(row.id) ?? []).map(({ actor, role }) => ({ actor, role })),
    citations: citationsOf('eventId', row.id),
    claims: claimsOf('eventId', row.id),
    links: (linksOf.get(row.id) ?? []).map(({ type, event }) => ({ type, event })),
    ...(row.archivedAt !== null && { archived: true as const }),
  }));
}

function* figureRecords(id: Scope, citationsOf: CitationsOf, claimsOf: ClaimsOf): Plan<FigureRecord[]> {
  const rows = yield* db.figureRows(id);
  const actorsOf = groupBy(yield* db.figureActorRows(id), (row) => row.figureId);
  return rows.map((row) => ({
    slug: row.slug,
    label: row.label,
    indicator: row.indicator,
    period: row.periodEdtf,
    actors: (actorsOf.get(row.id) ?? []).map(({ actor }) => actor),
    value: row.value,
    ...(row.currency !== null && { currency: row.currency }),
    ...(row.unit !== null && { unit: row.unit }),
    approximate: row.approximate,
    citations: citationsOf('figureId', row.id),
    claims: claimsOf('figureId', row.id),
  }));
}

const READERS: { [Type in EntityType]: (id: number) => Plan<RecordOf[Type][]> } = {
  source: sourceRecords,
  actor: function* (id) {
    return yield* actorRecords(id, yield* readCitations({ type: 'actor', id }));
  },
  event: function* (id) {
    const citationsOf = yield* readCitations({ type: 'event', id });
    return yield* eventRecords(id, citationsOf, yield* readClaims({ eventId: id }, citationsOf));
  },
  figure: function* (id) {
    const citationsOf = yield* readCitations({ type: 'figure', id });
    return yield* figureRecords(id, citationsOf, yield* readClaims({ figureId: id }, citationsOf));
  },
};

/** The record of `type` with this ID in seed format, or null when there is none. */
export function* readRecord<T extends EntityType>(type: T, id: number): Plan<RecordOf[T] | null> {
  return (yield* READERS[type](id))[0] ?? null;
}

/** Every record, ordered by ID; each table is read once. */
export function* readAllRecords(): Plan<AllRecords> {
  const citationsOf = yield* readCitations(undefined);
  const claimsOf = yield* readClaims(undefined, citationsOf);
  return {
    sources: yield* sourceRecords(undefined),
    actors: yield* actorRecords(undefined, citationsOf),
    events: yield* eventRecords(undefined, citationsOf, claimsOf),
    figures: yield* figureRecords(undefined, citationsOf, claimsOf),
  };
}

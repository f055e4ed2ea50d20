/**
 * The plans' database operations (`plans/statements.ts`) on SQLite, each a synchronous statement
 * (or a few) in the caller's transaction: `runPlan(plan, new SqliteStatements(tx))` runs a write or
 * a seed-format read in one synchronous block, as drizzle's better-sqlite3 driver requires.
 */
import { and, asc, type Column, desc, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/client.ts';
import {
  actorAliases,
  actorMerges,
  actors,
  citations,
  claims,
  eventLinks,
  eventParticipants,
  eventSectors,
  events,
  figureActors,
  figures,
  idempotencyKeys,
  offices,
  revisions,
  sources,
} from '../db/schema.ts';
import { citedParagraphsSql } from '../plans/cited-passages.ts';
import type {
  Bookkeeping,
  CheckedChildTables,
  ChildRows,
  ChildTable,
  CitationScope,
  CitedParagraph,
  NewIdempotencyKey,
  NewRevision,
  ParentColumn,
  ReferencedIds,
  Scope,
  Statements,
} from '../plans/statements.ts';
import type { LookupAnswers, Lookups, RecordOf } from '../seed/write-rules.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { RECORD_ROWS, type RecordTable } from './record-rows.ts';
import type { Transaction } from './write-records.ts';

const RECORD_TABLES: { [Type in EntityType]: RecordTable } = {
  source: sources,
  actor: actors,
  event: events,
  figure: figures,
};
// Widened to one table type: every record table has these columns, which a union of tables hides from drizzle.
const recordTable = (type: EntityType) => RECORD_TABLES[type] as typeof events;

const childTables = {
  actorAliases,
  offices,
  citations,
  claims,
  eventSectors,
  eventParticipants,
  eventLinks,
  figureActors,
};
const CHILD_TABLES: CheckedChildTables<typeof childTables> = childTables;
// Widened to one table: CheckedChildTables has checked the values against each table.
const childTable = (table: ChildTable) => CHILD_TABLES[table] as typeof citations;
const parentColumn = (table: ChildTable, parent: ParentColumn) =>
  (CHILD_TABLES[table] as unknown as Record<ParentColumn, SQLiteColumn>)[parent];
type ChildInsert = typeof citations.$inferInsert;

const countries = alias(actors, 'countries');
const predecessors = alias(actors, 'predecessors');
const organizations = alias(actors, 'organizations');
const targetEvents = alias(events, 'target_events');

const inScope = (column: SQLiteColumn, id: Scope) => (id === undefined ? undefined : eq(column, id));
const ids = (rows: { id: number | null }[]) => rows.map((row) => row.id!);

/** Citations of a claimed subject (event or figure): its own and its claims'. */
const claimedCitations = (tx: Transaction | Store, subject: 'eventId' | 'figureId', id: number) =>
  or(
    eq(citations[subject], id),
    inArray(citations.claimId, tx.select({ id: claims.id }).from(claims).where(eq(claims[subject], id))),
  );

function citationScope(tx: Transaction | Store, of: CitationScope): SQL | undefined {
  if (!of) return undefined;
  if (of.type === 'actor')
    return or(
      eq(citations.actorId, of.id),
      inArray(citations.officeId, tx.select({ id: offices.id }).from(offices).where(eq(offices.holderId, of.id))),
    );
  return claimedCitations(tx, of.type === 'event' ? 'eventId' : 'figureId', of.id);
}

/** Every operation in the caller's transaction; the reads also on a store outside one. */
export class SqliteStatements implements Statements {
  constructor(private readonly tx: Transaction | Store) {}

  sourceRows(id: Scope) {
    return this.tx.select().from(sources).where(inScope(sources.id, id)).orderBy(asc(sources.id)).all();
  }
  actorRows(id: Scope) {
    return this.tx
      .select({ actor: actors, country: countries.slug, predecessor: predecessors.slug })
      .from(actors)
      .leftJoin(countries, eq(countries.id, actors.countryId))
      .leftJoin(predecessors, eq(predecessors.id, actors.predecessorId))
      .where(inScope(actors.id, id))
      .orderBy(asc(actors.id))
      .all();
  }
  aliasRows(actorId: Scope) {
    return this.tx
      .select()
      .from(actorAliases)
      .where(inScope(actorAliases.actorId, actorId))
      .orderBy(asc(actorAliases.position), asc(actorAliases.id))
      .all();
  }
  officeRows(holderId: Scope) {
    return this.tx
      .select({ office: offices, organization: organizations.slug })
      .from(offices)
      .leftJoin(organizations, eq(organizations.id, offices.organizationId))
      .where(inScope(offices.holderId, holderId))
      .orderBy(asc(offices.position), asc(offices.id))
      .all();
  }
  citationRows(of: CitationScope) {
    return this.tx
      .select({
        eventId: citations.eventId,
        actorId: citations.actorId,
        officeId: citations.officeId,
        claimId: citations.claimId,
        figureId: citations.figureId,
        source: sources.slug,
        paragraph: citations.paragraph,
        note: citations.note,
      })
      .from(citations)
      .innerJoin(sources, eq(sources.id, citations.sourceId))
      .where(citationScope(this.tx, of))
      .orderBy(asc(citations.position), asc(citations.id))
      .all();
  }
  claimRows(of: { eventId: number } | { figureId: number } | undefined) {
    const where = of && ('eventId' in of ? eq(claims.eventId, of.eventId) : eq(claims.figureId, of.figureId));
    return this.tx.select().from(claims).where(where).orderBy(asc(claims.position), asc(claims.id)).all();
  }
  eventRows(id: Scope) {
    return this.tx.select().from(events).where(inScope(events.id, id)).orderBy(asc(events.id)).all();
  }
  sectorRows(eventId: Scope) {
    return this.tx
      .select()
      .from(eventSectors)
      .where(inScope(eventSectors.eventId, eventId))
      .orderBy(asc(eventSectors.position))
      .all();
  }
  participantRows(eventId: Scope) {
    return this.tx
      .select({ eventId: eventParticipants.eventId, actor: actors.slug, role: eventParticipants.role })
      .from(eventParticipants)
      .innerJoin(actors, eq(actors.id, eventParticipants.actorId))
      .where(inScope(eventParticipants.eventId, eventId))
      .orderBy(asc(eventParticipants.position))
      .all();
  }
  linkRows(eventId: Scope) {
    return this.tx
      .select({ eventId: eventLinks.eventId, type: eventLinks.type, event: targetEvents.slug })
      .from(eventLinks)
      .innerJoin(targetEvents, eq(targetEvents.id, eventLinks.targetEventId))
      .where(inScope(eventLinks.eventId, eventId))
      .orderBy(asc(eventLinks.position))
      .all();
  }
  figureRows(id: Scope) {
    return this.tx.select().from(figures).where(inScope(figures.id, id)).orderBy(asc(figures.id)).all();
  }
  figureActorRows(figureId: Scope) {
    return this.tx
      .select({ figureId: figureActors.figureId, actor: actors.slug })
      .from(figureActors)
      .innerJoin(actors, eq(actors.id, figureActors.actorId))
      .where(inScope(figureActors.figureId, figureId))
      .orderBy(asc(figureActors.position))
      .all();
  }

  lockRecord(type: EntityType, id: number) {
    // The write's IMMEDIATE transaction already holds SQLite's one write lock.
    const table = recordTable(type);
    return this.tx
      .select({ id: table.id, slug: table.slug, version: table.version })
      .from(table)
      .where(eq(table.id, id))
      .get();
  }
  insertRecordRow(type: EntityType, record: RecordOf[EntityType], bookkeeping: Bookkeeping) {
    return (RECORD_ROWS[type].insert as (tx: Transaction, record: unknown, bookkeeping: Bookkeeping) => number)(
      this.tx as Transaction,
      record,
      bookkeeping,
    );
  }
  updateRecordRow(type: EntityType, id: number, record: RecordOf[EntityType], bookkeeping: Bookkeeping) {
    (RECORD_ROWS[type].update as (tx: Transaction, id: number, record: unknown, bookkeeping: Bookkeeping) => void)(
      this.tx as Transaction,
      id,
      record,
      bookkeeping,
    );
  }
  markRecordRow(type: EntityType, id: number, bookkeeping: Bookkeeping) {
    RECORD_ROWS[type].mark(this.tx as Transaction, id, bookkeeping);
  }
  deleteRecordRows(type: EntityType, rowIds: number[]) {
    const table = recordTable(type);
    this.tx.delete(table).where(inArray(table.id, rowIds)).run();
  }
  setActorReferences(actorId: number, references: { countryId: number | null; predecessorId: number | null }) {
    this.tx.update(actors).set(references).where(eq(actors.id, actorId)).run();
  }
  deleteChildRows(table: ChildTable, parent: ParentColumn, parentIds: number[]) {
    const child = childTable(table);
    const column = parentColumn(table, parent);
    this.tx
      .delete(child)
      .where(parentIds.length === 1 ? eq(column, parentIds[0]!) : inArray(column, parentIds))
      .run();
  }
  insertChildRows(table: ChildTable, rows: ChildRows[ChildTable][]) {
    this.tx
      .insert(childTable(table))
      .values(rows as ChildInsert[])
      .run();
  }
  insertOffice(row: ChildRows['offices']) {
    return this.tx.insert(offices).values(row).returning({ id: offices.id }).get().id;
  }
  insertClaim(row: ChildRows['claims']) {
    return this.tx.insert(claims).values(row).returning({ id: claims.id }).get().id;
  }

  valueTaken(type: EntityType, field: 'slug' | 'file', value: string, exceptId: number | undefined) {
    const table = recordTable(type);
    const column = (table as unknown as typeof sources)[field];
    return (
      this.tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(column, value), exceptId === undefined ? undefined : ne(table.id, exceptId)))
        .get() !== undefined
    );
  }
  /** One indexed lookup per slug or name: cheaper on SQLite than building a statement for each list of slugs. */
  lookUp(asked: Lookups, editedActorId: number | undefined) {
    const idsOf = (table: RecordTable, slugs: Set<string>) => {
      const found = new Map<string, number>();
      for (const slug of slugs) {
        const row = this.tx
          .select({ id: table.id })
          .from(table as typeof actors)
          .where(eq(table.slug, slug))
          .get();
        if (row) found.set(slug, row.id);
      }
      return found;
    };
    const notEdited = (column: typeof actors.id | typeof actorAliases.actorId) =>
      editedActorId === undefined ? undefined : ne(column, editedActorId);
    const actorNames = new Map<string, string>();
    for (const folded of asked.actorNames) {
      const owner =
        this.tx
          .select({ slug: actors.slug })
          .from(actors)
          .where(and(eq(actors.nameFolded, folded), notEdited(actors.id)))
          .get() ??
        this.tx
          .select({ slug: actors.slug })
          .from(actorAliases)
          .innerJoin(actors, eq(actors.id, actorAliases.actorId))
          .where(and(eq(actorAliases.nameFolded, folded), notEdited(actorAliases.actorId)))
          .get();
      if (owner) actorNames.set(folded, owner.slug);
    }
    const sourceRows = [...asked.sources].flatMap((slug) => {
      const row = this.tx
        .select({ id: sources.id, file: sources.file, style: sources.paragraphStyle })
        .from(sources)
        .where(eq(sources.slug, slug))
        .get();
      return row ? [{ slug, ...row }] : [];
    });
    const ids: ReferencedIds = {
      actor: idsOf(actors, asked.actors),
      event: idsOf(events, asked.events),
      source: new Map(sourceRows.map((row) => [row.slug, row.id])),
    };
    const answers: LookupAnswers = {
      sources: new Map(sourceRows.map((row) => [row.slug, { file: row.file, style: row.style }])),
      actors: new Set(ids.actor.keys()),
      events: new Set(ids.event.keys()),
      figures: new Set(idsOf(figures, asked.figures).keys()),
      actorNames,
    };
    return { answers, ids };
  }
  appendRevision(revision: NewRevision) {
    this.tx
      .insert(revisions)
      .values({
        ...revision,
        reason: revision.reason ?? null,
        at: new Date().toISOString(),
        before: revision.before == null ? null : JSON.stringify(revision.before),
        after: revision.after == null ? null : JSON.stringify(revision.after),
      })
      .run();
  }
  findIdempotencyKey(keyId: number, key: string) {
    return this.tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.idempotencyKey, key)))
      .get();
  }
  rememberIdempotencyKey(row: NewIdempotencyKey) {
    this.tx.insert(idempotencyKeys).values(row).run();
  }

  eventsByParticipant(actorId: number) {
    return ids(
      this.tx
        .select({ id: eventParticipants.eventId })
        .from(eventParticipants)
        .where(eq(eventParticipants.actorId, actorId))
        .all(),
    );
  }
  eventsByClaimedParticipant(actorSlug: string) {
    return ids(
      this.tx
        .select({ id: claims.eventId })
        .from(claims)
        .where(and(eq(claims.field, 'participant'), eq(claims.value, actorSlug), isNotNull(claims.eventId)))
        .all(),
    );
  }
  eventsLinkingTo(eventId: number) {
    return ids(
      this.tx.select({ id: eventLinks.eventId }).from(eventLinks).where(eq(eventLinks.targetEventId, eventId)).all(),
    );
  }
  figuresNaming(actorId: number) {
    return ids(
      this.tx.select({ id: figureActors.figureId }).from(figureActors).where(eq(figureActors.actorId, actorId)).all(),
    );
  }
  actorsReferring(actorId: number) {
    return ids(
      this.tx
        .select({ id: actors.id })
        .from(actors)
        .where(or(eq(actors.countryId, actorId), eq(actors.predecessorId, actorId)))
        .all(),
    );
  }
  officeHoldersIn(organizationId: number) {
    return ids(
      this.tx.select({ id: offices.holderId }).from(offices).where(eq(offices.organizationId, organizationId)).all(),
    );
  }
  repointMerges(fromId: number, intoId: number) {
    this.tx.update(actorMerges).set({ intoActorId: intoId }).where(eq(actorMerges.intoActorId, fromId)).run();
  }
  rememberMerge(fromSlug: string, intoId: number) {
    this.tx
      .insert(actorMerges)
      .values({ fromSlug, intoActorId: intoId, mergedAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: actorMerges.fromSlug, set: { intoActorId: intoId } })
      .run();
  }

  recordBySeedSlug(type: EntityType, seedSlug: string) {
    const table = recordTable(type);
    return this.tx.select(seededColumns(table)).from(table).where(eq(table.seedSlug, seedSlug)).get();
  }
  recordBySlug(type: EntityType, slug: string) {
    const table = recordTable(type);
    return this.tx.select(seededColumns(table)).from(table).where(eq(table.slug, slug)).get();
  }
  mergedActors() {
    return new Map(
      this.tx
        .select()
        .from(actorMerges)
        .all()
        .map((merge) => [merge.fromSlug, merge.intoActorId]),
    );
  }
  seededRecords(type: EntityType) {
    const table = recordTable(type);
    return this.tx
      .select({ id: table.id, slug: table.slug, seedSlug: table.seedSlug, version: table.version })
      .from(table)
      .where(isNotNull(table.seedHash))
      .all();
  }
  latestRevisionOperation(type: EntityType, id: number) {
    return this.tx
      .select({ operation: revisions.operation })
      .from(revisions)
      .where(and(eq(revisions.entityType, type), eq(revisions.entityId, id)))
      .orderBy(desc(revisions.version))
      .get()?.operation;
  }
  seedState(type: EntityType, id: number) {
    const table = recordTable(type);
    return this.tx
      .select({ seedSlug: table.seedSlug, seedHash: table.seedHash })
      .from(table)
      .where(eq(table.id, id))
      .get();
  }
  citationsOfSource(sourceId: number) {
    return this.tx.select().from(citations).where(eq(citations.sourceId, sourceId)).all();
  }
  citedParagraphs(sourceIds: number[], eventIds: number[] | undefined) {
    const among = (ids: number[]) => (column: Column) =>
      sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
    return this.tx.all<CitedParagraph>(
      citedParagraphsSql(citations, claims, among(sourceIds), eventIds && among(eventIds)),
    );
  }
  indexedPassages(eventIds: number[] | undefined) {
    return this.tx.all<{ id: number; text: string }>(sql`
      select id, cited_passages as text from ${events} where cited_passages is not null
      ${eventIds ? sql`and id in (select value from json_each(${JSON.stringify(eventIds)}))` : sql``}`);
  }
  setCitedPassages(rows: { id: number; text: string | null }[]) {
    for (const { id, text } of rows) this.tx.run(sql`update ${events} set cited_passages = ${text} where id = ${id}`);
  }
  claimSubjects(claimIds: number[]) {
    return this.tx
      .select({ eventId: claims.eventId, figureId: claims.figureId })
      .from(claims)
      .where(inArray(claims.id, claimIds))
      .all();
  }
  officeHolders(officeIds: number[]) {
    return ids(this.tx.select({ id: offices.holderId }).from(offices).where(inArray(offices.id, officeIds)).all());
  }
}

const seededColumns = (table: typeof events) => ({
  id: table.id,
  seedHash: table.seedHash,
  seedSlug: table.seedSlug,
  version: table.version,
});

/**
 * The plans' database operations (`plans/statements.ts`) on PostgreSQL, each a statement (or a few)
 * in the caller's transaction, answered as a Promise: `runPlanAsync(plan, new PostgresStatements(tx))`
 * runs a write or a seed-format read with the same decisions as on SQLite. Where PostgreSQL differs
 * it is here: a record's row is locked `FOR UPDATE`, an idempotency key waits on an advisory lock,
 * and a write's references are looked up in one round trip per kind.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { citedParagraphsSql } from '../plans/cited-passages.ts';
import type { AsyncStatements } from '../plans/run.ts';
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
  Scope,
} from '../plans/statements.ts';
import type { PostgresDatabase } from '../postgres/client.ts';
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
} from '../postgres/schema.ts';
import type { LookupAnswers, Lookups, RecordOf } from '../seed/write-rules.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';
import { inIds } from './event-reads.ts';
import { ownColumns, RECORD_TABLES, type RecordTable } from './record-writes.ts';

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
  (CHILD_TABLES[table] as unknown as Record<ParentColumn, PgColumn>)[parent];
type ChildInsert = typeof citations.$inferInsert;

const countries = alias(actors, 'countries');
const predecessors = alias(actors, 'predecessors');
const organizations = alias(actors, 'organizations');
const targetEvents = alias(events, 'target_events');

const inScope = (column: PgColumn, id: Scope) => (id === undefined ? undefined : eq(column, id));
const ids = (rows: { id: number | null }[]) => rows.map((row) => row.id!);
const first = <Row>(rows: Row[]): Row | undefined => rows[0];

function citationScope(tx: PostgresDatabase, of: CitationScope): SQL | undefined {
  if (!of) return undefined;
  if (of.type === 'actor')
    return or(
      eq(citations.actorId, of.id),
      inArray(citations.officeId, tx.select({ id: offices.id }).from(offices).where(eq(offices.holderId, of.id))),
    );
  const subject = of.type === 'event' ? 'eventId' : 'figureId';
  return or(
    eq(citations[subject], of.id),
    inArray(citations.claimId, tx.select({ id: claims.id }).from(claims).where(eq(claims[subject], of.id))),
  );
}

const seededColumns = (table: typeof events) => ({
  id: table.id,
  seedHash: table.seedHash,
  seedSlug: table.seedSlug,
  version: table.version,
});

export class PostgresStatements implements AsyncStatements {
  constructor(private readonly tx: PostgresDatabase) {}

  sourceRows(id: Scope) {
    return this.tx.select().from(sources).where(inScope(sources.id, id)).orderBy(asc(sources.id));
  }
  actorRows(id: Scope) {
    return this.tx
      .select({ actor: actors, country: countries.slug, predecessor: predecessors.slug })
      .from(actors)
      .leftJoin(countries, eq(countries.id, actors.countryId))
      .leftJoin(predecessors, eq(predecessors.id, actors.predecessorId))
      .where(inScope(actors.id, id))
      .orderBy(asc(actors.id));
  }
  aliasRows(actorId: Scope) {
    return this.tx
      .select()
      .from(actorAliases)
      .where(inScope(actorAliases.actorId, actorId))
      .orderBy(asc(actorAliases.position), asc(actorAliases.id));
  }
  officeRows(holderId: Scope) {
    return this.tx
      .select({ office: offices, organization: organizations.slug })
      .from(offices)
      .leftJoin(organizations, eq(organizations.id, offices.organizationId))
      .where(inScope(offices.holderId, holderId))
      .orderBy(asc(offices.position), asc(offices.id));
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
      .orderBy(asc(citations.position), asc(citations.id));
  }
  claimRows(of: { eventId: number } | { figureId: number } | undefined) {
    const where = of && ('eventId' in of ? eq(claims.eventId, of.eventId) : eq(claims.figureId, of.figureId));
    return this.tx.select().from(claims).where(where).orderBy(asc(claims.position), asc(claims.id));
  }
  eventRows(id: Scope) {
    return this.tx.select().from(events).where(inScope(events.id, id)).orderBy(asc(events.id));
  }
  sectorRows(eventId: Scope) {
    return this.tx
      .select()
      .from(eventSectors)
      .where(inScope(eventSectors.eventId, eventId))
      .orderBy(asc(eventSectors.eventId), asc(eventSectors.position));
  }
  participantRows(eventId: Scope) {
    return this.tx
      .select({ eventId: eventParticipants.eventId, actor: actors.slug, role: eventParticipants.role })
      .from(eventParticipants)
      .innerJoin(actors, eq(actors.id, eventParticipants.actorId))
      .where(inScope(eventParticipants.eventId, eventId))
      .orderBy(asc(eventParticipants.eventId), asc(eventParticipants.position));
  }
  linkRows(eventId: Scope) {
    return this.tx
      .select({ eventId: eventLinks.eventId, type: eventLinks.type, event: targetEvents.slug })
      .from(eventLinks)
      .innerJoin(targetEvents, eq(targetEvents.id, eventLinks.targetEventId))
      .where(inScope(eventLinks.eventId, eventId))
      .orderBy(asc(eventLinks.eventId), asc(eventLinks.position));
  }
  figureRows(id: Scope) {
    return this.tx.select().from(figures).where(inScope(figures.id, id)).orderBy(asc(figures.id));
  }
  figureActorRows(figureId: Scope) {
    return this.tx
      .select({ figureId: figureActors.figureId, actor: actors.slug })
      .from(figureActors)
      .innerJoin(actors, eq(actors.id, figureActors.actorId))
      .where(inScope(figureActors.figureId, figureId))
      .orderBy(asc(figureActors.figureId), asc(figureActors.position));
  }

  async lockRecord(type: EntityType, id: number) {
    const table = recordTable(type);
    return first(
      await this.tx
        .select({ id: table.id, slug: table.slug, version: table.version })
        .from(table)
        .where(eq(table.id, id))
        .for('update'),
    );
  }
  async insertRecordRow(type: EntityType, record: RecordOf[EntityType], bookkeeping: Bookkeeping) {
    const table = recordTable(type);
    const columns = (ownColumns[type] as (record: unknown, inserting: boolean) => object)(record, true);
    const [row] = await this.tx
      .insert(table)
      .values({ ...columns, ...bookkeeping } as typeof events.$inferInsert)
      .returning({ id: table.id });
    return row!.id;
  }
  async updateRecordRow(type: EntityType, id: number, record: RecordOf[EntityType], bookkeeping: Bookkeeping) {
    const table = recordTable(type);
    const columns = (ownColumns[type] as (record: unknown, inserting: boolean) => object)(record, false);
    await this.tx
      .update(table)
      .set({ ...columns, ...bookkeeping })
      .where(eq(table.id, id));
  }
  async markRecordRow(type: EntityType, id: number, bookkeeping: Bookkeeping) {
    const table = recordTable(type);
    await this.tx.update(table).set(bookkeeping).where(eq(table.id, id));
  }
  async deleteRecordRows(type: EntityType, rowIds: number[]) {
    const table = recordTable(type);
    await this.tx.delete(table).where(inArray(table.id, rowIds));
  }
  async setActorReferences(actorId: number, references: { countryId: number | null; predecessorId: number | null }) {
    await this.tx.update(actors).set(references).where(eq(actors.id, actorId));
  }
  async deleteChildRows(table: ChildTable, parent: ParentColumn, parentIds: number[]) {
    const child = childTable(table);
    const column = parentColumn(table, parent);
    await this.tx.delete(child).where(parentIds.length === 1 ? eq(column, parentIds[0]!) : inArray(column, parentIds));
  }
  async insertChildRows(table: ChildTable, rows: ChildRows[ChildTable][]) {
    await this.tx.insert(childTable(table)).values(rows as ChildInsert[]);
  }
  async insertOffice(row: ChildRows['offices']) {
    const [inserted] = await this.tx.insert(offices).values(row).returning({ id: offices.id });
    return inserted!.id;
  }
  async insertClaim(row: ChildRows['claims']) {
    const [inserted] = await this.tx.insert(claims).values(row).returning({ id: claims.id });
    return inserted!.id;
  }

  async valueTaken(type: EntityType, field: 'slug' | 'file', value: string, exceptId: number | undefined) {
    const table = recordTable(type);
    const column = (table as unknown as typeof sources)[field];
    const [taken] = await this.tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(column, value), exceptId === undefined ? undefined : ne(table.id, exceptId)))
      .limit(1);
    return taken !== undefined;
  }
  /** What the rules asked, answered in one query per kind (one transaction is one connection: they run in turn). */
  async lookUp(asked: Lookups, editedActorId: number | undefined) {
    const idsOf = async (table: RecordTable, slugs: Set<string>) => {
      if (!slugs.size) return new Map<string, number>();
      const rows = await this.tx
        .select({ id: table.id, slug: table.slug })
        .from(table as typeof actors)
        .where(inArray(table.slug, [...slugs]));
      return new Map(rows.map((row) => [row.slug, row.id]));
    };
    const actorIds = await idsOf(actors, asked.actors);
    const eventIds = await idsOf(events, asked.events);
    const figureIds = await idsOf(figures, asked.figures);
    const sourceRows = asked.sources.size
      ? await this.tx
          .select({ id: sources.id, slug: sources.slug, file: sources.file, style: sources.paragraphStyle })
          .from(sources)
          .where(inArray(sources.slug, [...asked.sources]))
      : [];
    const actorNames = new Map<string, string>();
    if (asked.actorNames.size) {
      const folded = [...asked.actorNames];
      const notEdited = (column: typeof actors.id | typeof actorAliases.actorId): SQL | undefined =>
        editedActorId === undefined ? undefined : ne(column, editedActorId);
      const byName = await this.tx
        .select({ folded: actors.nameFolded, slug: actors.slug })
        .from(actors)
        .where(and(inArray(actors.nameFolded, folded), notEdited(actors.id)))
        .orderBy(actors.id);
      const byAlias = await this.tx
        .select({ folded: actorAliases.nameFolded, slug: actors.slug })
        .from(actorAliases)
        .innerJoin(actors, eq(actors.id, actorAliases.actorId))
        .where(and(inArray(actorAliases.nameFolded, folded), notEdited(actorAliases.actorId)))
        .orderBy(actorAliases.id);
      // An actor's own name is found before another's alias, as SQLite's two lookups find them.
      for (const { folded: name, slug } of [...byAlias.reverse(), ...byName.reverse()]) actorNames.set(name, slug);
    }
    const answers: LookupAnswers = {
      sources: new Map(sourceRows.map((row) => [row.slug, { file: row.file, style: row.style }])),
      actors: new Set(actorIds.keys()),
      events: new Set(eventIds.keys()),
      figures: new Set(figureIds.keys()),
      actorNames,
    };
    return {
      answers,
      ids: { actor: actorIds, event: eventIds, source: new Map(sourceRows.map((row) => [row.slug, row.id])) },
    };
  }
  async appendRevision(revision: NewRevision) {
    await this.tx.insert(revisions).values({
      ...revision,
      reason: revision.reason ?? null,
      at: new Date().toISOString(),
      before: revision.before == null ? null : JSON.stringify(revision.before),
      after: revision.after == null ? null : JSON.stringify(revision.after),
    });
  }
  /** Two requests with one key wait for each other on an advisory lock of the key, so the second finds the first's result. */
  async findIdempotencyKey(keyId: number, key: string) {
    await this.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${keyId}:${key}`}, 0))`);
    return first(
      await this.tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.idempotencyKey, key))),
    );
  }
  async rememberIdempotencyKey(row: NewIdempotencyKey) {
    await this.tx.insert(idempotencyKeys).values(row);
  }

  async eventsByParticipant(actorId: number) {
    return ids(
      await this.tx
        .select({ id: eventParticipants.eventId })
        .from(eventParticipants)
        .where(eq(eventParticipants.actorId, actorId))
        .orderBy(eventParticipants.eventId),
    );
  }
  async eventsByClaimedParticipant(actorSlug: string) {
    return ids(
      await this.tx
        .select({ id: claims.eventId })
        .from(claims)
        .where(and(eq(claims.field, 'participant'), eq(claims.value, actorSlug), isNotNull(claims.eventId)))
        .orderBy(claims.id),
    );
  }
  async eventsLinkingTo(eventId: number) {
    return ids(
      await this.tx.select({ id: eventLinks.eventId }).from(eventLinks).where(eq(eventLinks.targetEventId, eventId)),
    );
  }
  async figuresNaming(actorId: number) {
    return ids(
      await this.tx.select({ id: figureActors.figureId }).from(figureActors).where(eq(figureActors.actorId, actorId)),
    );
  }
  async actorsReferring(actorId: number) {
    return ids(
      await this.tx
        .select({ id: actors.id })
        .from(actors)
        .where(or(eq(actors.countryId, actorId), eq(actors.predecessorId, actorId))),
    );
  }
  async officeHoldersIn(organizationId: number) {
    return ids(
      await this.tx.select({ id: offices.holderId }).from(offices).where(eq(offices.organizationId, organizationId)),
    );
  }
  async repointMerges(fromId: number, intoId: number) {
    await this.tx.update(actorMerges).set({ intoActorId: intoId }).where(eq(actorMerges.intoActorId, fromId));
  }
  async rememberMerge(fromSlug: string, intoId: number) {
    await this.tx
      .insert(actorMerges)
      .values({ fromSlug, intoActorId: intoId, mergedAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: actorMerges.fromSlug, set: { intoActorId: intoId } });
  }

  async recordBySeedSlug(type: EntityType, seedSlug: string) {
    const table = recordTable(type);
    return first(await this.tx.select(seededColumns(table)).from(table).where(eq(table.seedSlug, seedSlug)));
  }
  async recordBySlug(type: EntityType, slug: string) {
    const table = recordTable(type);
    return first(await this.tx.select(seededColumns(table)).from(table).where(eq(table.slug, slug)));
  }
  async mergedActors() {
    return new Map((await this.tx.select().from(actorMerges)).map((merge) => [merge.fromSlug, merge.intoActorId]));
  }
  seededRecords(type: EntityType) {
    const table = recordTable(type);
    return this.tx
      .select({ id: table.id, slug: table.slug, seedSlug: table.seedSlug, version: table.version })
      .from(table)
      .where(isNotNull(table.seedHash));
  }
  async latestRevisionOperation(type: EntityType, id: number): Promise<RevisionOperation | undefined> {
    const latest = first(
      await this.tx
        .select({ operation: revisions.operation })
        .from(revisions)
        .where(and(eq(revisions.entityType, type), eq(revisions.entityId, id)))
        .orderBy(desc(revisions.version))
        .limit(1),
    );
    return latest?.operation;
  }
  async seedState(type: EntityType, id: number) {
    const table = recordTable(type);
    return first(
      await this.tx.select({ seedSlug: table.seedSlug, seedHash: table.seedHash }).from(table).where(eq(table.id, id)),
    );
  }
  citationsOfSource(sourceId: number) {
    return this.tx.select().from(citations).where(eq(citations.sourceId, sourceId));
  }
  async citedParagraphs(sourceIds: number[], eventIds: number[] | undefined) {
    const { rows } = await this.tx.execute<CitedParagraph>(
      citedParagraphsSql(
        citations,
        claims,
        (column) => inIds(column, sourceIds),
        eventIds && ((column) => inIds(column, eventIds)),
      ),
    );
    return rows;
  }
  async indexedPassages(eventIds: number[] | undefined) {
    const { rows } = await this.tx.execute<{ id: number; text: string }>(sql`
      select id, cited_passages as text from ${events} where cited_passages is not null
      ${eventIds ? sql`and ${inIds(sql`id`, eventIds)}` : sql``}`);
    return rows;
  }
  async setCitedPassages(rows: { id: number; text: string | null }[]) {
    for (const { id, text } of rows)
      await this.tx.execute(sql`update ${events} set cited_passages = ${text} where id = ${id}`);
  }
  claimSubjects(claimIds: number[]) {
    return this.tx
      .select({ eventId: claims.eventId, figureId: claims.figureId })
      .from(claims)
      .where(inArray(claims.id, claimIds));
  }
  async officeHolders(officeIds: number[]) {
    return ids(await this.tx.select({ id: offices.holderId }).from(offices).where(inArray(offices.id, officeIds)));
  }
}

/**
 * The database operations the plans (`run.ts`) ask for, each answered by one statement or a few,
 * in the store's own row shapes. SQLite answers them synchronously (`records/sqlite-statements.ts`),
 * PostgreSQL with Promises (`postgres-store/statements.ts`); the decisions around them (what to
 * read, when to refuse, what to write in which order) are the plans', and so the same on both.
 * Every operation runs inside the caller's transaction.
 */
import type {
  actorColumns,
  aliasRows,
  citationRows,
  claimRow,
  eventColumns,
  figureActorRows,
  figureColumns,
  linkRows,
  officeRow,
  participantRows,
  sectorRows,
  sourceColumns,
} from '../seed/record-columns.ts';
import type { LookupAnswers, Lookups, RecordOf } from '../seed/write-rules.ts';
import type { EntityType, RevisionOperation } from '../vocabulary/curation-terms.ts';

/** Restricts a read to one parent row, or (undefined) reads every row. */
export type Scope = number | undefined;

/** Whose citations to read: an actor's (its own and its offices'), an event's or a figure's (its own and its claims'), or (undefined) all. */
export type CitationScope = { type: 'actor' | 'event' | 'figure'; id: number } | undefined;

type Own<Columns extends (...args: never[]) => unknown> = ReturnType<Columns> & { id: number };
export type SourceRow = Own<typeof sourceColumns>;
export interface ActorRow {
  actor: Pick<Own<typeof actorColumns>, 'id' | 'slug' | 'name' | 'kind'>;
  country: string | null;
  predecessor: string | null;
}
export type AliasRow = Omit<ReturnType<typeof aliasRows>[number], 'nameFolded' | 'position'>;
export interface OfficeRow {
  office: Omit<Own<typeof officeRow>, 'organizationId' | 'position'>;
  organization: string | null;
}
export interface CitationRow {
  eventId: number | null;
  actorId: number | null;
  officeId: number | null;
  claimId: number | null;
  figureId: number | null;
  source: string;
  paragraph: number;
  note: string | null;
}
export type ClaimRow = Omit<Own<typeof claimRow>, 'position' | 'eventId' | 'figureId'> & {
  eventId: number | null;
  figureId: number | null;
};
export type EventRow = Omit<Own<typeof eventColumns>, 'dateEarliest' | 'dateLatest'> & { archivedAt: string | null };
export type SectorRow = Pick<ReturnType<typeof sectorRows>[number], 'eventId' | 'sector'>;
export interface ParticipantRow {
  eventId: number;
  actor: string;
  role: ReturnType<typeof participantRows>[number]['role'];
}
export interface LinkRow {
  eventId: number;
  type: ReturnType<typeof linkRows>[number]['type'];
  event: string;
}
export type FigureRow = Omit<Own<typeof figureColumns>, 'periodEarliest' | 'periodLatest'>;
export interface FigureActorRow {
  figureId: number;
  actor: string;
}

/** The values of each kind of child row, as `seed/record-columns.ts` builds them. */
export interface ChildRows {
  actorAliases: ReturnType<typeof aliasRows>[number];
  offices: ReturnType<typeof officeRow>;
  citations: ReturnType<typeof citationRows>[number];
  claims: ReturnType<typeof claimRow>;
  eventSectors: ReturnType<typeof sectorRows>[number];
  eventParticipants: ReturnType<typeof participantRows>[number];
  eventLinks: ReturnType<typeof linkRows>[number];
  figureActors: ReturnType<typeof figureActorRows>[number];
}
export type ChildTable = keyof ChildRows;
/** A database's child tables by name, each resolving to `never` (so failing to compile) unless `ChildRows` fit it. */
export type CheckedChildTables<Tables extends Record<ChildTable, { $inferInsert: unknown }>> = {
  [T in ChildTable]: ChildRows[T] extends Tables[T]['$inferInsert'] ? Tables[T] : never;
};
/** The column of a child row that names the record it belongs to. */
export type ParentColumn = 'actorId' | 'holderId' | 'eventId' | 'figureId';

/** Bookkeeping columns every record table has, set beside a record's own columns. */
export interface Bookkeeping {
  version?: number;
  seedHash?: string | null;
  seedSlug?: string | null;
}

/** A record's identity and version, as a write checks it. */
export interface Versioned {
  id: number;
  slug: string;
  version: number;
}

/** A record as the seed loader finds it: the slug and hash of the seed record it was last loaded from. */
export interface Seeded {
  id: number;
  seedHash: string | null;
  seedSlug: string | null;
  version: number;
}

export interface NewRevision {
  entityType: EntityType;
  entityId: number;
  entitySlug: string;
  version: number;
  operation: RevisionOperation;
  keyId: number | null;
  before: unknown;
  after: unknown;
  /** Why the change was made, when the writer said. */
  reason?: string | null;
}

export interface StoredIdempotencyKey {
  operation: string;
  requestHash: string;
  /** The first attempt's result, as JSON. */
  result: string;
}

export interface NewIdempotencyKey extends StoredIdempotencyKey {
  keyId: number;
  idempotencyKey: string;
  createdAt: string;
}

/** The IDs of the records a write refers to, by slug, found while its references were checked. */
export interface ReferencedIds {
  actor: ReadonlyMap<string, number>;
  source: ReadonlyMap<string, number>;
  event: ReadonlyMap<string, number>;
}

type AnyRecord = RecordOf[EntityType];

export interface Statements {
  // Records in seed format, read back (plans/read-records.ts).
  sourceRows(id: Scope): SourceRow[];
  actorRows(id: Scope): ActorRow[];
  aliasRows(actorId: Scope): AliasRow[];
  officeRows(holderId: Scope): OfficeRow[];
  citationRows(of: CitationScope): CitationRow[];
  claimRows(of: { eventId: number } | { figureId: number } | undefined): ClaimRow[];
  eventRows(id: Scope): EventRow[];
  sectorRows(eventId: Scope): SectorRow[];
  participantRows(eventId: Scope): ParticipantRow[];
  linkRows(eventId: Scope): LinkRow[];
  figureRows(id: Scope): FigureRow[];
  figureActorRows(figureId: Scope): FigureActorRow[];

  // A record's own row and its child rows (plans/write-rows.ts).
  /** The record's ID, slug and version; PostgreSQL locks its row until the transaction ends. */
  lockRecord(type: EntityType, id: number): Versioned | undefined;
  insertRecordRow(type: EntityType, record: AnyRecord, bookkeeping: Bookkeeping): number;
  updateRecordRow(type: EntityType, id: number, record: AnyRecord, bookkeeping: Bookkeeping): void;
  /** Changes only bookkeeping columns. */
  markRecordRow(type: EntityType, id: number, bookkeeping: Bookkeeping): void;
  deleteRecordRows(type: EntityType, ids: number[]): void;
  setActorReferences(actorId: number, references: { countryId: number | null; predecessorId: number | null }): void;
  deleteChildRows(table: ChildTable, parent: ParentColumn, ids: number[]): void;
  insertChildRows(table: ChildTable, rows: ChildRows[ChildTable][]): void;
  /** Inserts an office (its citations refer to it); answers its ID. */
  insertOffice(row: ChildRows['offices']): number;
  /** Inserts a claim (its citations refer to it); answers its ID. */
  insertClaim(row: ChildRows['claims']): number;

  // The API's one write path (plans/save-record.ts).
  /** Whether a record of the kind other than `exceptId` has this value in the field. */
  valueTaken(type: EntityType, field: 'slug' | 'file', value: string, exceptId: number | undefined): boolean;
  /** Answers what the write's rules ask (`lookupsOf`), with the IDs of the records found; an edited actor's own names are not "taken". */
  lookUp(asked: Lookups, editedActorId: number | undefined): { answers: LookupAnswers; ids: ReferencedIds };
  appendRevision(revision: NewRevision): void;
  /** The key's stored result; PostgreSQL first waits for any other transaction holding the same key. */
  findIdempotencyKey(keyId: number, key: string): StoredIdempotencyKey | undefined;
  rememberIdempotencyKey(row: NewIdempotencyKey): void;

  // Merges (plans/merge-actors.ts) and the seed loader's removal rules (plans/seed-removal.ts).
  eventsByParticipant(actorId: number): number[];
  eventsByClaimedParticipant(actorSlug: string): number[];
  eventsLinkingTo(eventId: number): number[];
  figuresNaming(actorId: number): number[];
  /** Actors whose country or predecessor is this actor. */
  actorsReferring(actorId: number): number[];
  /** Holders of offices in this organisation. */
  officeHoldersIn(organizationId: number): number[];
  /** Points earlier merges into `fromId` at `intoId`. */
  repointMerges(fromId: number, intoId: number): void;
  rememberMerge(fromSlug: string, intoId: number): void;

  // The seed loader (plans/seed-load.ts, plans/seed-removal.ts).
  recordBySeedSlug(type: EntityType, seedSlug: string): Seeded | undefined;
  recordBySlug(type: EntityType, slug: string): Seeded | undefined;
  /** Every actor merged away through the API: its slug, and the actor it lives on in. */
  mergedActors(): Map<string, number>;
  /** Every record loaded from the seed files (it has a seed hash). */
  seededRecords(type: EntityType): (Versioned & { seedSlug: string | null })[];
  /** The operation of the record's newest revision. */
  latestRevisionOperation(type: EntityType, id: number): RevisionOperation | undefined;
  seedState(type: EntityType, id: number): Pick<Seeded, 'seedHash' | 'seedSlug'> | undefined;
  /** Where a source is cited: the subject columns of each citation. */
  citationsOfSource(sourceId: number): Omit<CitationRow, 'source' | 'paragraph' | 'note'>[];
  claimSubjects(claimIds: number[]): { eventId: number | null; figureId: number | null }[];
  officeHolders(officeIds: number[]): number[];

  // The text of events' cited paragraphs in their search index (plans/cited-passages.ts).
  /** The paragraphs of the documents `sourceIds` that events cite (in their own citations and their claims'), by event, source and paragraph; only `eventIds`' when given. */
  citedParagraphs(sourceIds: number[], eventIds: number[] | undefined): CitedParagraph[];
  /** The events whose cited passages are indexed, with that text; only `eventIds`' when given. */
  indexedPassages(eventIds: number[] | undefined): { id: number; text: string }[];
  /** Indexes each event's passage text, or takes it out (null). */
  setCitedPassages(rows: { id: number; text: string | null }[]): void;
}

export type CitedParagraph = {
  eventId: number;
  sourceId: number;
  paragraph: number;
};

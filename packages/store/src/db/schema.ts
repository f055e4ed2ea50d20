/**
 * Bilateral's tables. Fuzzy dates are stored as their EDTF text (the source of truth) plus the
 * earliest and latest possible ISO day, which range filters and ordering use. An open side (`../2018`,
 * `2011/..`) is stored as a stand-in day, OPEN_START_DAY or OPEN_END_DAY (`dates/fuzzy-date.ts`), so
 * the columns stay NOT NULL and an open side sorts and filters as unbounded with no special case.
 * Precision and the approximate flag are read back from the EDTF text, so they can never disagree with it.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { ParagraphStyle } from '../sources/paragraphs.ts';
import type { KeyScope, RevisionOperation } from '../vocabulary/curation-terms.ts';
import type { EventKind } from '../vocabulary/event-kinds.ts';
import type {
  ActorKind,
  AliasKind,
  ClaimField,
  ClaimStatus,
  EventLinkType,
  ParticipantRole,
  Sector,
  SourceGenre,
} from '../vocabulary/terms.ts';

/** Hash of the seed record a row was last loaded from; lets a reload skip unchanged records. */
const seedHash = () => text('seed_hash');
/** The slug the row has in the seed files. It stays when the API renames the row, so a reload still finds it. */
const seedSlug = () => text('seed_slug');
/** Bumped by every write to the record; updates compare it for optimistic concurrency. */
const version = () => integer('version').notNull().default(1);

/**
 * The seed loader finds each seeded row by its seed slug and lists the seeded rows to see which the
 * files dropped. Partial indexes hold only seeded rows, so a start-up over a database of a million
 * API-written or imported events reads the few hundred seeded ones, not every row.
 */
const seedIndexes = (
  name: string,
  table: { id: AnySQLiteColumn; seedSlug: AnySQLiteColumn; seedHash: AnySQLiteColumn },
) => [
  index(`${name}_seed_slug`).on(table.seedSlug).where(sql`${table.seedSlug} is not null`),
  index(`${name}_seeded`).on(table.id).where(sql`${table.seedHash} is not null`),
];

export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  file: text('file').notNull().unique(),
  title: text('title').notNull(),
  author: text('author'),
  outlet: text('outlet'),
  genre: text('genre').$type<SourceGenre>().notNull(),
  publishedEdtf: text('published_edtf'),
  paragraphStyle: text('paragraph_style').$type<ParagraphStyle>().notNull().default('blank-lines'),
  /** Where the document can be read online, when known; http(s) only. */
  url: text('url'),
  seedHash: seedHash(),
  seedSlug: seedSlug(),
  version: version(),
});

export const actors = sqliteTable(
  'actors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Name folded for case- and accent-insensitive matching. */
    nameFolded: text('name_folded').notNull(),
    kind: text('kind').$type<ActorKind>().notNull(),
    countryId: integer('country_id').references((): AnySQLiteColumn => actors.id, { onDelete: 'set null' }),
    predecessorId: integer('predecessor_id').references((): AnySQLiteColumn => actors.id, { onDelete: 'set null' }),
    seedHash: seedHash(),
    seedSlug: seedSlug(),
    version: version(),
  },
  (table) => [
    index('actors_name_folded').on(table.nameFolded),
    index('actors_kind').on(table.kind),
    ...seedIndexes('actors', table),
  ],
);

export const actorAliases = sqliteTable(
  'actor_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    kind: text('kind').$type<AliasKind>().notNull(),
    /** Set only for a name no source document uses: why the curators added it anyway. */
    outsideReason: text('outside_reason'),
    position: integer('position').notNull(),
  },
  (table) => [
    uniqueIndex('actor_aliases_name_folded').on(table.nameFolded),
    index('actor_aliases_actor').on(table.actorId),
  ],
);

export const offices = sqliteTable(
  'offices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    holderId: integer('holder_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    organizationId: integer('organization_id').references(() => actors.id, { onDelete: 'set null' }),
    fromEdtf: text('from_edtf'),
    toEdtf: text('to_edtf'),
    position: integer('position').notNull(),
  },
  (table) => [index('offices_holder').on(table.holderId)],
);

/**
 * Also `cited_passages` (text, null unless the store was given the source documents): the text of the
 * event's cited paragraphs, searched with its other text; added by the cited-passages migration and
 * deliberately not declared here, so no select() ships it (`plans/cited-passages.ts` keeps it).
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    dateEdtf: text('date_edtf').notNull(),
    dateEarliest: text('date_earliest').notNull(),
    dateLatest: text('date_latest').notNull(),
    /** Why the date is as precise as it is when part of it rests on knowledge from outside the cited documents. */
    dateBasis: text('date_basis'),
    place: text('place'),
    amountValue: text('amount_value'),
    amountCurrency: text('amount_currency'),
    amountApproximate: integer('amount_approximate', { mode: 'boolean' }).notNull().default(false),
    quantityValue: integer('quantity_value'),
    quantityUnit: text('quantity_unit'),
    seedHash: seedHash(),
    seedSlug: seedSlug(),
    version: version(),
    /** Set when the event was archived: a tombstone that hides it from lists but keeps it and its history. */
    archivedAt: text('archived_at'),
  },
  (table) => [
    index('events_date').on(table.dateEarliest, table.dateLatest, table.id),
    // Serves a kind filter in date order and the kind ordering (kind, then date) without a sort.
    index('events_kind_date').on(table.kind, table.dateEarliest, table.dateLatest, table.id),
    // Archived events are few: lists and search leave them out by looking them up here, not by a scan.
    index('events_archived').on(table.id).where(sql`${table.archivedAt} is not null`),
    // Live events in page order (so pages seek and need no sort), with the kind, so that counting and
    // grouping by date and kind (statistics, totalCount under a date filter) never read the event rows.
    index('events_live_date')
      .on(table.dateEarliest, table.dateLatest, table.id, table.kind)
      .where(sql`${table.archivedAt} is null`),
    ...seedIndexes('events', table),
    index('events_title').on(table.title),
    check('events_date_order', sql`${table.dateEarliest} <= ${table.dateLatest}`),
    check('events_amount_pair', sql`(${table.amountValue} is null) = (${table.amountCurrency} is null)`),
  ],
);

/**
 * Live events counted by period and kind, kept by triggers on `events` (see the event-period-counts
 * migration), so a histogram over all events by year, decade, kind or PLOVER category reads a few
 * thousand rows, not every event. `period` is the year ("2014") when the event's date lies within
 * one year, else its span ("1980-01-01/1989-12-31").
 */
export const eventPeriodCounts = sqliteTable(
  'event_period_counts',
  {
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.period, table.kind] })],
);

/**
 * Live events counted by sector, period and kind, kept by triggers on `events` and `event_sectors`
 * (see the sector-actor-period-counts migration): a histogram or cooperation index filtered by one
 * sector reads its few thousand rows, not the sector's events. Periods as in `event_period_counts`;
 * a row whose count falls to 0 stays.
 */
export const sectorPeriodCounts = sqliteTable(
  'sector_period_counts',
  {
    sector: text('sector').notNull(),
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.sector, table.period, table.kind] })],
);

/**
 * Live events counted by actor, period and kind (an actor holding two roles in one event counts
 * once), kept by triggers on `events` and `event_participants` (the same migration): a histogram or
 * cooperation index filtered by one actor, even one in most events, reads that actor's rows only.
 * A row whose count falls to 0 stays.
 */
export const actorPeriodCounts = sqliteTable(
  'actor_period_counts',
  {
    actorId: integer('actor_id').notNull(),
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.actorId, table.period, table.kind] })],
);

/**
 * How many live events each actor took part in (an actor holding two roles in one event counts
 * once), kept by triggers on `events` and `event_participants` (see the actor-network-counts
 * migration): the unfiltered network's nodes, most active first, without reading every event.
 * An actor in no live event has no row.
 */
export const actorEventCounts = sqliteTable(
  'actor_event_counts',
  {
    actorId: integer('actor_id').primaryKey(),
    eventCount: integer('event_count').notNull(),
  },
  (table) => [index('actor_event_counts_rank').on(sql`${table.eventCount} desc`, table.actorId)],
);

/**
 * Every pair of actors that took part in the same live events (`actor_id` < `other_id`), with the
 * number of those events and the earliest and latest possible day among them, kept by the same
 * triggers: the unfiltered network's edges and every actor's relationships without a self-join over
 * all participants. A pair that shares no live event has no row.
 */
export const actorPairCounts = sqliteTable(
  'actor_pair_counts',
  {
    actorId: integer('actor_id').notNull(),
    otherId: integer('other_id').notNull(),
    weight: integer('weight').notNull(),
    firstDate: text('first_date').notNull(),
    lastDate: text('last_date').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.actorId, table.otherId] }),
    // An actor's relationships where it is the larger ID of the pair.
    index('actor_pair_counts_other').on(table.otherId, table.actorId),
    // Counting the pairs of at least `minWeight` shared events.
    index('actor_pair_counts_weight').on(table.weight),
  ],
);

export const eventSectors = sqliteTable(
  'event_sectors',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    sector: text('sector').$type<Sector>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.sector] }), index('event_sectors_sector').on(table.sector)],
);

export const eventParticipants = sqliteTable(
  'event_participants',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    role: text('role').$type<ParticipantRole>().notNull(),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.actorId, table.role] }),
    index('event_participants_actor').on(table.actorId, table.eventId),
  ],
);

export const eventLinks = sqliteTable(
  'event_links',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    targetEventId: integer('target_event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    type: text('type').$type<EventLinkType>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.targetEventId, table.type] }),
    index('event_links_target').on(table.targetEventId),
  ],
);

export const figures = sqliteTable('figures', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  label: text('label').notNull(),
  indicator: text('indicator').notNull(),
  periodEdtf: text('period_edtf').notNull(),
  periodEarliest: text('period_earliest').notNull(),
  periodLatest: text('period_latest').notNull(),
  value: text('value').notNull(),
  currency: text('currency'),
  unit: text('unit'),
  approximate: integer('approximate', { mode: 'boolean' }).notNull().default(false),
  seedHash: seedHash(),
  seedSlug: seedSlug(),
  version: version(),
});

export const figureActors = sqliteTable(
  'figure_actors',
  {
    figureId: integer('figure_id')
      .notNull()
      .references(() => figures.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.figureId, table.actorId] }), index('figure_actors_actor').on(table.actorId)],
);

/** One competing value for a field of an event or a figure, as one or more sources state it. */
export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    figureId: integer('figure_id').references(() => figures.id, { onDelete: 'cascade' }),
    field: text('field').$type<ClaimField>().notNull(),
    value: text('value').notNull(),
    status: text('status').$type<ClaimStatus>().notNull(),
    preferred: integer('preferred', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason'),
    position: integer('position').notNull(),
  },
  (table) => [
    index('claims_event').on(table.eventId),
    index('claims_figure').on(table.figureId),
    check('claims_one_subject', sql`(${table.eventId} is null) <> (${table.figureId} is null)`),
  ],
);

/** A passage (document + paragraph) that supports exactly one event, actor, office, claim or figure. */
export const citations = sqliteTable(
  'citations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'restrict' }),
    paragraph: integer('paragraph').notNull(),
    note: text('note'),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
    officeId: integer('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id').references(() => claims.id, { onDelete: 'cascade' }),
    figureId: integer('figure_id').references(() => figures.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (table) => [
    index('citations_source').on(table.sourceId, table.id),
    index('citations_event').on(table.eventId),
    index('citations_actor').on(table.actorId),
    index('citations_office').on(table.officeId),
    index('citations_claim').on(table.claimId),
    index('citations_figure').on(table.figureId),
    check('citations_paragraph_positive', sql`${table.paragraph} >= 1`),
    check(
      'citations_one_subject',
      sql`(${table.eventId} is not null) + (${table.actorId} is not null) + (${table.officeId} is not null) + (${table.claimId} is not null) + (${table.figureId} is not null) = 1`,
    ),
  ],
);

/** An API key. Only the SHA-256 of the secret is kept, so a stolen database leaks no usable key. */
export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  scope: text('scope').$type<KeyScope>().notNull(),
  secretHash: text('secret_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});

/**
 * One write to a curated record, appended in the same transaction as the write. `before` and
 * `after` are the whole record in seed format (JSON), null for a creation or a hard removal.
 */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    entitySlug: text('entity_slug').notNull(),
    version: integer('version').notNull(),
    operation: text('operation').$type<RevisionOperation>().notNull(),
    /** The API key that made the change; null for the seed loader. */
    keyId: integer('key_id').references(() => apiKeys.id, { onDelete: 'restrict' }),
    at: text('at').notNull(),
    before: text('before'),
    after: text('after'),
    /** Why the change was made, when the writer gave a reason (a merge's reason, for example). */
    reason: text('reason'),
  },
  (table) => [
    uniqueIndex('revisions_entity_version').on(table.entityType, table.entityId, table.version),
    index('revisions_entity_slug').on(table.entityType, table.entitySlug, table.at),
  ],
);

/** Results of mutations sent with an idempotency key, replayed when the same request is retried. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    keyId: integer('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    operation: text('operation').notNull(),
    requestHash: text('request_hash').notNull(),
    result: text('result').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.keyId, table.idempotencyKey] })],
);

/**
 * Slugs of actors merged away through the API, and the actor each now lives on. The seed files
 * may still hold a merged actor until `export-seeds` rewrites them; the loader reads this table
 * to leave such a record out and send its references to the actor it was merged into.
 */
export const actorMerges = sqliteTable('actor_merges', {
  fromSlug: text('from_slug').primaryKey(),
  intoActorId: integer('into_actor_id')
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' }),
  mergedAt: text('merged_at').notNull(),
});

/**
 * The last seed load that completed: a hash of every file under seeds/ and the newest revision then.
 * When both are unchanged at start-up nothing can differ, so the loader skips reading the records.
 */
export const seedLoads = sqliteTable(
  'seed_loads',
  {
    id: integer('id').primaryKey(),
    filesHash: text('files_hash').notNull(),
    revisionId: integer('revision_id').notNull(),
    loadedAt: text('loaded_at').notNull(),
  },
  (table) => [check('seed_loads_one_row', sql`${table.id} = 1`)],
);

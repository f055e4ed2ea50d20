import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../db/client.ts';
import * as sqliteSchema from '../db/schema.ts';
import type { PostgresStore } from '../postgres/client.ts';
import * as postgresSchema from '../postgres/schema.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { loadSeeds as loadSeedsSqlite } from '../seed-loader/index.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import { loadSeeds } from './seed-load.ts';

const fixture = (name: string) => join(import.meta.dirname, '../seed/fixtures', name);

/** Columns that hold the time a row was written: the only thing allowed to differ between the two loads. */
const TIMESTAMPS = new Set(['at', 'loadedAt', 'archivedAt', 'createdAt', 'mergedAt', 'revokedAt']);

/** Every table of both schemas (the same names), trigger-kept totals included. */
const TABLES = {
  sources: [sqliteSchema.sources, postgresSchema.sources],
  actors: [sqliteSchema.actors, postgresSchema.actors],
  actorAliases: [sqliteSchema.actorAliases, postgresSchema.actorAliases],
  offices: [sqliteSchema.offices, postgresSchema.offices],
  events: [sqliteSchema.events, postgresSchema.events],
  eventPeriodCounts: [sqliteSchema.eventPeriodCounts, postgresSchema.eventPeriodCounts],
  sectorPeriodCounts: [sqliteSchema.sectorPeriodCounts, postgresSchema.sectorPeriodCounts],
  actorPeriodCounts: [sqliteSchema.actorPeriodCounts, postgresSchema.actorPeriodCounts],
  actorEventCounts: [sqliteSchema.actorEventCounts, postgresSchema.actorEventCounts],
  actorPairCounts: [sqliteSchema.actorPairCounts, postgresSchema.actorPairCounts],
  eventSectors: [sqliteSchema.eventSectors, postgresSchema.eventSectors],
  eventParticipants: [sqliteSchema.eventParticipants, postgresSchema.eventParticipants],
  eventLinks: [sqliteSchema.eventLinks, postgresSchema.eventLinks],
  figures: [sqliteSchema.figures, postgresSchema.figures],
  figureActors: [sqliteSchema.figureActors, postgresSchema.figureActors],
  claims: [sqliteSchema.claims, postgresSchema.claims],
  citations: [sqliteSchema.citations, postgresSchema.citations],
  apiKeys: [sqliteSchema.apiKeys, postgresSchema.apiKeys],
  revisions: [sqliteSchema.revisions, postgresSchema.revisions],
  idempotencyKeys: [sqliteSchema.idempotencyKeys, postgresSchema.idempotencyKeys],
  actorMerges: [sqliteSchema.actorMerges, postgresSchema.actorMerges],
  seedLoads: [sqliteSchema.seedLoads, postgresSchema.seedLoads],
} as const;

function withoutTimestamps(rows: Record<string, unknown>[]) {
  return rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, TIMESTAMPS.has(key) && value ? 'time' : value]),
      ),
    )
    .map((row) => JSON.stringify(row))
    .sort();
}

/** Every table's rows on each database, timestamps blanked, in one order. */
async function everyTable(sqlite: Store, postgres: PostgresStore) {
  const sqliteRows: Record<string, string[]> = {};
  const postgresRows: Record<string, string[]> = {};
  for (const [name, [sqliteTable, postgresTable]] of Object.entries(TABLES)) {
    sqliteRows[name] = withoutTimestamps(sqlite.select().from(sqliteTable).all());
    postgresRows[name] = withoutTimestamps(await postgres.db.select().from(postgresTable));
  }
  return { sqliteRows, postgresRows };
}

// What only a comparison of the two databases' rows, or PostgreSQL's concurrency, shows; the loader's
// rules are tested once on both databases in seed-loader/load.test.ts.
describe('loadSeeds on PostgreSQL', () => {
  let sqlite: Store;
  let postgres: PostgresStore;
  beforeAll(async () => {
    postgres = await emptyPgliteStore();
  }, 120_000);
  beforeEach(async () => {
    sqlite = openStore(':memory:');
    postgres = await emptyPgliteStore();
    return () => closeStore(sqlite);
  }, 60_000);
  afterAll(() => postgres.close());

  it('writes the same rows, revisions and seed hashes as SQLite for the whole dataset', async () => {
    const sqliteReport = loadSeedsSqlite(sqlite, defaultSeedsDir());
    const postgresReport = await loadSeeds(postgres.db, defaultSeedsDir());
    expect(postgresReport).toEqual(sqliteReport);
    expect(postgresReport.created).toBeGreaterThan(100);
    const { sqliteRows, postgresRows } = await everyTable(sqlite, postgres);
    expect(Object.keys(postgresRows)).toEqual(expect.arrayContaining(['events', 'revisions', 'eventPeriodCounts']));
    for (const name of Object.keys(TABLES)) expect(postgresRows[name], name).toEqual(sqliteRows[name]);
    expect(postgresRows.events!.length).toBeGreaterThan(0);
  }, 120_000);

  it('skips a load of unchanged files, and loads once when two start together', async () => {
    const [first, second] = await Promise.all([
      loadSeeds(postgres.db, fixture('valid')),
      loadSeeds(postgres.db, fixture('valid')),
    ]);
    expect([first.skipped, second.skipped].sort()).toEqual([true, undefined].sort());
    expect(await loadSeeds(postgres.db, fixture('valid'))).toMatchObject({ skipped: true });
    const revisions = await postgres.db.select().from(postgresSchema.revisions);
    expect(revisions.length).toBe(first.created + second.created);
  }, 60_000);
});

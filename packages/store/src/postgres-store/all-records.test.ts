import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../db/client.ts';
import type { PostgresStore } from '../postgres/client.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { readAllRecords as readAllSqlite } from '../records/read-records.ts';
import { loadSeeds as loadSeedsSqlite } from '../seed-loader/index.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import { readAllRecords } from './all-records.ts';
import { loadSeeds } from './seed-load.ts';

describe('every record in seed format on PostgreSQL', () => {
  let postgres: PostgresStore;
  let sqlite: Store;
  beforeAll(async () => {
    postgres = await emptyPgliteStore();
    await loadSeeds(postgres.db, defaultSeedsDir());
    sqlite = openStore(':memory:');
    loadSeedsSqlite(sqlite, defaultSeedsDir());
  }, 180_000);
  afterAll(async () => {
    if (sqlite) closeStore(sqlite);
    await postgres?.close();
  });

  it('reads the seeds back as SQLite does, every record and every field, in the same order', async () => {
    const fromPostgres = await readAllRecords(postgres.db);
    expect(fromPostgres).toEqual(readAllSqlite(sqlite));
    expect(fromPostgres.events.length).toBeGreaterThan(100);
    expect(fromPostgres.events.some((event) => event.claims.some((claim) => claim.citations.length))).toBe(true);
    expect(fromPostgres.actors.some((actor) => actor.offices.some((office) => office.citations.length))).toBe(true);
  });
});

// The renames export-seeds needs read the same on both databases: records renamed and an actor
// merged away through the write path on SQLite, the database copied into PostgreSQL (PGlite).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../curation/keys.ts';
import { mergeActors } from '../curation/merge-actors.ts';
import { saveRecord } from '../curation/save-record.ts';
import { actors, events } from '../db/schema.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openFixtureStore, sqliteDatabaseOf } from '../testing/index.ts';
import { copyIntoPostgres } from '../testing/postgres.ts';

describe('readSeedRenames on PostgreSQL, against SQLite', () => {
  let sqlite: BilateralStore;
  let postgres: BilateralStore;
  beforeAll(async () => {
    sqlite = openFixtureStore();
    const database = sqliteDatabaseOf(sqlite);
    const editor = { keyId: createApiKey(database, 'write', 'renames').key.id };
    const idOf = (table: typeof actors | typeof events, slug: string) =>
      database.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()!.id;
    saveRecord(
      database,
      'event',
      {
        id: idOf(events, '2016-druzhba-exercise'),
        operation: 'update',
        change: (current) => ({ ...current!, slug: '2016-09-druzhba-exercise' }),
      },
      editor,
    );
    mergeActors(database, { from: idOf(actors, 'soviet-union'), into: idOf(actors, 'russia') }, editor);
    postgres = await copyIntoPostgres(sqlite);
  }, 120_000);
  afterAll(async () => {
    await postgres.close();
    await sqlite.close();
  });

  it('names the renamed records by kind and the actors merged away, as SQLite does', async () => {
    const renames = await postgres.readSeedRenames();
    expect(renames).toEqual(await sqlite.readSeedRenames());
    expect(renames.renamed.events).toEqual(new Map([['2016-09-druzhba-exercise', '2016-druzhba-exercise']]));
    expect(renames.renamed.actors.size).toBe(0);
    expect(renames.merged).toEqual([['soviet-union', 'russia']]);
  });
});

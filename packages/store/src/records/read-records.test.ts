import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../db/client.ts';
import { actors, events, figures, sources } from '../db/schema.ts';
import { validateSeeds } from '../seed/validate.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import { fixtureSeedsDir } from '../testing/fixture-store.ts';
import {
  readActorRecord,
  readAllRecords,
  readEventRecord,
  readFigureRecord,
  readSourceRecord,
} from './read-records.ts';

describe.each([
  ['the seeds/ dataset', defaultSeedsDir()],
  ['the fixture dataset', fixtureSeedsDir],
])('reading %s back', (_, dir) => {
  const { dataset, problems } = validateSeeds(dir);
  let store: Store;
  beforeAll(() => {
    store = openStore(':memory:');
    loadSeeds(store, dir);
  });
  afterAll(() => closeStore(store));

  type Table = typeof sources | typeof actors | typeof events | typeof figures;
  const idOf = (table: Table, slug: string) =>
    store
      .select({ id: table.id })
      .from(table as typeof sources)
      .where(eq(table.slug, slug))
      .get()!.id;

  it('validates', () => expect(problems).toEqual([]));

  it('reads every record back as the validated seed record', () => {
    for (const { record } of dataset.sources)
      expect(readSourceRecord(store, idOf(sources, record.slug))).toStrictEqual(record);
    for (const { record } of dataset.actors)
      expect(readActorRecord(store, idOf(actors, record.slug))).toStrictEqual(record);
    for (const { record } of dataset.events)
      expect(readEventRecord(store, idOf(events, record.slug))).toStrictEqual(record);
    for (const { record } of dataset.figures)
      expect(readFigureRecord(store, idOf(figures, record.slug))).toStrictEqual(record);
  });

  it('reads all records at once, in id order, equal to the single-record readers', () => {
    const all = readAllRecords(store);
    expect(all.sources).toStrictEqual(dataset.sources.map(({ record }) => record));
    expect(all.actors).toStrictEqual(dataset.actors.map(({ record }) => record));
    expect(all.events).toStrictEqual(dataset.events.map(({ record }) => record));
    expect(all.figures).toStrictEqual(dataset.figures.map(({ record }) => record));
  });

  it('reads inside a transaction', () => {
    const { record } = dataset.events[0]!;
    expect(store.transaction((tx) => readEventRecord(tx, idOf(events, record.slug)))).toStrictEqual(record);
  });
});

describe('readers', () => {
  it('return null for a missing id', () => {
    const store = openStore(':memory:');
    loadSeeds(store, fixtureSeedsDir);
    expect(readEventRecord(store, 999_999)).toBeNull();
    expect(readActorRecord(store, 999_999)).toBeNull();
    expect(readSourceRecord(store, 999_999)).toBeNull();
    expect(readFigureRecord(store, 999_999)).toBeNull();
    closeStore(store);
  });

  it('readAllRecords runs the same number of statements however many rows there are', () => {
    const statementsFor = (dir: string) => {
      let count = 0;
      const store = openStore(':memory:', { onStatement: () => count++ });
      loadSeeds(store, dir);
      count = 0;
      readAllRecords(store);
      closeStore(store);
      return count;
    };
    expect(statementsFor(defaultSeedsDir())).toBe(statementsFor(fixtureSeedsDir));
  });
});

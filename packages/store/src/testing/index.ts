/**
 * @bilateral/store/testing: fixtures for the tests of other packages, as `BilateralStore`s. The
 * store's own tests import the raw SQLite versions from `fixture-store.ts` and `synthetic-events.ts`.
 */
import type { BilateralStore } from '../bilateral-store.ts';
import type { OpenStoreOptions } from '../db/client.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { openFixtureStore as openFixtureDatabase } from './fixture-store.ts';
import { openSyntheticStore as openSyntheticDatabase } from './synthetic-events.ts';

export { sqliteDatabaseOf } from '../db/sqlite-store.ts';
export { fixtureSeedsDir, fixtureSeedsWith, fixtureVisit, writeFixtureDocuments } from './fixture-store.ts';
export { syntheticEvent } from './synthetic-events.ts';

/** An in-memory store loaded with the fixture dataset. */
export const openFixtureStore = (options: OpenStoreOptions = {}): BilateralStore =>
  new SqliteStore(openFixtureDatabase(options));

/** An in-memory store of `count` generated events (`synthetic-events.ts`). */
export const openSyntheticStore = (count: number, options: OpenStoreOptions = {}): BilateralStore =>
  new SqliteStore(openSyntheticDatabase(count, options));

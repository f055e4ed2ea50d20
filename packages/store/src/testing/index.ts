/**
 * @bilateral/store/testing: fixtures for the tests of other packages, as `BilateralStore`s. The
 * store's own tests import the raw SQLite versions from `fixture-store.ts` and `synthetic-events.ts`.
 */

import { createApiKey } from '../curation/keys.ts';
import { closeStore, type OpenStoreOptions, openStore } from '../db/client.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import type { KeyScope } from '../vocabulary/curation-terms.ts';
import { fixtureSeedsDir, openFixtureStore as openFixtureDatabase } from './fixture-store.ts';
import { openSyntheticStore as openSyntheticDatabase } from './synthetic-events.ts';

// SQLite itself, for tests and benchmarks that measure or break it (statement counts, fault injection, the
// SQL baselines); code that serves requests never imports this entry.
export { closeStore, openStore, type Store } from '../db/client.ts';
export { SqliteStore, sqliteDatabaseOf } from '../sqlite/sqlite-store.ts';
export { fixtureSeedsDir, fixtureSeedsWith, fixtureVisit, writeFixtureDocuments } from './fixture-store.ts';
export { itRequiresSourceDocumentsInCI, sourceDocumentsPresent } from './source-documents.ts';
export { syntheticEvent } from './synthetic-events.ts';

/** An in-memory store loaded with the fixture dataset. */
export const openFixtureStore = (options: OpenStoreOptions = {}): BilateralStore =>
  new SqliteStore(openFixtureDatabase(options));

/** An in-memory store of `count` generated events (`synthetic-events.ts`). */
export const openSyntheticStore = (count: number, options: OpenStoreOptions = {}): BilateralStore =>
  new SqliteStore(openSyntheticDatabase(count, options));

/**
 * Creates the SQLite file at `path` with the fixture dataset, closed again (no -wal or -shm left), and
 * returns the secret of a new API key of `scope` for it: a database as a server finds it on disk.
 */
export function writeFixtureDatabase(path: string, scope: KeyScope = 'write', label = `${scope} test key`): string {
  const store = openStore(path);
  try {
    loadSeeds(store, fixtureSeedsDir);
    return createApiKey(store, scope, label).secret;
  } finally {
    closeStore(store);
  }
}

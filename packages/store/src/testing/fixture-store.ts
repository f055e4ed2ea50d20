import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '../db/client.ts';
import { loadSeeds } from '../seed/index.ts';

/** The directory of the small test dataset that ships with the store. */
export const fixtureSeedsDir = join(import.meta.dirname, '../seed/fixtures/valid');

/** An in-memory store loaded with the fixture dataset. */
export function openFixtureStore(options: OpenStoreOptions = {}): Store {
  const store = openStore(':memory:', options);
  loadSeeds(store, fixtureSeedsDir);
  return store;
}

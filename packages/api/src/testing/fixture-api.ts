import { closeStore, type Store } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll } from 'vitest';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';

/**
 * Opens the fixture store and a Yoga handler over it for one test file, closing the store
 * afterwards. `prepare` may edit the data before the handler is built.
 */
export function useFixtureApi(prepare?: (store: Store) => void): {
  readonly store: Store;
  readonly yoga: BilateralYoga;
} {
  const api = {} as { store: Store; yoga: BilateralYoga };
  beforeAll(() => {
    api.store = openFixtureStore();
    prepare?.(api.store);
    api.yoga = createBilateralYoga({ store: api.store, logging: false });
  });
  afterAll(() => closeStore(api.store));
  return api;
}

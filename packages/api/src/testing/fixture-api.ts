import { closeStore, type Store } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll } from 'vitest';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';

export interface TestApi {
  readonly store: Store;
  readonly yoga: BilateralYoga;
}

/**
 * Opens the store `open` returns and a Yoga handler over it for one test file (or describe block),
 * closing the store afterwards. The handler logs only when `logging` is set.
 */
export function useTestApi(open: () => Store, { logging = false } = {}): TestApi {
  const api = {} as { store: Store; yoga: BilateralYoga };
  beforeAll(() => {
    api.store = open();
    api.yoga = createBilateralYoga({ store: api.store, logging });
  });
  afterAll(() => closeStore(api.store));
  return api;
}

/** useTestApi over the fixture store; `prepare` may edit the data before the handler is built. */
export function useFixtureApi(prepare?: (store: Store) => void): TestApi {
  return useTestApi(() => {
    const store = openFixtureStore();
    prepare?.(store);
    return store;
  });
}

import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll } from 'vitest';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';

export interface TestApi {
  readonly store: BilateralStore;
  readonly yoga: BilateralYoga;
}

/**
 * Opens the store `open` returns and a Yoga handler over it for one test file (or describe block),
 * closing the store afterwards. The handler logs only when `logging` is set.
 */
export function useTestApi(open: () => BilateralStore | Promise<BilateralStore>, { logging = false } = {}): TestApi {
  const api = {} as { store: BilateralStore; yoga: BilateralYoga };
  beforeAll(async () => {
    api.store = await open();
    api.yoga = createBilateralYoga({ store: api.store, logging });
  });
  afterAll(() => api.store.close());
  return api;
}

/** useTestApi over the fixture store; `prepare` may edit the data before the handler is built. */
export function useFixtureApi(prepare?: (store: BilateralStore) => void | Promise<void>): TestApi {
  return useTestApi(async () => {
    const store = openFixtureStore();
    await prepare?.(store);
    return store;
  });
}

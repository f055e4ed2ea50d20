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
    // A PostgreSQL store starts PGlite (WebAssembly) first: seconds, more on a loaded machine.
  }, 120_000);
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

/**
 * The fixture API on each database, for suites whose verdicts must not depend on it: the fixture
 * store on SQLite, and the same rows copied into PGlite (PostgreSQL in this process) on PostgreSQL.
 * PGlite is loaded only by the files that ask for it.
 */
export function useFixtureApiOnEachDatabase(): [database: string, api: TestApi][] {
  return [
    ['SQLite', useFixtureApi()],
    [
      'PostgreSQL',
      useTestApi(async () => {
        const { copyIntoPostgres } = await import('@bilateral/store/testing/postgres');
        const sqlite = openFixtureStore();
        try {
          return await copyIntoPostgres(sqlite);
        } finally {
          await sqlite.close();
        }
      }),
    ],
  ];
}

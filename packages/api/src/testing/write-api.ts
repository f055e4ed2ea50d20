import type { KeyScope } from '@bilateral/store';
import type { DeniedWrite } from '../execution/auth.ts';
import { createBilateralYoga } from '../yoga.ts';
import { useFixtureApi } from './fixture-api.ts';
import { execute } from './graphql.ts';

/** The fixture API for mutation tests: create keys, call as a key's holder, and see the refused writes it logged. */
export function useWriteApi() {
  const api = useFixtureApi();
  const denied: DeniedWrite[] = [];
  const keyFor = async (scope: KeyScope) => (await api.store.createApiKey(scope, `${scope} test key`)).secret;
  /** Runs `query` as the holder of `secret` (a key `keyFor` is still creating will do), or without a key. */
  const asKey = async (secret: string | Promise<string> | null, query: string, variables?: Record<string, unknown>) => {
    const key = await secret;
    return execute(
      createBilateralYoga({ store: api.store, logging: false, audit: (entry) => denied.push(entry) }),
      query,
      variables,
      key ? { authorization: `Bearer ${key}` } : {},
    );
  };
  return { api, denied, keyFor, asKey };
}

/** Inputs built on `defaults`, each call with a new slug starting with `slugPrefix`. */
function withSerialSlugs(slugPrefix: string, defaults: Record<string, unknown>) {
  let serial = 0;
  return (overrides: Record<string, unknown> = {}) => ({
    slug: `${slugPrefix}-${++serial}`,
    ...defaults,
    ...overrides,
  });
}

/** Valid EventInput for the fixture data, each call with a new slug starting with `slugPrefix`. */
export function eventInputs(slugPrefix: string, base: Record<string, unknown> = {}) {
  return withSerialSlugs(slugPrefix, {
    title: 'A delegation visits',
    summary: 'A delegation held talks.',
    kind: 'VISIT',
    date: '2019-03',
    sectors: ['DIPLOMACY'],
    participants: [
      { actor: 'pakistan', role: 'HOST' },
      { actor: 'russia', role: 'VISITOR' },
    ],
    citations: [{ source: 'fixture-news', paragraph: 3 }],
    ...base,
  });
}

/** Valid FigureInput for the fixture data (a 2019 trade value in USD), each call with a new slug starting with `slugPrefix`. */
export function figureInputs(slugPrefix: string) {
  return withSerialSlugs(slugPrefix, {
    label: 'Pakistan–Russia bilateral trade, 2019',
    indicator: 'bilateral_trade',
    period: '2019',
    actors: ['pakistan', 'russia'],
    value: '1000000000',
    currency: 'USD',
    citations: [{ source: 'fixture-news', paragraph: 16 }],
  });
}

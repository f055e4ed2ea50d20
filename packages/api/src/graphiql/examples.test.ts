// Every GraphiQL tab must return real data from the shipped seeds in one click.
import { defaultSeedsDir, openSqliteStore } from '@bilateral/store';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { createBilateralYoga } from '../yoga.ts';
import { exampleOperations } from './examples.ts';

const store = openSqliteStore(':memory:');
await store.loadSeeds(defaultSeedsDir());
const yoga = createBilateralYoga({ store, logging: false });
afterAll(() => store.close());

/** True when a result holds at least one non-empty list or a non-null object beyond the root. */
const hasData = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== null && typeof value === 'object' && Object.values(value).some(hasData);

describe('GraphiQL example tabs', () => {
  const examples = exampleOperations();

  it('include one tab per SDK operation', () => {
    expect(examples.map((example) => example.name)).toEqual(
      expect.arrayContaining([
        'Events',
        'Event',
        'Actors',
        'Actor',
        'Sources',
        'Search',
        'EventStats',
        'ActorRelationships',
      ]),
    );
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    '%s returns real data with its example variables',
    async (_name, example) => {
      const result = await execute(yoga, example.query, example.variables ? JSON.parse(example.variables) : undefined);
      expect(result.errors).toBeUndefined();
      expect(hasData(result.data)).toBe(true);
    },
  );
});

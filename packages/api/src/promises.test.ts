// The index of promises in docs/testing.md names, for each promise of the README and the guides,
// the test that checks it. This file keeps that index true, and holds the README's promises that
// had no test of their own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleOperations } from './graphiql-examples.ts';

const root = join(import.meta.dirname, '../../..');
const index = readFileSync(join(root, 'docs/testing.md'), 'utf8');
/** Rows of the promise table: `| promise | guide | \`file\` › test name |`. */
const promises = [...index.matchAll(/^\| (.+?) \| .+? \| `([^`]+\.test\.ts)` › (.+?) \|$/gm)].map(
  ([, promise, file, test]) => ({ promise: promise!, file: file!, test: test! }),
);

describe('the promise index in docs/testing.md', () => {
  it('lists the promises of the README and every guide', () => {
    expect(promises.length).toBeGreaterThanOrEqual(60);
    for (const guide of ['README', 'querying', 'insights', 'exports', 'sdk', 'writing', 'security', 'operating'])
      expect(index, guide).toMatch(new RegExp(`\\| (\\[${guide}\\]\\(|${guide} \\|)`));
  });

  it.each(promises.map((row) => [row.promise, row] as const))('names a test that exists: %s', (_promise, row) => {
    const path = join(root, row.file);
    expect(existsSync(path), row.file).toBe(true);
    expect(readFileSync(path, 'utf8'), `${row.file} has no test "${row.test}"`).toContain(row.test);
  });
});

describe('README', () => {
  it('GraphiQL has exactly one tab per SDK read operation, 18 in all', () => {
    // In the README's order: events, one event, actors, one actor, sources, figures, the taxonomy,
    // search, statistics, the cooperation index, the network, TimelineJS, relationships, the change
    // feed, one event's history, one source's citations, a timeline's events, a filter's vocabulary;
    // writes need a key, so they have no tab.
    const tabs = exampleOperations();
    expect(tabs.map((tab) => tab.name)).toEqual([
      'Events',
      'Event',
      'Actors',
      'Actor',
      'Sources',
      'Figures',
      'EventKinds',
      'Search',
      'EventStats',
      'CooperationIndex',
      'ActorNetwork',
      'TimelineJs',
      'ActorRelationships',
      'Changes',
      'EventHistory',
      'Source',
      'TimelineEvents',
      'FilterVocabulary',
    ]);
    for (const tab of tabs) expect(tab.query, tab.name).toMatch(/^query /);
  });
});

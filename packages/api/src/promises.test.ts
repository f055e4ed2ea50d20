// The index of promises in docs/testing.md names, for each promise of the README and the guides,
// the test that checks it. This file keeps that index true, and holds the README's promises that
// had no test of their own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@bilateral/sdk';
import { describe, expect, it } from 'vitest';
import { exampleOperations } from './graphiql/examples.ts';
import { sdkOperations } from './testing/sdk-operations.ts';

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
  it('GraphiQL has exactly one tab per SDK read operation', () => {
    // Writes need a key, so they have no tab.
    const tabs = exampleOperations();
    const reads = sdkOperations().filter((operation) => operation.type === 'query');
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(tabs.map((tab) => tab.name))).toEqual(new Set(reads.map((read) => read.name)));
    expect(tabs).toHaveLength(reads.length);
    for (const tab of tabs) expect(tab.query, tab.name).toMatch(/^query /);
  });
});

describe('the SDK README', () => {
  const readme = readFileSync(join(root, 'packages/sdk/README.md'), 'utf8').replace(/\s+/g, ' ');
  /** The backticked names of the sentence that starts with `lead`, up to `end`. */
  const listed = (lead: string, end: string) => {
    const sentence = readme.slice(readme.indexOf(lead) + lead.length);
    return new Set(
      [...sentence.slice(0, sentence.indexOf(end)).matchAll(/`(\w+)`/g)].flatMap(([, name]) => (name ? [name] : [])),
    );
  };
  const methodsOf = (type: string) =>
    sdkOperations()
      .filter((operation) => operation.type === type)
      .map((operation) => operation.method);

  it('lists every read method: one per SDK query operation, and allEvents', () => {
    expect(listed('Reads:', ';')).toEqual(new Set([...methodsOf('query'), 'allEvents']));
  });

  it('lists every write method: one per SDK mutation operation', () => {
    expect(listed('The write methods:', '.')).toEqual(new Set(methodsOf('mutation')));
  });

  it('docs/sdk.md names every read method too (its writes are one per mutation, by name)', () => {
    const guide = readFileSync(join(root, 'docs/sdk.md'), 'utf8').replace(/\s+/g, ' ');
    const sentence = guide.slice(guide.indexOf('Methods:'));
    const named = new Set(
      [...sentence.slice(0, sentence.indexOf('; and, with')).matchAll(/`(\w+)`/g)].map(([, name]) => name),
    );
    for (const method of methodsOf('query')) expect(named, method).toContain(method);
  });

  it('lists only methods the client has', () => {
    const client = createClient({ url: 'http://bilateral.test/graphql' });
    for (const method of [...listed('Reads:', ';'), ...listed('The write methods:', '.')])
      expect(client, method).toHaveProperty(method);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BilateralStore, openSqliteStore } from '@bilateral/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkTrustedDocuments } from '../execution/trusted-documents.ts';
import { parsePrometheus, sampleValue } from '../testing/prometheus.ts';
import { type BilateralYoga, createBilateralYoga } from '../yoga.ts';
import { createMetrics, type Metrics } from './metrics.ts';

let store: BilateralStore;
let metrics: Metrics;
let yoga: BilateralYoga;

beforeAll(() => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'bilateral-phases-')), 'bilateral.db'));
  metrics = createMetrics({ store, trustedDocuments: sdkTrustedDocuments(), processMetrics: false });
  yoga = createBilateralYoga({ store, logging: false, metrics });
});
afterAll(() => store.close());

const phaseSum = async (phase: string) =>
  sampleValue(parsePrometheus(await metrics.registry.metrics()), `graphql_envelop_phase_${phase}_sum`, {
    operation: 'other',
  });

async function post(query: string) {
  const response = await yoga.fetch('http://bilateral.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

describe('GraphQL phase histograms', () => {
  it('record the time of a parse and a validation, however short (not whole milliseconds)', async () => {
    // A large document (comments are lexed, then skipped) and a small one, neither seen before.
    const large = `${'# a comment line that the lexer reads and skips, in a document of half a megabyte\n'.repeat(6_000)}query Large { __typename }`;
    for (const query of [large, '{ small: __typename }']) {
      const [parseBefore, validateBefore] = [await phaseSum('parse'), await phaseSum('validate')];
      expect(await post(query)).toEqual({ data: expect.any(Object), extensions: { cost: 1 } });
      expect(await phaseSum('parse')).toBeGreaterThan(parseBefore);
      expect(await phaseSum('validate')).toBeGreaterThan(validateBefore);
    }
  });

  it('time a parse that fails too', async () => {
    const before = await phaseSum('parse');
    const answer = await post('{ unclosed ');
    expect(answer.errors).toBeDefined();
    expect(await phaseSum('parse')).toBeGreaterThan(before);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.ts';
import * as generated from './generated/graphql.ts';
import manifest from './generated/persisted-documents.json' with { type: 'json' };
import { codegenScalars } from './scalars.ts';

const root = join(import.meta.dirname, '../../..');

describe('generated SDK', () => {
  it('matches what codegen produces from schema.graphql and the operations (run `npx -y pnpm@10 codegen` after changing either)', async () => {
    const previous = process.cwd();
    process.chdir(root);
    try {
      const outputs = await generate({ ...config, silent: true, verbose: false }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        expect(readFileSync(join(root, output.filename), 'utf8'), output.filename).toBe(output.content);
      }
    } finally {
      process.chdir(previous);
    }
  }, 60_000);
});

describe('persisted-documents manifest', () => {
  it('holds, under its SHA-256, the text of every operation the SDK sends by ID', () => {
    // Operation documents are their ID and name only (`__meta__`); fragments stay as text.
    const operations = (Object.values(generated) as unknown[]).filter(
      (value): value is { __meta__: { hash: string; operationName: string } } =>
        typeof value === 'object' && value !== null && '__meta__' in value && !(value instanceof String),
    );
    expect(operations.length).toBeGreaterThan(30);
    const ids = operations.map((document) => document.__meta__.hash);
    expect(ids.filter((id) => !(id in manifest))).toEqual([]);
    expect(Object.keys(manifest).sort()).toEqual([...ids].sort());
    for (const [id, text] of Object.entries(manifest)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(id);
    }
  });
});

describe('codegenScalars', () => {
  it("types Date and Decimal as strings in a team's own codegen, where they are otherwise any", async () => {
    const typesOf = async (config: Record<string, unknown>) => {
      const outputs = await generate(
        {
          schema: join(root, 'schema.graphql'),
          documents: 'query Figure { figures(first: 1) { edges { node { value period { earliest } } } } }',
          generates: { 'team/': { preset: 'client', config } },
          silent: true,
          verbose: false,
        },
        false,
      );
      const types = outputs.find((output: { filename: string }) => output.filename.endsWith('graphql.ts'))!.content;
      const figureQuery = /export type FigureQuery = .*/.exec(types)?.[0] ?? '';
      // `earliest` is nullable (an open start), so it may be generated as optional (`earliest?:`).
      return [/value: (\w+)/.exec(figureQuery)?.[1], /earliest\??: (\w+)/.exec(figureQuery)?.[1]];
    };
    expect(await typesOf({ scalars: codegenScalars })).toEqual(['string', 'string']);
    expect(await typesOf({})).toEqual(['any', 'any']);
  }, 60_000);
});

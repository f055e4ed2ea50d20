import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.ts';
import * as generated from './generated/graphql.ts';
import manifest from './generated/persisted-documents.json' with { type: 'json' };

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
    const operations = (Object.values(generated) as unknown[]).filter(
      (value): value is generated.TypedDocumentString<unknown, unknown> =>
        value instanceof generated.TypedDocumentString && Boolean(value.__meta__?.operationName),
    );
    expect(operations.length).toBeGreaterThan(30);
    const ids = operations.map((document) => document.__meta__?.hash as string);
    expect(ids.filter((id) => !(id in manifest))).toEqual([]);
    expect(Object.keys(manifest).sort()).toEqual([...ids].sort());
    for (const [id, text] of Object.entries(manifest)) {
      expect(createHash('sha256').update(text).digest('hex')).toBe(id);
    }
  });
});

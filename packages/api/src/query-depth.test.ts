import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_DEPTH, selectionDepth } from './query-depth.ts';
import { useFixtureApi } from './testing/fixture-api.ts';
import { execute } from './testing/graphql.ts';

const api = useFixtureApi();
const operationsDir = dirname(createRequire(import.meta.url).resolve('@bilateral/sdk/operations/fragments.graphql'));
const graphqlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? graphqlFiles(join(dir, entry.name))
      : entry.name.endsWith('.graphql')
        ? [join(dir, entry.name)]
        : [],
  );

/** A query `levels` fields deep: events → edges → node → participants → actor → events → ..., one event a page so it stays cheap. */
const nested = (levels: number) => {
  const path = ['events(first: 1)', 'edges', 'node', 'participants', 'actor'];
  const fields = Array.from({ length: levels - 1 }, (_, index) => path[index % path.length]);
  return `{ ${fields.map((field) => `${field} {`).join(' ')} __typename ${'} '.repeat(fields.length)}}`;
};

describe('the query depth limit', () => {
  it('leaves room above the deepest operation the SDK ships', () => {
    const documents = graphqlFiles(operationsDir).map((file) => parse(readFileSync(file, 'utf8')));
    const definitions = documents.flatMap((document) => document.definitions);
    const fragments = Object.fromEntries(
      definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    const depths = definitions
      .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => selectionDepth(operation.selectionSet, fragments));
    expect(depths.length).toBeGreaterThan(10);
    expect(Math.max(...depths)).toBeLessThanOrEqual(MAX_QUERY_DEPTH - 4);
  });

  it('answers a query at the limit and refuses one level more with QUERY_TOO_DEEP', async () => {
    expect((await execute(api.yoga, nested(MAX_QUERY_DEPTH))).errors).toBeUndefined();
    const tooDeep = await execute(api.yoga, nested(MAX_QUERY_DEPTH + 1));
    expect(tooDeep.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'QUERY_TOO_DEEP' },
        message: expect.stringContaining(`the limit is ${MAX_QUERY_DEPTH}`),
      }),
    ]);
  });
});

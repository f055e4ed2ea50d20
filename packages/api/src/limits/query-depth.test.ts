import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';
import { MAX_QUERY_DEPTH, selectionDepth } from './query-depth.ts';
import { sdkOperationFiles } from './sdk-operations.ts';

const api = useFixtureApi();
/** A query `levels` fields deep: events → edges → node → participants → actor → events → ..., one event a page so it stays cheap. */
const nested = (levels: number) => {
  const path = ['events(first: 1)', 'edges', 'node', 'participants', 'actor'];
  const fields = Array.from({ length: levels - 1 }, (_, index) => path[index % path.length]);
  return `{ ${fields.map((field) => `${field} {`).join(' ')} __typename ${'} '.repeat(fields.length)}}`;
};

describe('the query depth limit', () => {
  it('leaves room above the deepest operation the SDK ships', () => {
    const documents = sdkOperationFiles().map(({ text }) => parse(text));
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

  it('measures fragments that each spread the next one twice in linear time', () => {
    const levels = 40;
    const document = parse(
      `query { ...F0 }\n${Array.from({ length: levels }, (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`).join('\n')}\nfragment F${levels} on Query { events { totalCount } }`,
    );
    const fragments = Object.fromEntries(
      document.definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    const operation = document.definitions[0] as OperationDefinitionNode;
    // Walking every spread again would visit 2^40 copies; remembering each fragment's depth visits 41.
    const started = performance.now();
    expect(selectionDepth(operation.selectionSet, fragments)).toBe(2);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

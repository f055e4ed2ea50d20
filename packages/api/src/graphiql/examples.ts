/**
 * GraphiQL opens with one tab per operation of the SDK, so the playground and the SDK show the
 * same queries. Each operation file may carry example variables in a comment line
 * `# variables: { ... }`; fragments an operation uses are appended to its tab.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type DefinitionNode, type FragmentDefinitionNode, Kind, parse, print, visit } from 'graphql';

export interface ExampleTab {
  name: string;
  query: string;
  variables: string | null;
}

const operationsDir = () =>
  dirname(createRequire(import.meta.url).resolve('@bilateral/sdk/operations/fragments.graphql'));

export function exampleOperations(dir = operationsDir()): ExampleTab[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort();
  const texts = files.map((name) => readFileSync(join(dir, name), 'utf8'));
  const definitions: DefinitionNode[] = texts.flatMap((text) => parse(text).definitions);
  const fragments = new Map(
    definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fragmentsUsedBy = (node: DefinitionNode, found = new Set<string>()) => {
    visit(node, {
      FragmentSpread(spread) {
        if (found.has(spread.name.value)) return;
        found.add(spread.name.value);
        fragmentsUsedBy(fragments.get(spread.name.value)!, found);
      },
    });
    return found;
  };
  return texts.flatMap((text) => {
    const variables = /^#\s*variables:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? null;
    return parse(text).definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) return [];
      const used = [...fragmentsUsedBy(definition)].map((name) => print(fragments.get(name)!));
      return [
        {
          name: definition.name.value,
          query: [print(definition), ...used].join('\n\n'),
          variables: variables && JSON.stringify(JSON.parse(variables), null, 2),
        },
      ];
    });
  });
}

export const graphiqlTabs = () => exampleOperations().map(({ query, variables }) => ({ query, variables }));

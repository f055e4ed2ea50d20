import { join } from 'node:path';
import { exampleOperations, operationsDir } from '../graphiql-examples.ts';
import { documentIdOf, type TrustedDocuments } from '../trusted-documents.ts';

/**
 * A manifest built here from the SDK's operation files (each operation with the fragments it uses),
 * for tests that need documents of their own choosing beside the SDK's manifest.
 */
export function manifestFromOperations(): TrustedDocuments {
  const operations = [...exampleOperations(), ...exampleOperations(join(operationsDir(), 'writes'))];
  return new Map(operations.map(({ query }) => [documentIdOf(query), query]));
}

export const documentIdOfOperation = (documents: TrustedDocuments, name: string): string => {
  const found = [...documents].find(([, text]) =>
    new RegExp(`^(query|mutation|subscription) ${name}\\b`, 'm').test(text),
  );
  if (!found) throw new Error(`no trusted document holds the operation ${name}`);
  return found[0];
};

/**
 * The SDK's operations as its trusted-documents manifest holds them, each with its type and the client
 * method that runs it, so tests compare lists in docs and code with the operations folder instead of a
 * copy counted by hand.
 */
import { createRequire } from 'node:module';
import { Kind, type OperationTypeNode, parse } from 'graphql';

export interface SdkOperation {
  name: string;
  type: OperationTypeNode;
  /** The `createClient` method that runs it: the operation's name, first letter lower-case. */
  method: string;
}

export function sdkOperations(): SdkOperation[] {
  const manifest: Record<string, string> = createRequire(import.meta.url)('@bilateral/sdk/persisted-documents.json');
  return Object.values(manifest).flatMap((text) =>
    parse(text).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name
        ? [
            {
              name: definition.name.value,
              type: definition.operation,
              method: definition.name.value[0]!.toLowerCase() + definition.name.value.slice(1),
            },
          ]
        : [],
    ),
  );
}

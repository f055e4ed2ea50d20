/**
 * The operation name as a metric label: only names of the trusted documents' operations (the SDK's
 * manifest) are kept, everything else is counted as one "other", so that clients choosing names
 * (or none) cannot grow the number of series a scrape returns.
 */
import { Kind, parse } from 'graphql';
import type { TrustedDocuments } from '../execution/trusted-documents.ts';

export const OTHER_OPERATION = 'other';

export function trustedOperationNames(documents: TrustedDocuments): ReadonlySet<string> {
  const names = new Set<string>();
  for (const text of documents.values())
    for (const definition of parse(text).definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
  return names;
}

/** The label for an operation named `name`: the name when a trusted document has it, else "other". */
export const operationLabel = (names: ReadonlySet<string>, name: string | null | undefined): string =>
  name && names.has(name) ? name : OTHER_OPERATION;

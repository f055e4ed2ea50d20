import type { CodegenConfig } from '@graphql-codegen/cli';
import { type DocumentNode, Kind } from 'graphql';
import { codegenScalars as scalars } from './packages/sdk/src/scalars.ts';

/**
 * Generates @bilateral/sdk from schema.graphql and the operations in packages/sdk/operations, with
 * one set of operation types (the client preset's `graphql.ts`):
 * - `graphql.ts`: the types, and each operation as its SHA-256 document ID, name and type only
 *   (`__meta__`; `replaceDocumentWithHash`), typed as a `TypedDocumentString`. The client sends the ID,
 *   so neither graphql-js nor the texts are in a browser bundle until a server asks for a text.
 * - `persisted-documents.json`: document ID → document text (printed by the preset), the
 *   trusted-documents manifest a server loads and the client's fallback reads.
 * - `documents.ts`: the same operations as AST objects (plain data) typed with `graphql.ts`'s types,
 *   for urql and Apollo Client, which want a DocumentNode (`@bilateral/sdk/documents`).
 * Run `npx -y pnpm@10 codegen` after changing the schema or an operation; a test fails while the
 * generated files are stale.
 */

/**
 * The operation's name and type beside its document ID in `__meta__`: the client sends `operationName`
 * with an ID, and may send a query (never a mutation) by GET.
 */
function operationOf(document: DocumentNode) {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation ? { operationName: operation.name?.value, operationType: operation.operation } : undefined;
}

/** `documents.ts` exports the operation types too, so `@bilateral/sdk/documents` is complete on its own; its own `…Document` constants shadow graphql.ts's. */
const TYPES_FROM_GRAPHQL = "import type * as Types from './graphql.ts';\nexport type * from './graphql.ts';";

const shared = { scalars, enumsAsTypes: true, useTypeImports: true, skipTypename: true };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'packages/sdk/operations/**/*.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'packages/sdk/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        gqlTagName: 'graphql',
        persistedDocuments: { hashAlgorithm: 'sha256', mode: 'replaceDocumentWithHash' },
        onExecutableDocumentNode: operationOf,
      },
      config: { ...shared, documentMode: 'string' },
    },
    'packages/sdk/src/generated/documents.ts': {
      plugins: [{ add: { content: TYPES_FROM_GRAPHQL } }, 'typed-document-node'],
      config: {
        ...shared,
        importOperationTypesFrom: 'Types',
        documentNodeImport: '../typed-document-node.ts#TypedDocumentNode',
      },
    },
  },
};

export default config;

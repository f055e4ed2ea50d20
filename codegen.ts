import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates @bilateral/sdk from schema.graphql and the operations in packages/sdk/operations:
 * typed documents (TypedDocumentNode, for urql and Apollo users) and a typed SDK that the
 * hand-written client wraps. Run `npx -y pnpm@10 codegen` after changing either; a test fails
 * while the generated files are stale.
 */
const scalars = { Date: 'string', Decimal: 'string', ID: 'string' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'packages/sdk/operations/**/*.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'packages/sdk/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: { scalars, enumsAsTypes: true, useTypeImports: true, documentMode: 'documentNode', skipTypename: true },
    },
    'packages/sdk/src/generated/sdk.ts': {
      plugins: ['typescript', 'typescript-operations', 'typescript-generic-sdk'],
      config: {
        scalars,
        enumsAsTypes: true,
        useTypeImports: true,
        documentMode: 'documentNode',
        skipTypename: true,
        rawRequest: false,
      },
    },
  },
  hooks: {},
};

export default config;

// ESLint runs the GraphQL-aware rules of @graphql-eslint over the printed schema and the SDK's
// operations, and over TypeScript only the rules that need the type checker, which Biome (biome.json:
// everything else TypeScript, and formatting) cannot run.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  // Build output (the server's bundle, the SDK's build) carries its dependencies' own eslint comments.
  // Generated code (packages/sdk/src/generated/, written by codegen.ts) is checked by regenerating it.
  { ignores: ['**/dist/', 'packages/sdk/src/generated/'] },
  {
    // The files tsconfig.json type-checks (the SDK's consumer fixtures have projects of their own).
    files: ['packages/*/{src,examples,bench,scripts}/**/*.ts', 'packages/*/*.ts', 'codegen.ts', 'vitest.config.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A cast or `!` the compiler does not need hides the type a reader should see.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    files: ['schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Value objects (stats buckets, user errors, timeline slides) have no identity of their own;
      // the types that do implement Node, which schema-relay's rules check.
      '@graphql-eslint/strict-id-in-types': 'off',
      // ErrorCode documents `extensions.code`, which errors carry outside the schema's fields, so no
      // field returns it; clients reach it through introspection and the SDK's types.
      '@graphql-eslint/no-unreachable-types': 'off',
      // Plain lists of values are fine; only connections must wrap edges. Citations, relationships and
      // search hits are values with no global ID, which the Relay cursor spec allows as edge nodes.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      // Ranked lists (search, relationships) page forwards only, by design.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/naming-convention': [
        'error',
        {
          types: 'PascalCase',
          // TimelineJS and vis-timeline read these names as they are.
          FieldDefinition: { style: 'camelCase', ignorePattern: '^(display_date|start_date|end_date|unique_id)$' },
          InputValueDefinition: 'camelCase',
          Argument: 'camelCase',
          EnumValueDefinition: { style: 'UPPER_CASE', ignorePattern: '^(point|range)$' },
        },
      ],
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
    },
  },
  {
    files: ['packages/sdk/operations/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: {
        graphQLConfig: { schema: 'schema.graphql', documents: 'packages/sdk/operations/**/*.graphql' },
      },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
      // Selecting \`id\` wherever a type has one helps normalised caches; the operations do not all yet.
      '@graphql-eslint/require-selections': 'warn',
    },
  },
];

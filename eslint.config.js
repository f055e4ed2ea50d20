// ESLint runs only the GraphQL-aware rules of @graphql-eslint over the printed schema and the SDK's
// operations; TypeScript is linted and everything is formatted by Biome (biome.json).
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default [
  // Build output (the server's bundle, the SDK's build) carries its dependencies' own eslint comments.
  { ignores: ['**/dist/'] },
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

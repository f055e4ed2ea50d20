import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for every package: two copies make graphql-js reject schemas built by the other.
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/bench/**/*.test.ts',
      'packages/*/scripts/**/*.test.ts',
      'seeds/**/*.test.ts',
    ],
    testTimeout: 20_000,
    // The JSON report lets .ci/run print a one-line summary that any CI can read.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
    hookTimeout: 60_000,
    globalSetup: ['packages/api/src/testing/build-bundle.ts', 'packages/store/src/testing/postgres-test-server.ts'],
  },
});

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for every package: two copies make graphql-js reject schemas built by the other.
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'seeds/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

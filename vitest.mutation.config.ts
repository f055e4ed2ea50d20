// The vitest config Stryker uses: the main config, narrowed to the test files of one module.
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const tests = process.env.MUTATION_TESTS?.split(',').filter(Boolean);
if (!tests?.length) throw new Error('MUTATION_TESTS is not set; run mutation testing with `pnpm mutation <module>`.');

// Stryker's sandbox links the original node_modules, whose workspace links lead back to the
// unmutated packages; resolving the workspace packages here makes cross-package tests see the mutants.
const source = (path: string) => join(import.meta.dirname, 'packages', path);
const workspace = [
  { find: /^@bilateral\/store$/, replacement: source('store/src/index.ts') },
  { find: /^@bilateral\/store\/testing$/, replacement: source('store/src/testing/fixture-store.ts') },
  { find: /^@bilateral\/sdk$/, replacement: source('sdk/src/index.ts') },
];

// Spread rather than mergeConfig, which would append these files to the main config's include list.
export default defineConfig({
  ...base,
  resolve: {
    alias: [
      ...Object.entries(base.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
      ...workspace,
    ],
  },
  test: { ...base.test, include: tests, reporters: ['default'] },
});

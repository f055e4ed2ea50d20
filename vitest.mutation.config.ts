// The vitest config Stryker uses: the main config, narrowed to the test files of one module.
import { join } from 'node:path';
import type { RunnerTestCase } from 'vitest';
import { defineConfig } from 'vitest/config';
import { type Reporter, experimental_getRunnerTask as runnerTask } from 'vitest/node';
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

/**
 * Stryker's vitest runner (9.6.1, and 10.0 too: stryker-js issue #6150) scores a mutant from the tests
 * it collected, and a test file that fails to load collects none, so a mutant that breaks a module's
 * import (a schema that no longer builds, say) counted as survived although every test of the file
 * fails. This reporter gives such a file one failed test carrying its load error.
 */
const loadFailuresAsFailedTests: Reporter = {
  onTestRunEnd(testModules) {
    for (const file of testModules.map((testModule) => runnerTask(testModule))) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const failed = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'loads',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        annotations: [],
        artifacts: [],
        timeout: 0,
        result: { state: 'fail', errors: file.result.errors },
      };
      // The runner's Test also holds a context only vitest can build; nothing reads it after the run.
      file.tasks.push(failed as unknown as RunnerTestCase);
    }
  },
};

// Spread rather than mergeConfig, which would append these files to the main config's include list.
export default defineConfig({
  ...base,
  resolve: {
    alias: [
      ...Object.entries(base.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
      ...workspace,
    ],
  },
  test: { ...base.test, include: tests, reporters: ['default', loadFailuresAsFailedTests] },
});

// The vitest config Stryker uses: the main config, narrowed to the test files of one module.
import { join } from 'node:path';
import type { RunnerTestCase } from 'vitest';
import { defineConfig } from 'vitest/config';
import type { Reporter, Vitest } from 'vitest/node';
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
 * A test file that fails to load (a mutant that throws while a module is imported) collects no
 * tests, and Stryker's vitest runner (9.6.1, and 10.0.0) builds its verdict from the tests it
 * finds, so such a mutant counts as survived although `vitest run` fails (stryker-js issue 6150).
 * This reporter gives each such file one failed test carrying its load error, which Stryker reads
 * from the same state when the run ends. Only mutation runs use it.
 */
function loadFailuresAsFailedTests(): Reporter {
  let vitest: Vitest | undefined;
  return {
    onInit(context) {
      vitest = context;
    },
    onTestRunEnd() {
      for (const file of vitest?.state.getFiles() ?? []) {
        if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
        const loads = {
          type: 'test',
          id: `${file.id}_loads`,
          name: 'loads',
          mode: 'run',
          file,
          suite: file,
          result: { state: 'fail', errors: file.result.errors },
        };
        // A test case has a context only vitest's runner builds; nothing reads it after the run.
        file.tasks.push(loads as unknown as RunnerTestCase);
      }
    },
  };
}

// Spread rather than mergeConfig, which would append these files to the main config's include list.
export default defineConfig({
  ...base,
  resolve: {
    alias: [
      ...Object.entries(base.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
      ...workspace,
    ],
  },
  test: { ...base.test, include: tests, reporters: ['default', loadFailuresAsFailedTests()] },
});

// Mutation testing (issue 15): run by hand, one module at a time, not in CI (each run takes minutes):
//   npx -y pnpm@10 mutation fuzzy-date
// `npx -y pnpm@10 mutation` with no name lists the modules. Scores are kept in docs/testing.md.

/**
 * The modules that enforce the README's promises, each with the test files that check it. Naming
 * the tests keeps a run to minutes: every module is imported by the server tests, so "related
 * tests" would mean the whole suite, process-spawning tests included, for every mutant.
 */
export const MUTATION_MODULES = {
  'fuzzy-date': {
    mutate: ['packages/store/src/dates/fuzzy-date.ts'],
    tests: [
      'packages/store/src/dates/fuzzy-date.test.ts',
      'packages/store/src/dates/fuzzy-date.boundaries.test.ts',
      'packages/store/src/queries/boundaries.test.ts',
    ],
  },
  pagination: {
    mutate: [
      'packages/store/src/queries/pagination.ts',
      'packages/store/src/queries/events.ts',
      'packages/store/src/queries/bound-values.ts',
      'packages/store/src/queries/indexed-by.ts',
    ],
    tests: [
      'packages/store/src/queries/events.test.ts',
      'packages/store/src/queries/boundaries.test.ts',
      'packages/store/src/queries/refusals.test.ts',
      'packages/store/src/queries/query-plans.test.ts',
      'packages/store/src/queries/bound-values.test.ts',
    ],
  },
  'text-search': {
    mutate: ['packages/store/src/queries/text-search.ts'],
    tests: [
      'packages/store/src/queries/text-search.test.ts',
      'packages/store/src/queries/text-search.messages.test.ts',
      'packages/api/src/boundaries.test.ts',
    ],
  },
  exports: {
    mutate: [
      'packages/api/src/exports/*.ts',
      '!packages/api/src/exports/*.test.ts',
      'packages/store/src/queries/export.ts',
    ],
    tests: ['packages/api/src/exports/*.test.ts', 'packages/store/src/queries/boundaries.test.ts'],
  },
  errors: {
    mutate: ['packages/api/src/errors.ts'],
    tests: [
      'packages/api/src/errors.test.ts',
      'packages/api/src/errors.mapping.test.ts',
      'packages/api/src/storage-errors.test.ts',
    ],
  },
  'save-record': {
    mutate: ['packages/store/src/plans/save-record.ts'],
    // The write path is checked through the API too: its mutation tests hold most of the write rules.
    tests: [
      'packages/store/src/curation/save-record.test.ts',
      'packages/api/src/schema/*-mutations.test.ts',
      'packages/api/src/schema/write-validation.test.ts',
    ],
  },
  'sdk-client': {
    mutate: ['packages/sdk/src/client.ts'],
    // sdk.test.ts checks the same over a server process, too slow to rerun per mutant.
    tests: ['packages/api/src/sdk-client.test.ts'],
  },
  changes: {
    mutate: ['packages/api/src/schema/revision.ts'],
    // schema-file.test.ts holds the descriptions: it compares schema.graphql with the printed schema.
    tests: [
      'packages/api/src/schema/revision.test.ts',
      'packages/api/src/schema/event-mutations.test.ts',
      'packages/api/src/boundaries.test.ts',
      'packages/api/src/schema-file.test.ts',
    ],
  },
};

const name = process.env.MUTATION_MODULE ?? 'fuzzy-date';
const module = MUTATION_MODULES[name];
if (!module) throw new Error(`No mutation module "${name}". Known: ${Object.keys(MUTATION_MODULES).join(', ')}.`);
// Read by vitest.mutation.config.ts in the test runner processes, which inherit this environment.
process.env.MUTATION_TESTS = module.tests.join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps the runner out of core's reach, so the plugin is named rather than found by glob.
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: module.mutate,
  coverageAnalysis: 'perTest',
  // The machine is shared and has two cores; MUTATION_CONCURRENCY=2 halves a run on an idle one.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

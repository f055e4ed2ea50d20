// The vitest config Stryker uses: the main config, narrowed to the test files of one module.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const tests = process.env.MUTATION_TESTS?.split(',').filter(Boolean);
if (!tests?.length) throw new Error('MUTATION_TESTS is not set; run mutation testing with `pnpm mutation <module>`.');

// Spread rather than mergeConfig, which would append these files to the main config's include list.
export default defineConfig({ ...base, test: { ...base.test, include: tests, reporters: ['default'] } });

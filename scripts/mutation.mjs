// `pnpm mutation <module>`: runs Stryker over one module of stryker.config.mjs (see docs/testing.md).
import { spawnSync } from 'node:child_process';
import { MUTATION_MODULES } from '../stryker.config.mjs';

const [name] = process.argv.slice(2);
if (!name || !(name in MUTATION_MODULES)) {
  console.error(`Usage: pnpm mutation <module>\nModules: ${Object.keys(MUTATION_MODULES).join(', ')}`);
  process.exit(name ? 1 : 0);
}
const run = spawnSync('stryker', ['run', 'stryker.config.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, MUTATION_MODULE: name },
});
process.exit(run.status ?? 1);

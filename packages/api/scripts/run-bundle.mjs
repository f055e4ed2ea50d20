// @ts-check
// `node scripts/run-bundle.mjs <name> [arguments...]`: runs one of bundle.mjs's bundles (built first
// when out of date) with a code cache, as start.mjs runs the server; the benchmark starts its
// baseline servers this way. The name is taken out of process.argv, so the bundle sees its own
// arguments (which is why start.mjs, whose cluster workers rerun it with process.argv, is separate).
import { currentBundle, namedBundle } from './bundle.mjs';
import { runWithCodeCache } from './code-cache.mjs';

const [name] = process.argv.splice(2, 1);
runWithCodeCache(await currentBundle(namedBundle(name)));

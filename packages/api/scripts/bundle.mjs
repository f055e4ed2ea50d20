// @ts-check
/**
 * The server's start-up bundle: src/server.ts and everything it imports (the workspace packages'
 * TypeScript sources and the dependencies) as one CommonJS file, dist/server.cjs, built by esbuild.
 * Node then loads one file instead of about 900 modules, with no TypeScript compiled on load: under
 * tsx, resolving and compiling them took longer than the whole start-up target of one second
 * (docs/performance.md).
 *
 * Plain JavaScript, because it runs before anything can compile TypeScript. A bundle is kept beside a
 * record of its inputs, and is rebuilt only when one of them changed, so `start` after an edit or a
 * pull serves the new code.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const apiDir = resolve(import.meta.dirname, '..');
const repositoryRoot = resolve(apiDir, '../..');

/**
 * @typedef {{ entry: string, outfile: string, browser?: boolean }} Bundle
 * `entry` is the TypeScript module to start from; `outfile` the CommonJS file written, or with
 * `browser` the minified ES module, beside its stylesheet and the chunks it loads on demand.
 */

/** The bundles by name: the server `start` runs, its scan thread, the explorer it serves, and the benchmark's baseline servers. */
export const BUNDLES = /** @type {const} */ ({
  server: { entry: join(apiDir, 'src/server.ts'), outfile: join(apiDir, 'dist/server.cjs') },
  // The SQLite store's scan thread (store/src/sqlite/scans/scan-thread.ts) runs this file beside the server's bundle.
  scanWorker: {
    entry: join(repositoryRoot, 'packages/store/src/sqlite/scans/scan-worker.ts'),
    outfile: join(apiDir, 'dist/scan-worker.cjs'),
  },
  explorer: {
    entry: join(repositoryRoot, 'packages/explorer/src/app/main.ts'),
    outfile: join(repositoryRoot, 'packages/explorer/dist/explorer.js'),
    browser: true,
  },
  baselines: { entry: join(apiDir, 'bench/baselines/serve.ts'), outfile: join(apiDir, 'dist/baselines.cjs') },
});

/** @param {Bundle} bundle */
const inputsRecord = (bundle) => `${bundle.outfile}.inputs.json`;

// Loaded by the native addon's own path at run time: its .node file cannot be part of a bundle, and
// resolving it from the importing file keeps it a dependency of @bilateral/store alone.
const NATIVE_PACKAGES = /^better-sqlite3$/;

/** @param {string} path */
const fileState = (path) => {
  const stat = statSync(path);
  return `${stat.size}:${stat.mtimeMs}`;
};

/**
 * True when the bundle exists and none of its workspace inputs (nor this file, nor the lockfile)
 * changed since it was built. Files under node_modules are not checked one by one: pnpm never
 * changes an installed version's files, and a new version or patch changes the lockfile.
 * Costs a stat per workspace input, a few milliseconds.
 * @param {Bundle} bundle
 */
export function bundleIsCurrent(bundle) {
  /** @type {{ files: Record<string, string> }} */
  let record;
  try {
    record = JSON.parse(readFileSync(inputsRecord(bundle), 'utf8'));
    statSync(bundle.outfile);
  } catch {
    return false;
  }
  try {
    return Object.entries(record.files).every(([path, state]) => fileState(join(repositoryRoot, path)) === state);
  } catch {
    return false; // an input is gone
  }
}

/**
 * Every workspace module keeps the `import.meta.url` (and `dirname`, `filename`) of its source file,
 * so paths it finds beside itself (migrations, seeds, the SDK's operations) are the same bundled or
 * not. esbuild has no per-module `define`, hence the rewrite of the source text.
 * @param {string} outputDir
 * @returns {import('esbuild').Plugin}
 */
const sourceLocations = (outputDir) => ({
  name: 'bilateral-source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.')) return { contents: text, loader: 'ts' };
      const url = `__bilateralSourceUrl(${JSON.stringify(relative(outputDir, args.path).split(sep).join('/'))})`;
      const contents = text
        .replaceAll('import.meta.url', url)
        .replaceAll('import.meta.filename', `__bilateralFileURLToPath(${url})`)
        .replaceAll('import.meta.dirname', `__bilateralDirname(__bilateralFileURLToPath(${url}))`);
      return { contents, loader: 'ts' };
    });
    build.onResolve({ filter: NATIVE_PACKAGES }, (args) => {
      const resolved = createRequire(join(args.resolveDir, 'importer.js')).resolve(args.path);
      return { path: relative(outputDir, resolved).split(sep).join('/'), external: true };
    });
  },
});

// What the rewritten `import.meta` expressions call; the paths given are relative to the bundle.
const BANNER = [
  "'use strict';",
  "const { dirname: __bilateralDirname } = require('node:path');",
  "const { fileURLToPath: __bilateralFileURLToPath, pathToFileURL: __bilateralPathToFileURL } = require('node:url');",
  'const __bilateralSourceUrl = (path) => new URL(path, __bilateralPathToFileURL(__filename)).href;',
].join('\n');

/**
 * @param {Bundle} bundle
 * @param {string} outputDir
 * @returns {import('esbuild').BuildOptions}
 */
const nodeOptions = (bundle, outputDir) => ({
  outfile: bundle.outfile,
  platform: 'node',
  // CommonJS, so that it can be compiled with a V8 code cache (code-cache.mjs).
  format: 'cjs',
  target: 'node20',
  // Not minified: a stack trace's line in the bundle reads as the source does, under a comment
  // naming the source file (the code cache makes the size cost little at start-up). Names are not
  // kept: esbuild's keepNames wraps every named function, closures made per request included, in a
  // call that redefines its `name` (about 230 per GraphQL request, some 0.1 ms of CPU; see
  // docs/performance.md). Only symbols esbuild renames to avoid a clash read differently (`Foo2`);
  // graphql-js tells its classes apart by Symbol.toStringTag, not by name.
  keepNames: false,
  banner: { js: BANNER },
  plugins: [sourceLocations(outputDir)],
});

/**
 * A page's script: minified ES modules, with what the page loads only on demand (the SDK's document
 * texts) split into chunks of their own, and the stylesheet the entry imports written beside it.
 * @param {Bundle} bundle
 * @returns {import('esbuild').BuildOptions}
 */
const browserOptions = (bundle) => ({
  outdir: dirname(bundle.outfile),
  entryNames: basename(bundle.outfile, '.js'),
  chunkNames: 'chunk-[hash]',
  platform: 'browser',
  format: 'esm',
  splitting: true,
  target: 'es2022',
  minify: true,
});

/**
 * Builds the bundle and the record of its inputs. Both are written under temporary names and
 * renamed, so a process starting meanwhile (tests start several servers at once) never loads half a file.
 * @param {Bundle} bundle
 */
export async function buildBundle(bundle) {
  const { build } = await import('esbuild');
  const outputDir = dirname(bundle.outfile);
  mkdirSync(outputDir, { recursive: true });
  const result = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: [bundle.entry],
    bundle: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
    ...(bundle.browser ? browserOptions(bundle) : nodeOptions(bundle, outputDir)),
  });
  // Input paths are relative to absWorkingDir, the repository.
  // A module imported with attributes is named with them (`data.json with { type: 'json' }`).
  const inputs = new Set(
    Object.keys(/** @type {import('esbuild').Metafile} */ (result.metafile).inputs).map((path) =>
      path.replace(/ with \{.*\}$/, ''),
    ),
  );
  const watched = [relative(repositoryRoot, import.meta.filename), 'pnpm-lock.yaml'].concat(
    [...inputs].filter((path) => !path.split('/').includes('node_modules')),
  );
  const files = Object.fromEntries(watched.map((path) => [path, fileState(join(repositoryRoot, path))]));
  const suffix = `.${process.pid}.partial`;
  for (const output of /** @type {import('esbuild').OutputFile[]} */ (result.outputFiles)) {
    writeFileSync(output.path + suffix, output.contents);
    renameSync(output.path + suffix, output.path);
  }
  writeFileSync(inputsRecord(bundle) + suffix, JSON.stringify({ files }));
  renameSync(inputsRecord(bundle) + suffix, inputsRecord(bundle));
  if (bundle.browser) removeStaleChunks(outputDir, /** @type {import('esbuild').OutputFile[]} */ (result.outputFiles));
}

/**
 * Chunk names change with their content: the chunks of earlier builds are removed, so the directory
 * holds what the page can load now.
 * @param {string} outputDir
 * @param {import('esbuild').OutputFile[]} outputs
 */
function removeStaleChunks(outputDir, outputs) {
  const current = new Set(outputs.map((output) => basename(output.path)));
  for (const name of readdirSync(outputDir))
    if (name.startsWith('chunk-') && !current.has(name)) rmSync(join(outputDir, name), { force: true });
}

/**
 * The bundle's file, built first if it is missing or out of date.
 * @param {Bundle} bundle
 */
export async function currentBundle(bundle) {
  if (!bundleIsCurrent(bundle)) await buildBundle(bundle);
  return bundle.outfile;
}

/**
 * The named bundle, from the command line.
 * @param {string | undefined} name
 * @returns {Bundle}
 */
export function namedBundle(name) {
  const bundle = Object.entries(BUNDLES).find(([known]) => known === name)?.[1];
  if (!bundle) throw new Error(`unknown bundle "${name}"; known: ${Object.keys(BUNDLES).join(', ')}`);
  return bundle;
}

// `node scripts/bundle.mjs [--force] [name...]` brings the named bundles (all without a name) up to
// date, or rebuilds them with --force.
if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const names = args.filter((arg) => arg !== '--force');
  for (const name of names.length ? names : Object.keys(BUNDLES)) {
    const bundle = namedBundle(name);
    const shown = relative(process.cwd(), bundle.outfile);
    if (!force && bundleIsCurrent(bundle)) {
      console.log(`${shown} is up to date`);
      continue;
    }
    const started = performance.now();
    await buildBundle(bundle);
    console.log(`built ${shown} in ${Math.round(performance.now() - started)} ms`);
  }
}

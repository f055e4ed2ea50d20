/**
 * Prints what a browser downloads to open the explorer, from the bundle `start` builds
 * (dist/explorer.js with the chunks it imports statically, and the stylesheet), minified and gzip
 * bytes, against the budget of 100 kB gzip of script; then the chunks loaded only on demand; then each
 * dependency alone, bundled and minified the same way, which is what the package README's choice of
 * libraries rests on. Exits 1 over budget.
 * Run: npx -y pnpm@10 --filter @bilateral/explorer size
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = join(import.meta.dirname, '..');
const distDir = join(packageDir, 'dist');
const SCRIPT_BUDGET = 100_000;

const gzipBytes = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;

function report(label: string, code: Uint8Array): number {
  const gzip = gzipBytes(code);
  console.log(`${label.padEnd(48)} ${String(code.length).padStart(8)} B min  ${String(gzip).padStart(7)} B gzip`);
  return gzip;
}

/** The chunks a module imports statically (`import…from"./chunk-….js"`), not its dynamic `import(…)`s. */
const staticImports = (code: string) =>
  [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w${}\s,*]+from\s*)?"\.\/([\w-]+\.js)"/g)].map((match) => match[1]!);

/** `name` and every chunk it imports statically, recursively. */
function withStaticImports(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const imported of staticImports(readFileSync(join(distDir, name), 'utf8'))) withStaticImports(imported, seen);
  return seen;
}

const bytesOf = (names: Iterable<string>) => Buffer.concat([...names].map((name) => readFileSync(join(distDir, name))));

function firstLoad(): number {
  const loaded = withStaticImports('explorer.js');
  let script = 0;
  for (const name of loaded) script += report(`first load: ${name}`, readFileSync(join(distDir, name)));
  report('first load: explorer.css', readFileSync(join(distDir, 'explorer.css')));
  const code = bytesOf(loaded).toString('utf8');
  const lazy = new Set([...code.matchAll(/import\("\.\/([\w-]+\.js)"\)/g)].map((match) => match[1]!));
  for (const name of lazy) {
    const chunks = [...withStaticImports(name)].filter((chunk) => !loaded.has(chunk));
    report(`  on demand: ${chunks.join(' + ')}`, bytesOf(chunks));
  }
  return script;
}

const DEPENDENCIES: Record<string, string> = {
  'preact + htm (views)':
    "export { render } from 'preact'; export { useState, useEffect, useMemo, useRef } from 'preact/hooks'; export { html } from 'htm/preact';",
  'd3-scale (scaleUtc, scaleSqrt)': "export { scaleUtc, scaleSqrt } from 'd3-scale';",
  'd3-axis': "export { axisBottom } from 'd3-axis';",
  'd3-zoom + d3-selection': "export { zoom, zoomIdentity } from 'd3-zoom'; export { select } from 'd3-selection';",
  'd3-force': "export { forceSimulation, forceLink, forceManyBody, forceCollide, forceCenter } from 'd3-force';",
  '@bilateral/sdk (createClient)': "export { createClient, exportUrl } from '@bilateral/sdk';",
};

async function dependencySize(label: string, contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  report(`  ${label}`, result.outputFiles.find((file) => file.path.endsWith('/stdin.js'))!.contents);
}

execFileSync(process.execPath, [join(packageDir, '../api/scripts/bundle.mjs'), 'explorer'], { stdio: 'inherit' });
const script = firstLoad();
console.log(
  `first-load script: ${script} B gzip of a ${SCRIPT_BUDGET} B budget (${((100 * script) / SCRIPT_BUDGET).toFixed(0)}%)`,
);
console.log('each dependency alone, minified as the bundle is:');
for (const [label, contents] of Object.entries(DEPENDENCIES)) await dependencySize(label, contents);
if (script > SCRIPT_BUDGET) {
  console.error('over budget');
  process.exit(1);
}

/**
 * Prints what a browser app pays for the SDK: `createClient` plus one method, bundled by esbuild for
 * the browser (code splitting on, as in any app bundler), minified, in bytes and gzip bytes. The
 * document texts are a chunk of their own, loaded only when a server does not know the document IDs;
 * it is printed on its own line. Baseline in the same run: graphql-js's `print` alone, which the SDK
 * bundled before its documents were shipped pre-printed.
 * Run: npx -y pnpm@10 --filter @bilateral/sdk size
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = new URL('..', import.meta.url).pathname;

function report(label: string, code: Uint8Array): number {
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`${label.padEnd(52)} ${String(code.length).padStart(7)} B min  ${String(gzip).padStart(6)} B gzip`);
  return gzip;
}

/** Bundles `contents`; returns the entry chunk's gzip size, after printing every chunk. */
async function measure(label: string, contents: string): Promise<number> {
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
  const isEntry = (file: { path: string }) => file.path.endsWith('/stdin.js');
  const gzip = report(label, result.outputFiles.find(isEntry)!.contents);
  for (const chunk of result.outputFiles.filter((file) => !isEntry(file))) {
    report(`  + lazy chunk ${chunk.path.split('/').pop()}`, chunk.contents);
  }
  return gzip;
}

const sdk = await measure(
  'createClient + events (@bilateral/sdk)',
  `import { createClient } from './src/index.ts';
   createClient({ url: '/graphql' }).events({ first: 10 }).then((page) => console.log(page.totalCount));`,
);
const print = await measure('baseline: print from graphql-js', `import { print } from 'graphql'; console.log(print);`);
console.log(`SDK / baseline: ${(sdk / print).toFixed(2)}`);

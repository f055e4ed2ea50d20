/**
 * Serves GraphiQL's files from the `@graphql-yoga/graphiql` package installed beside the server,
 * so the page needs nothing from the internet (Yoga's own page loads them from a public CDN).
 * The bundle is self-contained: one ES module, its stylesheet and three Monaco editor workers.
 * Only the files listed here are served, each read and gzipped once, then kept in memory (static-file.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { type StaticFile, staticFile, staticFileResponse } from '../static-file.ts';

const packageJson = createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json');
const packageDir = dirname(packageJson);
const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };

/** Where the files are served; the package version is part of the path. */
export const GRAPHIQL_ASSETS_PATH = `/graphiql/${version}/`;

const ASSETS: Record<string, { file: string; type: string }> = {
  'yoga-graphiql.js': { file: 'dist/yoga-graphiql.es.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { file: 'dist/graphiql.css', type: 'text/css; charset=utf-8' },
  'editor.worker.js': { file: 'dist/monacoeditorwork/editor.worker.bundle.js', type: 'text/javascript; charset=utf-8' },
  'json.worker.js': { file: 'dist/monacoeditorwork/json.worker.bundle.js', type: 'text/javascript; charset=utf-8' },
  // The package names this file with two dots.
  'graphql.worker.js': {
    file: 'dist/monacoeditorwork/graphql.worker..bundle.js',
    type: 'text/javascript; charset=utf-8',
  },
};

/** The URL of one of GraphiQL's files. */
export const graphiqlAssetUrl = (name: keyof typeof ASSETS & string) => `${GRAPHIQL_ASSETS_PATH}${name}`;

const loaded = new Map<string, StaticFile>();

function load(name: string): StaticFile | undefined {
  const asset = ASSETS[name];
  if (!asset) return undefined;
  let entry = loaded.get(name);
  if (!entry) {
    entry = staticFile(readFileSync(join(packageDir, asset.file)), asset.type);
    loaded.set(name, entry);
  }
  return entry;
}

// The path names the package version, but a patch can change a file without changing it: the
// files are revalidated by ETag (staticFileResponse).
export const useGraphiQLAssets = (): Plugin => ({
  onRequest({ url, request, fetchAPI, endResponse }) {
    if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) return;
    endResponse(staticFileResponse(load(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length)), request, fetchAPI.Response));
  },
});

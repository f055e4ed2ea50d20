/**
 * Serves GraphiQL's files from the `@graphql-yoga/graphiql` package installed beside the server,
 * so the page needs nothing from the internet (Yoga's own page loads them from a public CDN).
 * The bundle is self-contained: one ES module, its stylesheet and three Monaco editor workers.
 * Only the files listed here are served, each read and gzipped once, then kept in memory.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

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

interface LoadedAsset {
  type: string;
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
  etag: string;
}

const loaded = new Map<string, LoadedAsset>();

function load(name: string): LoadedAsset | undefined {
  const asset = ASSETS[name];
  if (!asset) return undefined;
  let entry = loaded.get(name);
  if (!entry) {
    const body = new Uint8Array(readFileSync(join(packageDir, asset.file)));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    entry = { type: asset.type, body, gzipped: new Uint8Array(gzipSync(body)), etag };
    loaded.set(name, entry);
  }
  return entry;
}

export const useGraphiQLAssets = (): Plugin => ({
  onRequest({ url, request, fetchAPI, endResponse }) {
    if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) return;
    const asset = load(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
    if (!asset || (request.method !== 'GET' && request.method !== 'HEAD'))
      return endResponse(
        new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }),
      );
    // The path names the package version, but a patch can change a file without changing it:
    // browsers keep the files and revalidate them by ETag, which costs a 304 per file.
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': 'public, no-cache',
      etag: asset.etag,
      vary: 'accept-encoding',
    };
    if (request.headers.get('if-none-match') === asset.etag)
      return endResponse(new fetchAPI.Response(null, { status: 304, headers }));
    const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    const body = gzip ? asset.gzipped : asset.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
  },
});

/**
 * The explorer as the server serves it: the HTML page at `/explore` and the files esbuild built into
 * `dist/` (`packages/api/scripts/bundle.mjs`, bundle `explorer`), which the page loads from
 * `EXPLORER_ASSETS_PATH`. Node-side; the browser code is under `app/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the page is served. Its views differ by query string only (`?view=timeline&from=2014`). */
export const EXPLORER_PATH = '/explore';
/** Where the built files are served. */
export const EXPLORER_ASSETS_PATH = '/explore/assets/';

const DIST_DIR = join(import.meta.dirname, '../dist');

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

// Only plain file names in dist/ itself: no path, no dot file.
const BUILT_FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(js|css)$/;

/** One built file by name (`explorer.js`, `chunk-….js`), or undefined when there is none. */
export function readBuiltFile(name: string): { body: Uint8Array; type: string } | undefined {
  const extension = BUILT_FILE_NAME.exec(name)?.[1];
  if (!extension) return undefined;
  try {
    return { body: new Uint8Array(readFileSync(join(DIST_DIR, name))), type: CONTENT_TYPES[extension]! };
  } catch {
    return undefined;
  }
}

/**
 * The page every view starts from. It loads nothing from another origin (not even a favicon), and its
 * content-security policy says so to the browser too.
 */
export const EXPLORER_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:">
<title>Bilateral explorer — Pakistan–Russia relations</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}explorer.css">
<script type="module" src="${EXPLORER_ASSETS_PATH}explorer.js"></script>
</head>
<body>
<div id="explorer"><p>Loading the explorer…</p></div>
</body>
</html>
`;

/**
 * The explorer (`@bilateral/explorer`) at `/explore`: its page, and the files `start` built for it,
 * served by this server so that it works offline, like GraphiQL. Every request the explorer makes
 * afterwards goes to `/graphql` and `/export/*` through the SDK.
 */
import { EXPLORER_ASSETS_PATH, EXPLORER_PAGE, EXPLORER_PATH, readBuiltFile } from '@bilateral/explorer';
import type { Plugin } from 'graphql-yoga';
import { type StaticFile, staticFile, staticFileResponse } from './static-file.ts';

const page = staticFile(new TextEncoder().encode(EXPLORER_PAGE), 'text/html; charset=utf-8');

// Built files are read when first asked for, so a server started before a rebuild serves the new
// build's chunk names; kept once read (a rebuild writes new chunk names, and `start` restarts).
const builtFiles = new Map<string, StaticFile | undefined>();
function builtFile(name: string): StaticFile | undefined {
  if (!builtFiles.has(name)) {
    const file = readBuiltFile(name);
    builtFiles.set(name, file && staticFile(file.body, file.type));
  }
  return builtFiles.get(name);
}

export const useExplorer = (): Plugin => ({
  onRequest({ url, request, fetchAPI, endResponse }) {
    if (url.pathname === EXPLORER_PATH || url.pathname === `${EXPLORER_PATH}/`)
      return endResponse(staticFileResponse(page, request, fetchAPI.Response));
    if (url.pathname.startsWith(EXPLORER_ASSETS_PATH))
      endResponse(
        staticFileResponse(builtFile(url.pathname.slice(EXPLORER_ASSETS_PATH.length)), request, fetchAPI.Response),
      );
  },
});

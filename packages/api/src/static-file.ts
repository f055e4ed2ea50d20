/**
 * A file the server holds in memory (GraphiQL's, the explorer's), answered with an ETag, gzip when
 * the client takes it, and a 304 when the client's copy is current. The files are few and small
 * enough to keep; each is read and gzipped once.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface StaticFile {
  type: string;
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
  etag: string;
}

export function staticFile(body: Uint8Array, type: string): StaticFile {
  const bytes = new Uint8Array(body);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { type, body: bytes, gzipped: new Uint8Array(gzipSync(bytes)), etag };
}

/**
 * The response for a GET or HEAD of `file`; 404 when there is no such file or the method is another.
 * Browsers keep the file and revalidate it by ETag (a 304), since a path can name changed content.
 */
export function staticFileResponse(
  file: StaticFile | undefined,
  request: Request,
  Response: typeof globalThis.Response,
): Response {
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD'))
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  const headers: Record<string, string> = {
    'content-type': file.type,
    'cache-control': 'public, no-cache',
    etag: file.etag,
    vary: 'accept-encoding',
  };
  if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  if (gzip) headers['content-encoding'] = 'gzip';
  return new Response(request.method === 'HEAD' ? null : gzip ? file.gzipped : file.body, { status: 200, headers });
}

/**
 * A ceiling on the size of a request body. Without it one request could make the server buffer
 * and parse any amount of JSON. A declared Content-Length over the limit is refused before
 * anything is read, and one within it is read as Yoga reads any body; a body sent without one
 * (chunked) is counted as it arrives and refused as soon as it passes the limit, so no more than
 * the limit is ever held in memory.
 */
import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../errors.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (fetchAPI: { Response: typeof Response }) =>
  errorResponse(
    fetchAPI,
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than 1 MiB (${MAX_BODY_BYTES} bytes), the most this server accepts. Send less in one request: split a large change into several mutations.`,
    { limit: MAX_BODY_BYTES },
  );

/** The body's bytes, or undefined as soon as they pass `limit`. */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// The hook is synchronous unless it counts a body: a promise from it would cost every request a turn of the
// microtask queue in Yoga's hook chain.
export const useBodyLimit = (): Plugin => ({
  onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
    const declared = request.headers.get('content-length');
    if (declared !== null && Number(declared) > MAX_BODY_BYTES) return endResponse(tooLarge(fetchAPI));
    // Node's HTTP parser ends a body at its declared length (and refuses a length that is not a number), so a
    // declared body within the limit has nothing to count: Yoga reads it directly, without a copy.
    if (declared !== null || !request.body || !requestParser) return;
    return readAtMost(request.body, MAX_BODY_BYTES).then((bytes) => {
      if (!bytes) return endResponse(tooLarge(fetchAPI));
      const buffered = new fetchAPI.Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: bytes,
      });
      setRequestParser(() => requestParser(buffered));
    });
  },
});

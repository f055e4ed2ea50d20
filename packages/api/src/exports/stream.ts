/**
 * The body of an export: lines sent in chunks, with a turn of the event loop between chunks so a
 * fast reader of a large export cannot keep other requests waiting (the SQLite store reads a batch
 * synchronously).
 * A failure part-way cannot become a 400 (the 200 is already sent), so it ends the response
 * abruptly, and the client sees a truncated transfer instead of a file that looks complete.
 */
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

const LINES_PER_CHUNK = 100;

async function* chunks(header: string | null, lines: AsyncIterator<readonly string[]>): AsyncGenerator<string> {
  let chunk = header ?? '';
  let count = 0;
  for (let batch = await lines.next(); !batch.done; batch = await lines.next()) {
    for (const line of batch.value) {
      chunk += line;
      if (++count < LINES_PER_CHUNK) continue;
      yield chunk;
      chunk = '';
      count = 0;
      await nextTurn();
    }
  }
  if (chunk) yield chunk;
}

/**
 * Reads the first batch now, so that a filter the database cannot run (the query is built lazily
 * and SQLite reads an FTS5 expression only when it runs) throws before any status is sent. The
 * lines come in the store's batches.
 */
export async function startRows<T>(
  rows: AsyncIterable<readonly T[]>,
  line: (row: T) => string,
): Promise<AsyncIterator<readonly string[]>> {
  const batches = rows[Symbol.asyncIterator]();
  const first = await batches.next();
  return (async function* () {
    for (let next = first; !next.done; next = await batches.next()) yield next.value.map(line);
  })();
}

/**
 * A Node stream rather than a web ReadableStream: the HTTP adapter pipes the body into the
 * socket without listening for errors, so an error in a stream it owns would be unhandled and
 * end the process. This stream's errors are handled here: logged, and the response aborted.
 */
export function exportStream(
  header: string | null,
  lines: AsyncIterator<readonly string[]>,
  onFailure: (error: unknown) => void,
): Readable {
  const body = Readable.from(chunks(header, lines), { objectMode: false });
  body.once('error', onFailure);
  return body;
}

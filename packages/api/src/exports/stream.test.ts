import { describe, expect, it, vi } from 'vitest';
import { exportStream, startRows } from './stream.ts';

/** Lines in the store's batches (of 30, so batches and chunks of 100 do not line up), made as they are read. */
async function* numbered(count: number, seen: string[], failAt?: number) {
  for (let start = 0; start < count; start += 30) {
    const batch: string[] = [];
    for (let line = start; line < Math.min(start + 30, count); line++) {
      if (line === failAt) throw new Error(`row ${line} cannot be written`);
      if (line % 200 === 0) seen.push(`line ${line}`);
      batch.push(`${line}\n`);
    }
    yield batch;
  }
}

async function* inBatches<T>(rows: readonly T[], size: number) {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

describe('exportStream', () => {
  it('lets the event loop serve other work between chunks', async () => {
    const seen: string[] = [];
    const body = exportStream('header\n', numbered(1000, seen), () => {});
    setImmediate(() => seen.push('another request'));
    let text = '';
    for await (const chunk of body) text += chunk;
    expect(text.split('\n')).toHaveLength(1002);
    // Work queued while the first chunk was made runs before the third is made, not after the whole export.
    expect(seen.slice(0, seen.indexOf('line 400'))).toContain('another request');
  });

  it.each([0, 1, 99, 100, 101, 200, 250])(
    'sends the header and each of %i lines once, in order, across chunks of 100',
    async (count) => {
      const lines = Array.from({ length: count }, (_, line) => `row ${line},"x"\r\n`);
      for (const header of ['id,value\r\n', null]) {
        let text = '';
        for await (const chunk of exportStream(header, inBatches(lines, 30), () => {})) text += chunk;
        expect(text).toBe((header ?? '') + lines.join(''));
      }
    },
  );

  it('reports a failure part-way once and ends the stream with it', async () => {
    const onFailure = vi.fn();
    const body = exportStream(null, numbered(1000, [], 500), onFailure);
    await expect(async () => {
      for await (const _ of body);
    }).rejects.toThrow('row 500 cannot be written');
    expect(onFailure).toHaveBeenCalledTimes(1);
  });
});

describe('startRows', () => {
  it('reads the first batch at once, so a query that fails fails before any answer is sent', async () => {
    const rows = (async function* () {
      yield* [];
      throw new Error('no such table');
    })();
    await expect(startRows(rows, String)).rejects.toThrow('no such table');
    const lines = await startRows(inBatches([1, 2, 3, 4, 5], 2), (row) => `${row}\n`);
    const read: (readonly string[])[] = [];
    for await (const batch of { [Symbol.asyncIterator]: () => lines }) read.push(batch);
    expect(read).toEqual([['1\n', '2\n'], ['3\n', '4\n'], ['5\n']]);
  });
});

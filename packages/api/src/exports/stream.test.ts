import { describe, expect, it, vi } from 'vitest';
import { exportStream, startRows } from './stream.ts';

function* numbered(count: number, seen: string[], failAt?: number) {
  for (let line = 0; line < count; line++) {
    if (line === failAt) throw new Error(`row ${line} cannot be written`);
    if (line % 200 === 0) seen.push(`line ${line}`);
    yield `${line}\n`;
  }
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
        for await (const chunk of exportStream(header, lines[Symbol.iterator](), () => {})) text += chunk;
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
  it('reads the first row at once, so a query that fails fails before any answer is sent', () => {
    const rows = (function* () {
      yield* [];
      throw new Error('no such table');
    })();
    expect(() => startRows(rows, String)).toThrow('no such table');
    const lines = startRows([1, 2, 3][Symbol.iterator](), (row) => `${row}\n`);
    expect([...{ [Symbol.iterator]: () => lines }]).toEqual(['1\n', '2\n', '3\n']);
  });
});

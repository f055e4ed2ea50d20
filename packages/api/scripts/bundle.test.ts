import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBundle, bundleIsCurrent, currentBundle } from './bundle.mjs';

const codeCache = join(import.meta.dirname, 'code-cache.mjs');
let dir: string;
let bundle: { entry: string; outfile: string };

// The fixture sits under packages/api, so it resolves the api's dependencies as the server does.
beforeEach(() => {
  mkdirSync(join(import.meta.dirname, '../dist'), { recursive: true });
  dir = mkdtempSync(join(import.meta.dirname, '../dist/bundle-test-'));
  bundle = { entry: join(dir, 'src/entry.ts'), outfile: join(dir, 'out/entry.cjs') };
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/beside.txt'), 'read from beside the source');
  writeAnswer(42);
  writeFileSync(
    bundle.entry,
    [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'node:path';",
      "import { version } from 'graphql';",
      "import { answer } from './answer.ts';",
      'const beside = readFileSync(join(import.meta.dirname, "beside.txt"), "utf8");',
      'const url: string = import.meta.url;',
      'console.log(JSON.stringify({ answer, beside, url, graphql: version }));',
    ].join('\n'),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeAnswer = (answer: number) =>
  writeFileSync(join(dir, 'src/answer.ts'), `export const answer: number = ${answer};\n`);

/** Runs the bundle as start.mjs does; what it printed, and whether the code cache was used. */
function run(cacheAfterMs = 60_000) {
  const script = `import { runWithCodeCache } from ${JSON.stringify(pathToFileURL(codeCache).href)};
    console.log(runWithCodeCache(${JSON.stringify(bundle.outfile)}, { cacheAfterMs: ${cacheAfterMs} }));`;
  const [printed, cached] = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  return { ...JSON.parse(printed!), cached: cached === 'true' };
}

describe('the server bundle', () => {
  it('runs its TypeScript sources, each module seeing its own source location, with the dependencies inside', async () => {
    await buildBundle(bundle);
    expect(run()).toEqual({
      answer: 42,
      beside: 'read from beside the source',
      url: pathToFileURL(bundle.entry).href,
      graphql: '16.15.0',
      cached: false,
    });
  });

  it('is rebuilt once a source it was built from changes or goes', async () => {
    await buildBundle(bundle);
    expect(bundleIsCurrent(bundle)).toBe(true);
    writeAnswer(43);
    expect(bundleIsCurrent(bundle)).toBe(false);
    await currentBundle(bundle);
    expect(bundleIsCurrent(bundle)).toBe(true);
    expect(run().answer).toBe(43);
    rmSync(join(dir, 'src/beside.txt'));
    expect(bundleIsCurrent(bundle)).toBe(true); // read at run time, not bundled
    rmSync(join(dir, 'src/answer.ts'));
    expect(bundleIsCurrent(bundle)).toBe(false);
  });

  it('is compiled from its code cache after the first run, and never from a cache made from other source', async () => {
    await buildBundle(bundle);
    expect(run(0).cached).toBe(false); // writes the cache as it exits
    expect(run()).toMatchObject({ answer: 42, cached: true });
    // Same length, other content: V8 alone would accept the old cache.
    writeAnswer(24);
    await currentBundle(bundle);
    expect(run(0)).toMatchObject({ answer: 24, cached: false });
    expect(run()).toMatchObject({ answer: 24, cached: true });
  });
});

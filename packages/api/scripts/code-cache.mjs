// @ts-check
/**
 * Runs a CommonJS bundle with a V8 code cache kept beside it, so a start after the first skips
 * parsing and compiling the code it ran last time (a third of a bundled start-up without it).
 * Node 22 has `module.enableCompileCache()`; Node 20 has only the `vm` primitives used here. The
 * v8-compile-cache package does the same for every `require`, but saves its cache when a module is
 * compiled, before the functions that a start-up runs are compiled, so it saves less.
 *
 * V8 checks a cache only against the source's length, its own version and its flags, so the cache
 * starts with the SHA-256 of the source it was made from, and one made from other source is not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** How long after loading the cache is written: long enough for the start-up to have run. */
const CACHE_AFTER_MS = 2_000;

/** @param {string} cacheFile @param {string} sourceHash */
function readCache(cacheFile, sourceHash) {
  try {
    const file = readFileSync(cacheFile);
    const header = Buffer.from(`${sourceHash}\n`);
    return file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
  } catch {
    return undefined; // none yet
  }
}

/**
 * Runs the bundle; true when it was compiled from the cache.
 * @param {string} file the bundle, a CommonJS module
 * @param {{ cacheAfterMs?: number }} [options]
 */
export function runWithCodeCache(file, { cacheAfterMs = CACHE_AFTER_MS } = {}) {
  const cacheFile = `${file}.v8-cache`;
  const source = readFileSync(file, 'utf8');
  const sourceHash = createHash('sha256').update(source).digest('hex');
  const cachedData = readCache(cacheFile, sourceHash);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData && !script.cachedDataRejected) return true;
  const writeCache = () => {
    try {
      const partial = `${cacheFile}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.concat([Buffer.from(`${sourceHash}\n`), script.createCachedData()]));
      renameSync(partial, cacheFile);
    } catch {
      // A read-only checkout starts without a cache; nothing else changes.
    }
  };
  // An unref'd timer never fires in a process that ends first, so 0 means now rather than "soon".
  if (cacheAfterMs === 0) writeCache();
  else setTimeout(writeCache, cacheAfterMs).unref();
  return false;
}

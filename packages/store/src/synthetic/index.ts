/**
 * @bilateral/store/synthetic: deterministic synthetic data at any scale, for benchmarks and large
 * test fixtures. See generate.ts for the shape of the data and cache.ts for the file cache.
 */
export {
  copySyntheticDatabase,
  openSyntheticStore,
  type SyntheticDatabase,
  syntheticCacheDir,
  syntheticDatabase,
} from './cache.ts';
export { fillSynthetic, type SyntheticOptions, type SyntheticSummary } from './generate.ts';
export { COMMON_WORD, COMMON_WORD_SHARE } from './words.ts';

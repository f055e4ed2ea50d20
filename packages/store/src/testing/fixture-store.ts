import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenStoreOptions, openStore, type Store } from '../db/client.ts';
import { loadSeeds } from '../seed-loader/index.ts';

export { fixtureVisit } from './fixture-records.ts';

/** The directory of the small test dataset that ships with the store. */
export const fixtureSeedsDir = join(import.meta.dirname, '../seed/fixtures/valid');

/** An in-memory store loaded with the fixture dataset. */
export function openFixtureStore(options: OpenStoreOptions = {}): Store {
  const store = openStore(':memory:', options);
  loadSeeds(store, fixtureSeedsDir);
  return store;
}

/** A private copy of the fixture seeds with extra YAML files written into it (path -> content). */
export function fixtureSeedsWith(extraFiles: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bilateral-fixture-')), 'seeds');
  cpSync(fixtureSeedsDir, dir, { recursive: true });
  for (const [path, content] of Object.entries(extraFiles)) writeFileSync(join(dir, path), content);
  return dir;
}

/**
 * Writes the fixture sources' documents into `dir` with `paragraphs` numbered paragraphs each (in
 * each source's paragraph style), so tests of the checks against the documents need not depend on
 * the shared folder. Point BILATERAL_SOURCES_DIR at `dir` to use them.
 */
export function writeFixtureDocuments(dir: string, paragraphs: number): string {
  const text = (separator: string) =>
    Array.from({ length: paragraphs }, (_, index) => `Paragraph ${index + 1}.`).join(separator);
  writeFileSync(join(dir, '002_8880533634fae7ba.txt'), text('\n\n'));
  writeFileSync(join(dir, '004_4a7f552bde28ea82.txt'), text('\n \n'));
  return dir;
}
export { openSyntheticStore, syntheticEvent } from './synthetic-events.ts';

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '../db/client.ts';
import { loadSeeds } from '../seed/index.ts';

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

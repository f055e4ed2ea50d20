/**
 * Synthetic databases cached as files, so a benchmark at a million events pays for generation once.
 * The file name carries everything the content depends on: size, seed, the last migration (the
 * schema) and a hash of the generator's own source, so a change to either makes a new file.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, knownMigrationNames, openStore, type Store } from '../db/client.ts';
import { fillSynthetic, type SyntheticOptions, type SyntheticSummary } from './generate.ts';

export interface SyntheticDatabase {
  /** The database file. Treat it as read-only: it is shared by every run that asks for the same data. */
  path: string;
  summary: SyntheticSummary;
  /** True when this call generated the file, false when it was already cached. */
  generated: boolean;
}

/** Where cached files live; BILATERAL_SYNTHETIC_CACHE moves it. */
export const syntheticCacheDir = () => process.env.BILATERAL_SYNTHETIC_CACHE ?? join(tmpdir(), 'bilateral-synthetic');

/** The cached database for these options, generated first if no run has made it yet. */
export function syntheticDatabase(options: SyntheticOptions): SyntheticDatabase {
  const seed = options.seed ?? 1;
  const dir = syntheticCacheDir();
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `events-${options.events}-seed-${seed}-${schemaVersion()}-${generatorVersion()}`);
  const path = `${base}.db`;
  const summaryPath = `${base}.json`;
  if (existsSync(path) && existsSync(summaryPath)) {
    return { path, summary: JSON.parse(readFileSync(summaryPath, 'utf8')), generated: false };
  }
  // Generate under a private name and rename, so a concurrent run never opens a half-written file.
  const partial = `${base}.${process.pid}.partial`;
  const store = openStore(partial);
  const db = store.$client;
  // The partial file is thrown away on failure, so durability during the load buys nothing.
  // SQLite leaves WAL only for a rollback journal; MEMORY keeps that journal off the disk (OFF is
  // refused by better-sqlite3's defensive mode).
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  let summary: SyntheticSummary;
  try {
    summary = fillSynthetic(store, { events: options.events, seed });
    db.exec('analyze');
    db.pragma('journal_mode = WAL');
  } finally {
    closeStore(store);
  }
  writeFileAtomically(summaryPath, JSON.stringify(summary, null, 2));
  renameSync(partial, path);
  return { path, summary, generated: true };
}

/** A private, writable copy of the cached database, for runs that change data. */
export function copySyntheticDatabase(options: SyntheticOptions, destination: string): SyntheticDatabase {
  const cached = syntheticDatabase(options);
  copyFileSync(cached.path, destination);
  return { ...cached, path: destination };
}

/** A fresh in-memory store filled with synthetic data: for tests at a few thousand events, no file involved. */
export function openSyntheticStore(options: SyntheticOptions): { store: Store; summary: SyntheticSummary } {
  const store = openStore(':memory:');
  return { store, summary: fillSynthetic(store, options) };
}

const schemaVersion = () =>
  knownMigrationNames()
    .at(-1)!
    .replace(/[^A-Za-z0-9]+/g, '-');

function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(import.meta.dirname).sort()) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(readFileSync(join(import.meta.dirname, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

function writeFileAtomically(path: string, content: string) {
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, content);
  renameSync(partial, path);
}

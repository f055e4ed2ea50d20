/**
 * Synthetic databases cached as files, so a benchmark at a million events pays for generation once.
 * The file name carries everything the content depends on: size, seed, the last migration (the
 * schema) and a hash of the generator's own source, so a change to either makes a new file: a new
 * migration alone migrates the newest older file of the same generator forward, a new generator
 * generates again.
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
  const baseAt = (migration: string) =>
    join(dir, `events-${options.events}-seed-${seed}-${schemaVersion(migration)}-${generatorVersion()}`);
  const base = baseAt(knownMigrationNames().at(-1)!);
  const path = `${base}.db`;
  const summaryPath = `${base}.json`;
  if (existsSync(path) && existsSync(summaryPath)) {
    return { path, summary: JSON.parse(readFileSync(summaryPath, 'utf8')), generated: false };
  }
  // Generate (or migrate) under a private name and rename, so a concurrent run never opens a half-written file.
  const partial = `${base}.${process.pid}.partial`;
  const older = knownMigrationNames()
    .slice(0, -1)
    .map(baseAt)
    .findLast((older) => existsSync(`${older}.db`) && existsSync(`${older}.json`));
  if (older) {
    migrateForward(`${older}.db`, partial);
    copyFileSync(`${older}.json`, `${summaryPath}.${process.pid}.partial`);
    renameSync(`${summaryPath}.${process.pid}.partial`, summaryPath);
    renameSync(partial, path);
    return { path, summary: JSON.parse(readFileSync(summaryPath, 'utf8')), generated: false };
  }
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

/**
 * A copy of a file made by this generator under an older schema, brought to the current one by the
 * migrations. The generator's own source is part of both names, so both files hold the same rows as
 * the generator wrote them; what the newer migrations add is derived from those rows (totals, indexes,
 * triggers), as in any deployment migrated in place, and costs seconds where generating again at a
 * million events costs many minutes.
 */
function migrateForward(older: string, destination: string) {
  copyFileSync(older, destination);
  const store = openStore(destination);
  try {
    store.$client.exec('analyze');
  } finally {
    closeStore(store);
  }
}

const schemaVersion = (migration: string) => migration.replace(/[^A-Za-z0-9]+/g, '-');

/** A hash of the generator's source: every module here but this one, which only stores what it makes. */
function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(import.meta.dirname).sort()) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'cache.ts')
      hash.update(readFileSync(join(import.meta.dirname, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

function writeFileAtomically(path: string, content: string) {
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, content);
  renameSync(partial, path);
}

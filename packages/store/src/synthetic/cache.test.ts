import { existsSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { knownMigrationNames } from '../db/client.ts';
import { syntheticDatabase } from './cache.ts';

const previous = process.env.BILATERAL_SYNTHETIC_CACHE;
afterEach(() => {
  if (previous === undefined) delete process.env.BILATERAL_SYNTHETIC_CACHE;
  else process.env.BILATERAL_SYNTHETIC_CACHE = previous;
});

describe('the synthetic database cache', () => {
  it('migrates the newest file of the same generator made under an older schema forward instead of generating again', () => {
    process.env.BILATERAL_SYNTHETIC_CACHE = mkdtempSync(join(tmpdir(), 'bilateral-cache-'));
    const made = syntheticDatabase({ events: 60 });
    expect(made.generated).toBe(true);
    const [latest, older] = [knownMigrationNames().at(-1)!, knownMigrationNames().at(-2)!].map((name) =>
      name.replace(/[^A-Za-z0-9]+/g, '-'),
    );
    // The file as if made before the last migration (migrating it again changes nothing here).
    const olderBase = made.path.replace(latest!, older!).replace(/\.db$/, '');
    renameSync(made.path, `${olderBase}.db`);
    renameSync(made.path.replace(/\.db$/, '.json'), `${olderBase}.json`);

    const migrated = syntheticDatabase({ events: 60 });
    expect(migrated).toMatchObject({ path: made.path, generated: false, summary: made.summary });
    expect(existsSync(`${olderBase}.db`)).toBe(true);
    const reopened = new Database(migrated.path, { readonly: true });
    const applied = reopened.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    const events = reopened.prepare('select count(*) as n from events').get() as { n: number };
    reopened.close();
    expect(applied.n).toBe(knownMigrationNames().length);
    expect(events.n).toBe(made.summary.events);
  });
});

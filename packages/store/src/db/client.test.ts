import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, openStore } from './client.ts';

describe('openStore', () => {
  it('creates a database file with every table, index and pragma, and reopens it without migrating again', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bilateral-client-')), 'store.db');
    const first = openStore(path);
    const pragma = (name: string) => first.$client.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    // FULL = 2: every commit is fsynced before it is acknowledged.
    expect(pragma('synchronous')).toBe(2);
    const tables = (
      first.$client
        .prepare(
          "select name from sqlite_master where type in ('table') and name not like 'sqlite_%' and name not like '%search_%' order by name",
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'actor_aliases',
        'actor_search',
        'actors',
        'citations',
        'claims',
        'event_links',
        'event_participants',
        'event_search',
        'event_sectors',
        'events',
        'figure_actors',
        'figures',
        'offices',
        'sources',
      ]),
    );
    const applied = first.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    first.$client
      .prepare("insert into sources (slug, file, title, genre) values ('kept', 'kept.txt', 'Kept', 'news')")
      .run();
    closeStore(first);

    const second = openStore(path);
    expect(second.$client.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual(applied);
    expect(second.$client.prepare('select slug from sources').all()).toEqual([{ slug: 'kept' }]);
    closeStore(second);
  });

  it('skips the fsync at each commit only when asked for fast durability', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bilateral-client-'));
    const fast = openStore(join(dir, 'fast.db'), { durability: 'fast' });
    // NORMAL = 1
    expect(fast.$client.pragma('synchronous', { simple: true })).toBe(1);
    closeStore(fast);
    const full = openStore(join(dir, 'full.db'), { durability: 'full' });
    expect(full.$client.pragma('synchronous', { simple: true })).toBe(2);
    closeStore(full);
  });

  it('enforces foreign keys and the citation rules in the schema itself', () => {
    const store = openStore(':memory:');
    expect(() =>
      store.$client.prepare("insert into event_sectors (event_id, sector) values (999, 'defence')").run(),
    ).toThrow(/FOREIGN KEY/);
    store.$client.prepare("insert into sources (slug, file, title, genre) values ('s', 's.txt', 'S', 'news')").run();
    expect(() =>
      store.$client.prepare('insert into citations (source_id, paragraph, position) values (1, 3, 0)').run(),
    ).toThrow(/CHECK constraint failed: citations_one_subject/);
    closeStore(store);
  });
});

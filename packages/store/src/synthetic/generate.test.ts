import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { closeStore, openStore, type Store } from '../db/client.ts';
import { search } from '../queries/search.ts';
import { openSyntheticStore, syntheticDatabase } from './cache.ts';

const EVENTS = 400;
const TABLES = [
  'sources',
  'actors',
  'actor_aliases',
  'events',
  'event_sectors',
  'event_participants',
  'event_links',
  'claims',
  'citations',
];

const opened: Store[] = [];
const open = (seed: number) => {
  const synthetic = openSyntheticStore({ events: EVENTS, seed });
  opened.push(synthetic.store);
  return synthetic;
};
afterEach(() => {
  for (const store of opened.splice(0)) closeStore(store);
});

const dump = (store: Store) =>
  Object.fromEntries(
    TABLES.map((table) => [table, store.$client.prepare(`select * from ${table} order by rowid`).all()]),
  );
const all = <T>(store: Store, sql: string) => store.$client.prepare(sql).all() as T[];
const one = <T>(store: Store, sql: string) => store.$client.prepare(sql).pluck().get() as T;

describe('synthetic data', () => {
  it('is the same for the same seed and differs for another', () => {
    const first = dump(open(7).store);
    expect(dump(open(7).store)).toEqual(first);
    expect(dump(open(8).store).events).not.toEqual(first.events);
  });

  it('has the requested events, with participants, citations and sectors on every one', () => {
    const { store, summary } = open(1);
    expect(one(store, 'select count(*) from events')).toBe(EVENTS);
    expect(summary.events).toBe(EVENTS);
    const perEvent = all<{ participants: number; citations: number; sectors: number }>(
      store,
      `select (select count(*) from event_participants p where p.event_id = e.id) as participants,
              (select count(*) from citations c where c.event_id = e.id) as citations,
              (select count(*) from event_sectors s where s.event_id = e.id) as sectors
       from events e`,
    );
    for (const counts of perEvent) {
      expect(counts.participants).toBeGreaterThanOrEqual(2);
      expect(counts.participants).toBeLessThanOrEqual(5);
      expect(counts.citations).toBeGreaterThanOrEqual(1);
      expect(counts.sectors).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(perEvent.map((counts) => counts.participants)).size).toBe(4);
    expect(one(store, 'select count(distinct role) from event_participants')).toBeGreaterThan(5);
  });

  it('gives actors a long-tailed degree: hubs in most events, most actors in few', () => {
    const { store } = open(1);
    const degrees = all<{ slug: string; degree: number }>(
      store,
      `select a.slug, count(p.event_id) as degree from actors a left join event_participants p on p.actor_id = a.id
       group by a.id order by degree desc`,
    );
    expect(degrees[0]!.slug).toBe('pakistan');
    expect(degrees[0]!.degree).toBeGreaterThan(EVENTS / 2);
    const median = degrees[Math.floor(degrees.length / 2)]!.degree;
    expect(median).toBeLessThan(EVENTS / 20);
  });

  it('has claims that compete (one preferred) and are cited, archived events, and links', () => {
    const { store } = open(1);
    const claims = all<{ event_id: number; preferred: number; cited: number }>(
      store,
      'select c.event_id, sum(c.preferred) as preferred, count(x.id) as cited from claims c join citations x on x.claim_id = c.id group by c.event_id',
    );
    expect(claims.length).toBeGreaterThan(10);
    for (const claim of claims) expect([claim.preferred, claim.cited]).toEqual([1, 2]);
    expect(one(store, 'select count(*) from events where archived_at is not null')).toBeGreaterThan(0);
    expect(one(store, 'select count(*) from event_links')).toBeGreaterThan(0);
  });

  it('dates events at every precision, each date one the store parses to the same bounds', () => {
    const { store } = open(1);
    const dates = all<{ date_edtf: string; date_earliest: string; date_latest: string }>(
      store,
      'select date_edtf, date_earliest, date_latest from events',
    );
    for (const date of dates) {
      const parsed = parseFuzzyDate(date.date_edtf);
      expect([parsed.earliest, parsed.latest]).toEqual([date.date_earliest, date.date_latest]);
    }
    const shapes = new Set(dates.map((date) => date.date_edtf.replace(/\d/g, '9')));
    for (const shape of ['9999-99-99', '9999-99', '9999', '9999~', '9999/9999', '999X'])
      expect(shapes).toContain(shape);
  });

  it('puts the common word in about 40% of events and indexes every event for search', () => {
    const { store, summary } = open(1);
    const matching = one<number>(
      store,
      `select count(*) from event_search where event_search match '${summary.commonWord}'`,
    );
    expect(matching / EVENTS).toBeGreaterThan(0.3);
    expect(matching / EVENTS).toBeLessThan(0.5);
    const found = search(store, summary.commonWord, ['event'], { first: 5 });
    expect(found.hits).toHaveLength(5);
    expect(found.hits[0]!.snippet).toContain(summary.commonWord);
  });

  it('leaves the search trigger in place, so later writes are indexed', () => {
    const { store } = open(1);
    store.$client
      .prepare(
        `insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest)
         values ('later-event', 'Zanzibar talks', 'Written after generation.', 'meeting', '2020', '2020-01-01', '2020-12-31')`,
      )
      .run();
    expect(one(store, `select count(*) from event_search where event_search match 'zanzibar'`)).toBe(1);
  });

  it('caches a generated database file and reuses it', () => {
    process.env.BILATERAL_SYNTHETIC_CACHE = mkdtempSync(join(tmpdir(), 'bilateral-synthetic-test-'));
    try {
      const first = syntheticDatabase({ events: 50, seed: 3 });
      const again = syntheticDatabase({ events: 50, seed: 3 });
      expect([first.generated, again.generated]).toEqual([true, false]);
      expect(again.path).toBe(first.path);
      const store = openStore(again.path);
      opened.push(store);
      expect(one(store, 'select count(*) from events')).toBe(50);
    } finally {
      delete process.env.BILATERAL_SYNTHETIC_CACHE;
    }
  });
});

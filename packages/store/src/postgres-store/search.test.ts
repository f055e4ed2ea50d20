// PostgreSQL's search matches what SQLite's matches: the project's seeds (with a few actors named in
// Cyrillic, Urdu and accented Latin added) loaded into SQLite and copied into PostgreSQL (PGlite), and
// hundreds of searches run on both, every word of the seeds' titles and names among them, compared
// as sets of hits (ranking differs: bm25 against ts_rank), counts and the `text` filters' pages.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openBilateralStore } from '../open-bilateral-store.ts';
import type { Page } from '../paging/keyset.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import { copyIntoPostgres } from '../testing/postgres.ts';

const MULTILINGUAL_ACTORS = `
- slug: search-test-cyrillic
  name: Сергей Ёлкин-Йодов
  kind: person
  aliases:
    - { name: Серге́й Елкин, kind: variant }
- slug: search-test-urdu
  name: پاکستان روس دوستی
  kind: organization
  aliases:
    - { name: "Dōstī Ṭrust d'Amitié (Ł.Ø.) 1.5 e-mail@x.org https://x.org/a_b", kind: variant }
`;

function seedsWithMultilingualActors(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bilateral-search-')), 'seeds');
  cpSync(defaultSeedsDir(), dir, { recursive: true });
  writeFileSync(join(dir, 'actors', 'search-test.yaml'), MULTILINGUAL_ACTORS);
  return dir;
}

/** Every row of a paged read, page by page. */
async function allRows<Row>(read: (after?: string) => Promise<Page<Row>>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let after: string | undefined, page = await read(); ; page = await read(after)) {
    rows.push(...page.rows);
    if (!page.hasNextPage) return rows;
    after = page.cursors.at(-1);
  }
}

const HANDWRITTEN = [
  'pipeline',
  'pipe*',
  'PIPELINE',
  '"gas pipeline"',
  '"gas pipe"*',
  'gas NOT pipeline',
  'pipeline OR embargo NOT gas',
  'russia pakistan NOT (india OR china)',
  '(pipeline OR gas) AND stream',
  'Mi-35',
  'Mi-35M',
  'mi 35m',
  'JF-17',
  'RD-93',
  '1.5',
  '"1 5"',
  '2014-06',
  'mid-2018',
  "Pakistan's",
  'don’t',
  'U.S.',
  'e-mail@x.org',
  'https://x.org/a_b',
  'x.org',
  'Ёлкин',
  'елкин',
  'Сергей',
  'серге*',
  'йодов',
  'иодов',
  'پاکستان',
  'دوستی OR روس',
  'dosti',
  'DŌSTĪ',
  'trust',
  'amitie',
  "d'amitié",
  'ł',
  'l o',
  'résumé',
  'Lavrov',
  'lavróv',
  'seregei OR sergei',
  '"lavrov sergei"',
  'a',
  'the',
  'of NOT the',
  '"cooperation organisation"',
  'ᦰ',
  'pipeline AND "ᦰ"',
  'pipeline OR "ᦰ"',
  'pipeline NOT "ᦰ"',
  'zzzzzz',
];

describe('search on PostgreSQL matches what it matches on SQLite', () => {
  let sqlite: BilateralStore;
  let postgres: BilateralStore;
  let queries: string[];

  beforeAll(async () => {
    sqlite = openBilateralStore({ path: ':memory:' });
    await sqlite.loadSeeds(seedsWithMultilingualActors());
    postgres = await copyIntoPostgres(sqlite);
    // Every distinct word of the titles and names as typed (punctuation and all), a prefix of each, and a phrase of each pair.
    const titles = [
      ...(await allRows((after) => sqlite.listEvents(null, [], { first: 100, after }))).map((event) => event.title),
      ...(await allRows((after) => sqlite.listActors(null, { first: 100, after }))).map((actor) => actor.name),
    ];
    const words = [...new Set(titles.flatMap((title) => title.split(/\s+/)))].filter((word) => /\w/.test(word));
    queries = [
      ...HANDWRITTEN,
      ...words,
      ...words.filter((word) => word.length > 4).map((word) => `${word.slice(0, 3)}*`),
      ...titles.slice(0, 60).map((title) => `"${title.split(/\s+/).slice(0, 3).join(' ').replaceAll('"', '')}"`),
    ];
  }, 300_000);
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  const hitsOf = async (store: BilateralStore, query: string) => {
    const hits: string[] = [];
    let total = 0;
    for (let after: string | undefined; ; ) {
      const page = await store.search(query, null, { first: 100, after });
      hits.push(...page.rows.map((hit) => `${hit.type} ${hit.id}`));
      if (!after) total = await page.totalCount();
      if (!page.hasNextPage) break;
      after = page.cursors.at(-1);
    }
    return { hits: hits.sort(), total };
  };
  const eventsOf = async (store: BilateralStore, text: string) =>
    (await allRows((after) => store.listEvents({ text, includeArchived: true }, [], { first: 100, after }))).map(
      (event) => event.id,
    );
  const actorsOf = async (store: BilateralStore, text: string) => ({
    ids: (await allRows((after) => store.listActors({ text }, { first: 100, after }))).map((actor) => actor.id),
    count: await store.countActors({ text }),
  });

  it('finds the same hits, counts the same, and filters events and actors alike, for hundreds of searches', async () => {
    expect(queries.length).toBeGreaterThan(300);
    const differences: string[] = [];
    let matched = 0;
    for (const query of queries) {
      const [onSqlite, onPostgres] = await Promise.all([hitsOf(sqlite, query), hitsOf(postgres, query)]);
      if (JSON.stringify(onSqlite) !== JSON.stringify(onPostgres))
        differences.push(`search ${query}: ${JSON.stringify(onSqlite)} vs ${JSON.stringify(onPostgres)}`);
      if (onSqlite.hits.length) matched++;
      const [events, eventsPg] = await Promise.all([eventsOf(sqlite, query), eventsOf(postgres, query)]);
      if (JSON.stringify(events) !== JSON.stringify(eventsPg))
        differences.push(`events text ${query}: ${events} vs ${eventsPg}`);
      const [actorsFound, actorsPg] = await Promise.all([actorsOf(sqlite, query), actorsOf(postgres, query)]);
      if (JSON.stringify(actorsFound) !== JSON.stringify(actorsPg))
        differences.push(`actors text ${query}: ${JSON.stringify(actorsFound)} vs ${JSON.stringify(actorsPg)}`);
    }
    expect(differences).toEqual([]);
    // The searches are worth comparing: most find something.
    expect(matched).toBeGreaterThan(queries.length / 2);
  }, 600_000);

  it('finds the multilingual actors by their words folded as SQLite folds them', async () => {
    const found = async (query: string) =>
      (await postgres.search(query, ['actor'], { first: 10 })).rows.map((hit) => hit.id).length;
    expect(await found('елкин')).toBe(1); // the alias, whose acute accent is folded away
    expect(await found('ёлкин')).toBe(1); // the name: unicode61 keeps ё apart from е
    expect(await found('иодов')).toBe(0); // nor й from и
    expect(await found('dosti')).toBe(1);
    expect(await found('"1 5"')).toBe(1);
  });

  it('answers the same refusals on both', async () => {
    for (const query of ['"unclosed', 'OR pipeline', '()', 'a\u0000b', ' ']) {
      const refusal = (store: BilateralStore) =>
        store.search(query, null, {}).then(
          () => 'accepted',
          (error) => `${error.code} ${error.message}`,
        );
      expect(await refusal(postgres), query).toBe(await refusal(sqlite));
    }
  });
});

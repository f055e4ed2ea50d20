// The text of cited paragraphs in the events' search index, on both databases: found by a word only a
// passage holds once the store is given the documents, by the search and the text filter alike, with
// the same events on SQLite and PostgreSQL; taken out again without them; kept up by later writes.
// The documents here are made up in a temporary directory under the fixture sources' file names.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search/request.ts';
import { forEachStore } from '../testing/both-stores.ts';
import { fixtureVisit } from '../testing/fixture-records.ts';

/** The fixture news document (blank-line paragraphs): paragraph n says "Paragraph n", and two hold made-up words. */
const NEWS_FILE = '002_8880533634fae7ba.txt';
const WORDS: Record<number, string> = { 29: 'quoxalite treaties', 30: 'brevundal manoeuvres', 3: 'zemplarine visits' };
const documents = mkdtempSync(join(tmpdir(), 'bilateral-passages-'));
writeFileSync(
  join(documents, NEWS_FILE),
  Array.from(
    { length: 40 },
    (_, index) => `Paragraph ${index + 1}\nof the news, ${WORDS[index + 1] ?? 'nothing'}.`,
  ).join('\n\n'),
);
afterAll(() => rmSync(documents, { recursive: true, force: true }));

const EMBARGO = '2014-russia-lifts-arms-embargo';
const DRUZHBA = '2016-druzhba-exercise';

forEachStore(
  'cited passages in the search index',
  (underTest) => {
    const found = async (query: string) => {
      const { store } = underTest;
      const hits = (await store.search(query, ['event'], { first: 20 })).rows;
      const slugs = (await store.eventsByIds(hits.map((hit) => hit.id))).map((event) => event.slug).sort();
      const filtered = (await store.listEvents({ text: query }, [], { first: 20 })).rows.map((event) => event.slug);
      expect(filtered.sort(), 'the text filter finds what the search finds').toEqual(slugs);
      return { slugs, snippets: hits.map((hit) => hit.snippet) };
    };

    it('finds an event by a word only its cited paragraph holds, once given the documents, and not without them', async () => {
      const { store } = underTest;
      expect((await found('quoxalite')).slugs).toEqual([]);

      expect(await store.indexCitedPassages(documents)).toBe(3);
      const treaty = await found('quoxalite');
      expect(treaty.slugs).toEqual([EMBARGO]);
      expect(treaty.snippets[0]).toContain(`${HIGHLIGHT_START}quoxalite${HIGHLIGHT_END}`);
      expect((await found('brevundal')).slugs).toEqual([DRUZHBA]);
      // With the event's own words, in one query: the passage is searched as part of the event.
      expect((await found('brevundal druzhba')).slugs).toEqual([DRUZHBA]);
      expect((await found('"paragraph 29"')).slugs).toEqual([EMBARGO]);
      expect(await store.indexCitedPassages(documents), 'nothing changed, nothing written').toBe(0);

      expect(await store.indexCitedPassages(undefined)).toBe(3);
      expect((await found('quoxalite')).slugs).toEqual([]);
      expect((await found('druzhba')).slugs).toEqual([DRUZHBA]);
    });

    it("indexes a written event's passages as the write commits", async () => {
      const { store } = underTest;
      await store.indexCitedPassages(documents);
      const editor = { keyId: (await store.createApiKey('write', 'passages test')).key.id };
      expect((await found('zemplarine')).slugs).toEqual([]);
      const { id } = await store.saveRecord(
        'event',
        { operation: 'create', change: () => fixtureVisit('2019-passage-visit') },
        editor,
      );
      expect((await found('zemplarine')).slugs).toEqual(['2019-passage-visit']);
      await store.saveRecord(
        'event',
        {
          id,
          operation: 'update',
          change: (event) => ({ ...event!, citations: [{ source: 'fixture-news', paragraph: 30 }] }),
        },
        editor,
      );
      expect((await found('zemplarine')).slugs).toEqual([]);
      expect((await found('brevundal')).slugs).toEqual([DRUZHBA, '2019-passage-visit']);
    });
  },
  { fresh: 'test' },
);

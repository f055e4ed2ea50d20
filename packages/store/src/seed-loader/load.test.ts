import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { SeedValidationError } from '../seed/problems.ts';
import { forEachStore, type StoreUnderTest } from '../testing/both-stores.ts';

const fixture = (name: string) => join(import.meta.dirname, '../seed/fixtures', name);

/** A private copy of a fixture, so a test can edit it. */
function copyOf(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bilateral-seeds-')), 'seeds');
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** The problems a load was refused with; fails when it was not refused. */
async function problemsOf(load: Promise<unknown>) {
  try {
    await load;
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).problems;
  }
  throw new Error('expected the load to be refused');
}

/** Rows of a table, or of the rows a condition picks (SQL both databases read). */
const countRows = async (underTest: StoreUnderTest, table: string, where = 'true') =>
  (await underTest.sql<{ n: number }>(`select cast(count(*) as integer) as n from ${table} where ${where}`))[0]!.n;

forEachStore(
  'loadSeeds',
  (underTest) => {
    const load = (dir: string) => underTest.store.loadSeeds(dir);
    const eventIds = () => underTest.sql('select id, slug, version from events order by id');

    it('loads every record with its participants, citations, claims and links', async () => {
      const report = await load(fixture('valid'));
      expect(report).toEqual({ created: 11, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0 });
      expect(await countRows(underTest, 'events')).toBe(3);
      expect(await countRows(underTest, 'actors')).toBe(5);
      expect(await countRows(underTest, 'claims')).toBe(2);
      expect(await countRows(underTest, 'event_links')).toBe(1);
      expect(await underTest.store.eventBySlug('2014-russia-lifts-arms-embargo')).toMatchObject({
        dateEdtf: '2014',
        dateEarliest: '2014-01-01',
        dateLatest: '2014-12-31',
      });
    });

    it('changes nothing when the same files are loaded twice', async () => {
      await load(fixture('valid'));
      const revisions = await countRows(underTest, 'revisions');
      const events = await eventIds();
      const report = await load(fixture('valid'));
      // Neither the files nor the database changed since the last load: it is skipped, not reread.
      expect(report).toEqual({
        created: 0,
        updated: 0,
        unchanged: 0,
        removed: 0,
        mergedAway: 0,
        kept: 0,
        skipped: true,
      });
      expect(await countRows(underTest, 'revisions')).toBe(revisions);
      expect(await eventIds()).toEqual(events);
    });

    it('updates a changed record in place, keeping its ID, and removes records deleted from the files', async () => {
      const dir = copyOf('valid');
      await load(dir);
      const { id } = (await underTest.store.eventBySlug('2016-druzhba-exercise'))!;
      const path = join(dir, 'events/all.yaml');
      const edited = readFileSync(path, 'utf8').replace(
        'First Druzhba joint exercise',
        'Druzhba 2016, the first joint exercise',
      );
      writeFileSync(path, edited.slice(0, edited.indexOf('- slug: 2024-10-trade-pledge')));
      writeFileSync(
        join(dir, 'coverage/fixture-news.yaml'),
        'source: fixture-news\nparagraphs:\n  1: { skip: boilerplate, why: Title line. }\n',
      );
      expect(await load(dir)).toMatchObject({ updated: 1, removed: 1 });
      const history = async (slug: string) =>
        (
          await underTest.sql<{
            operation: string;
            version: number;
            key_id: number | null;
            before: string | null;
            after: string | null;
          }>(
            `select operation, version, key_id, before, after from revisions where entity_slug = '${slug}' order by id`,
          )
        ).map((revision) => ({
          operation: revision.operation,
          version: revision.version,
          keyId: revision.key_id,
          before: JSON.parse(revision.before ?? 'null')?.title,
          after: JSON.parse(revision.after ?? 'null')?.title,
        }));
      expect(await history('2016-druzhba-exercise')).toEqual([
        { operation: 'seed', version: 1, keyId: null, before: undefined, after: 'First Druzhba joint exercise' },
        {
          operation: 'seed',
          version: 2,
          keyId: null,
          before: 'First Druzhba joint exercise',
          after: 'Druzhba 2016, the first joint exercise',
        },
      ]);
      expect(
        (await history('2024-10-trade-pledge')).map(({ version, before, after }) => ({
          version,
          removed: after === undefined && before !== undefined,
        })),
      ).toEqual([
        { version: 1, removed: false },
        { version: 2, removed: true },
      ]);
      expect((await underTest.store.eventsByIds([id]))[0]!.title).toBe('Druzhba 2016, the first joint exercise');
      expect(await countRows(underTest, 'events')).toBe(2);
    });

    it('reports every problem with file, record and field, and writes nothing', async () => {
      const problems = await problemsOf(load(fixture('invalid')));
      const lines = problems.map((p) => `${p.file}: ${p.record}: ${p.field}: ${p.message}`);
      const expectations = [
        /^invalid\/events\/broken\.yaml: event "2014-broken-event": kind: Invalid option/,
        /: date: "2023-02-29" is not a real day/,
        /: amount\.value: write the number as a quoted decimal string/,
        /: amount\.currency: must be an ISO 4217 currency code/,
        /: citations\[0\]\.paragraph: paragraphs are numbered from 1/,
        /: citations: every event needs at least one citation/,
        /: slug: slug "2014-broken-event" is already used by event "2014-broken-event" in invalid\/events\/broken\.yaml/,
        /: participants\[0\]\.actor: unknown actor "nobody-either"/,
      ];
      for (const expected of expectations)
        expect(
          lines.some((line) => expected.test(line)),
          `${expected}\n${lines.join('\n')}`,
        ).toBe(true);
      for (const table of ['events', 'actors', 'sources', 'revisions'])
        expect(await countRows(underTest, table), table).toBe(0);
    });

    it('rejects cross-record mistakes: unknown references, shared names, duplicate slugs', async () => {
      const dir = copyOf('valid');
      const people = join(dir, 'actors/people.yaml');
      writeFileSync(
        people,
        readFileSync(people, 'utf8')
          .replace('country: russia', 'country: atlantis')
          .replace('{ name: Mishustin, kind: variant }', '{ name: moscow, kind: variant }'),
      );
      const all = join(dir, 'events/all.yaml');
      writeFileSync(
        all,
        readFileSync(all, 'utf8').replace('event: 2014-russia-lifts-arms-embargo', 'event: 2099-never'),
      );
      const messages = (await problemsOf(load(dir))).map((p) => `${p.record}: ${p.field}: ${p.message}`);
      expect(messages).toContain('actor "mikhail-mishustin": country: unknown actor "atlantis"');
      expect(messages).toContain(
        'actor "russia": aliases[1]: "Moscow" is already a name or alias of actor "mikhail-mishustin"; a name must lead to one actor',
      );
      expect(messages).toContain('event "2016-druzhba-exercise": links[0].event: unknown event "2099-never"');
    });

    it('rejects a disputed field whose claims do not come from two sources, or whose preferred value disagrees', async () => {
      const dir = copyOf('valid');
      const all = join(dir, 'events/all.yaml');
      writeFileSync(
        all,
        readFileSync(all, 'utf8')
          .replace(
            'citations: [{ source: fixture-journal, paragraph: 40 }]',
            'citations: [{ source: fixture-news, paragraph: 41 }]',
          )
          .replace('date: 2014\n', 'date: 2015\n'),
      );
      const messages = (await problemsOf(load(dir))).map((p) => `${p.field}: ${p.message}`);
      expect(messages).toContain(
        'claims[0]: the date is disputed, so its claims must cite at least two different sources',
      );
      expect(messages).toContain(
        'claims[0].value: the preferred date "2014" differs from the record\'s own date (2015)',
      );
    });

    it('accepts only absolute http(s) source URLs, naming the file, record and field', async () => {
      const dir = copyOf('valid');
      const path = join(dir, 'sources.yaml');
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace(
          'file: 002_8880533634fae7ba.txt',
          'file: 002_8880533634fae7ba.txt\n  url: javascript:alert(1)',
        ),
      );
      await expect(load(dir)).rejects.toThrow(
        /sources\.yaml: source "fixture-news": url: must be an absolute http:\/\/ or https:\/\/ URL/,
      );
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace('url: javascript:alert(1)', 'url: https://example.org/news'),
      );
      await load(dir);
      expect((await underTest.store.sourceBySlug('fixture-news'))?.url).toBe('https://example.org/news');
    });
  },
  { dataset: null, fresh: 'test' },
);

forEachStore(
  'seed reloads of records edited through the API',
  (underTest) => {
    let editor: { keyId: number };
    beforeEach(async () => {
      editor = { keyId: (await underTest.store.createApiKey('write', 'test')).key.id };
    });
    const load = (dir: string) => underTest.store.loadSeeds(dir);
    const eventId = async (slug: string) => (await underTest.store.eventBySlug(slug))!.id;
    const retitle = async (id: number, title: string) =>
      underTest.store.saveRecord(
        'event',
        { id, operation: 'update', change: (current) => ({ ...current!, title }) },
        editor,
      );
    const dropEvent = (dir: string, slug: string) => {
      const path = join(dir, 'events/all.yaml');
      const text = readFileSync(path, 'utf8');
      const start = text.indexOf(`- slug: ${slug}`);
      const end = text.indexOf('\n- slug:', start + 1);
      writeFileSync(path, text.slice(0, start) + (end === -1 ? '' : text.slice(end + 1)));
      writeFileSync(
        join(dir, 'coverage/fixture-news.yaml'),
        'source: fixture-news\nparagraphs:\n  1: { skip: boilerplate, why: Title line. }\n',
      );
    };

    it('keep an archived event that the files no longer hold', async () => {
      const dir = copyOf('valid');
      await load(dir);
      const id = await eventId('2024-10-trade-pledge');
      await underTest.store.saveRecord(
        'event',
        { id, operation: 'archive', change: (current) => ({ ...current!, archived: true as const }) },
        editor,
      );
      dropEvent(dir, '2024-10-trade-pledge');
      expect(await load(dir)).toMatchObject({ removed: 0, kept: 1 });
      expect((await underTest.store.eventsByIds([id]))[0]!.archivedAt).not.toBeNull();
    });

    it('keep a rename through the API across reloads, with every reference', async () => {
      const dir = copyOf('valid');
      await load(dir);
      const russia = (await underTest.store.actorBySlug('russia'))!.id;
      const participations = () => countRows(underTest, 'event_participants', `actor_id = ${russia}`);
      const before = await participations();
      await underTest.store.saveRecord(
        'actor',
        { id: russia, operation: 'update', change: (current) => ({ ...current!, slug: 'russian-federation' }) },
        editor,
      );
      expect(await load(dir)).toMatchObject({ created: 0, removed: 0, updated: 0 });
      expect((await underTest.store.actorBySlug('russian-federation'))?.id).toBe(russia);
      expect(await underTest.store.actorBySlug('russia')).toBeUndefined();
      expect(await participations()).toBe(before);
    });

    it('keep a seeded actor that an event created through the API still names, though the files dropped it', async () => {
      const dir = copyOf('valid');
      const extra = join(dir, 'actors/extra.yaml');
      writeFileSync(extra, '- slug: sergey-lavrov\n  name: Sergey Lavrov\n  kind: person\n  country: russia\n');
      await load(dir);
      await underTest.store.saveRecord(
        'event',
        {
          operation: 'create',
          change: () => ({
            slug: '2019-api-visit',
            title: 'A visit',
            summary: 'A visit recorded through the API.',
            kind: 'visit',
            date: '2019',
            sectors: ['diplomacy'],
            participants: [{ actor: 'sergey-lavrov', role: 'visitor' }],
            citations: [{ source: 'fixture-news', paragraph: 3 }],
          }),
        },
        editor,
      );
      rmSync(extra);
      expect(await load(dir)).toMatchObject({ removed: 0, kept: 1 });
      const event = await eventId('2019-api-visit');
      expect(await underTest.store.participantsByEventIds([event])).toHaveLength(1);
    });

    it('write no revision when the files catch up with an API edit', async () => {
      const dir = copyOf('valid');
      await load(dir);
      const id = await eventId('2016-druzhba-exercise');
      await retitle(id, 'Druzhba 2016');
      const path = join(dir, 'events/all.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('First Druzhba joint exercise', 'Druzhba 2016'));
      const versionBefore = (await underTest.store.eventsByIds([id]))[0]!.version;
      expect(await load(dir)).toMatchObject({ updated: 0 });
      expect((await underTest.store.eventsByIds([id]))[0]!.version).toBe(versionBefore);
      expect(await load(dir)).toMatchObject({ updated: 0, skipped: true });
    });

    it('reads the files again once they or the database changed since the last load', async () => {
      const dir = copyOf('valid');
      await load(dir);
      expect((await load(dir)).skipped).toBe(true);
      await retitle(await eventId('2016-druzhba-exercise'), 'Druzhba 2016');
      expect(await load(dir)).toEqual({
        created: 0,
        updated: 0,
        unchanged: 11,
        removed: 0,
        mergedAway: 0,
        kept: 0,
      });
      const path = join(dir, 'events/all.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('First Druzhba joint exercise', 'Druzhba 2016'));
      expect(await load(dir)).toMatchObject({ updated: 0, unchanged: 11 });
      expect((await load(dir)).skipped).toBe(true);
    });
  },
  { dataset: null, fresh: 'test' },
);

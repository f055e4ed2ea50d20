import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../curation/keys.ts';
import { saveRecord } from '../curation/save-record.ts';
import { closeStore, openStore, type Store } from '../db/client.ts';
import {
  actors,
  type citations,
  claims,
  eventLinks,
  eventParticipants,
  events,
  revisions,
  sources,
} from '../db/schema.ts';
import { SeedValidationError } from '../seed/problems.ts';
import { loadSeeds } from './index.ts';

const fixture = (name: string) => join(import.meta.dirname, '../seed/fixtures', name);

/** A private copy of a fixture, so a test can edit it. */
function copyOf(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bilateral-seeds-')), 'seeds');
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => closeStore(store));

const countRows = (table: typeof events | typeof actors | typeof citations | typeof claims | typeof eventLinks) =>
  store.select({ n: count() }).from(table).get()!.n;

describe('loadSeeds', () => {
  it('loads every record with its participants, citations, claims and links', () => {
    const report = loadSeeds(store, fixture('valid'));
    expect(report).toEqual({ created: 11, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0 });
    expect(countRows(events)).toBe(3);
    expect(countRows(actors)).toBe(5);
    expect(countRows(claims)).toBe(2);
    expect(countRows(eventLinks)).toBe(1);
    const embargo = store.select().from(events).where(eq(events.slug, '2014-russia-lifts-arms-embargo')).get()!;
    expect(embargo).toMatchObject({ dateEdtf: '2014', dateEarliest: '2014-01-01', dateLatest: '2014-12-31' });
  });

  it('changes nothing when the same files are loaded twice', () => {
    loadSeeds(store, fixture('valid'));
    const before = store.$client.prepare('select total_changes() as n').get() as { n: number };
    const ids = store.select({ id: events.id, slug: events.slug }).from(events).all();
    const report = loadSeeds(store, fixture('valid'));
    const after = store.$client.prepare('select total_changes() as n').get() as { n: number };
    // Neither the files nor the database changed since the last load: it is skipped, not reread.
    expect(report).toEqual({ created: 0, updated: 0, unchanged: 0, removed: 0, mergedAway: 0, kept: 0, skipped: true });
    expect(after.n).toBe(before.n);
    expect(store.select({ id: events.id, slug: events.slug }).from(events).all()).toEqual(ids);
  });

  it('updates a changed record in place, keeping its ID, and removes records deleted from the files', () => {
    const dir = copyOf('valid');
    loadSeeds(store, dir);
    const { id } = store.select({ id: events.id }).from(events).where(eq(events.slug, '2016-druzhba-exercise')).get()!;
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
    const report = loadSeeds(store, dir);
    expect(report).toMatchObject({ updated: 1, removed: 1 });
    const history = (slug: string) =>
      store
        .select()
        .from(revisions)
        .where(eq(revisions.entitySlug, slug))
        .orderBy(revisions.id)
        .all()
        .map((revision) => ({
          operation: revision.operation,
          version: revision.version,
          keyId: revision.keyId,
          before: JSON.parse(revision.before ?? 'null')?.title,
          after: JSON.parse(revision.after ?? 'null')?.title,
        }));
    expect(history('2016-druzhba-exercise')).toEqual([
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
      history('2024-10-trade-pledge').map(({ version, before, after }) => ({
        version,
        removed: after === undefined && before !== undefined,
      })),
    ).toEqual([
      { version: 1, removed: false },
      { version: 2, removed: true },
    ]);
    expect(store.select().from(events).where(eq(events.id, id)).get()!.title).toBe(
      'Druzhba 2016, the first joint exercise',
    );
    expect(countRows(events)).toBe(2);
  });

  it('reports every problem with file, record and field, and writes nothing', () => {
    let error: unknown;
    try {
      loadSeeds(store, fixture('invalid'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const lines = (error as SeedValidationError).problems.map(
      (p) => `${p.file}: ${p.record}: ${p.field}: ${p.message}`,
    );
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
    expect(countRows(events)).toBe(0);
    expect(countRows(actors)).toBe(0);
  });

  it('rejects cross-record mistakes: unknown references, shared names, duplicate slugs', () => {
    const dir = copyOf('valid');
    const people = join(dir, 'actors/people.yaml');
    writeFileSync(
      people,
      readFileSync(people, 'utf8')
        .replace('country: russia', 'country: atlantis')
        .replace('{ name: Mishustin, kind: variant }', '{ name: moscow, kind: variant }'),
    );
    const all = join(dir, 'events/all.yaml');
    writeFileSync(all, readFileSync(all, 'utf8').replace('event: 2014-russia-lifts-arms-embargo', 'event: 2099-never'));
    const error = (() => {
      try {
        loadSeeds(store, dir);
      } catch (caught) {
        return caught as SeedValidationError;
      }
    })();
    const messages = error!.problems.map((p) => `${p.record}: ${p.field}: ${p.message}`);
    expect(messages).toContain('actor "mikhail-mishustin": country: unknown actor "atlantis"');
    expect(messages).toContain(
      'actor "russia": aliases[1]: "Moscow" is already a name or alias of actor "mikhail-mishustin"; a name must lead to one actor',
    );
    expect(messages).toContain('event "2016-druzhba-exercise": links[0].event: unknown event "2099-never"');
  });

  it('rejects a disputed field whose claims do not come from two sources, or whose preferred value disagrees', () => {
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
    const error = (() => {
      try {
        loadSeeds(store, dir);
      } catch (caught) {
        return caught as SeedValidationError;
      }
    })();
    const messages = error!.problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toContain(
      'claims[0]: the date is disputed, so its claims must cite at least two different sources',
    );
    expect(messages).toContain('claims[0].value: the preferred date "2014" differs from the record\'s own date (2015)');
  });
});

describe('source URLs', () => {
  it('accept only absolute http(s) URLs, naming the file, record and field', () => {
    const dir = copyOf('valid');
    const path = join(dir, 'sources.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'file: 002_8880533634fae7ba.txt',
        'file: 002_8880533634fae7ba.txt\n  url: javascript:alert(1)',
      ),
    );
    expect(() => loadSeeds(store, dir)).toThrow(
      /sources\.yaml: source "fixture-news": url: must be an absolute http:\/\/ or https:\/\/ URL/,
    );
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('url: javascript:alert(1)', 'url: https://example.org/news'),
    );
    loadSeeds(store, dir);
    expect(store.select({ url: sources.url }).from(sources).where(eq(sources.slug, 'fixture-news')).get()).toEqual({
      url: 'https://example.org/news',
    });
  });
});

describe('records edited through the API', () => {
  const editor = () => ({ keyId: createApiKey(store, 'write', 'test').key.id });
  const idOf = (table: typeof events | typeof actors, slug: string) =>
    store
      .select({ id: table.id })
      .from(table as typeof events)
      .where(eq(table.slug, slug))
      .get()?.id;
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

  it('keep an archived event that the files no longer hold', () => {
    const dir = copyOf('valid');
    loadSeeds(store, dir);
    const id = idOf(events, '2024-10-trade-pledge')!;
    saveRecord(
      store,
      'event',
      { id, operation: 'archive', change: (current) => ({ ...current!, archived: true as const }) },
      editor(),
    );
    dropEvent(dir, '2024-10-trade-pledge');
    expect(loadSeeds(store, dir)).toMatchObject({ removed: 0, kept: 1 });
    expect(
      store.select({ archivedAt: events.archivedAt }).from(events).where(eq(events.id, id)).get()!.archivedAt,
    ).not.toBeNull();
  });

  it('keep a rename through the API across reloads, with every reference', () => {
    const dir = copyOf('valid');
    loadSeeds(store, dir);
    const russia = idOf(actors, 'russia')!;
    const participations = () =>
      store.select().from(eventParticipants).where(eq(eventParticipants.actorId, russia)).all().length;
    const before = participations();
    saveRecord(
      store,
      'actor',
      { id: russia, operation: 'update', change: (current) => ({ ...current!, slug: 'russian-federation' }) },
      editor(),
    );
    expect(loadSeeds(store, dir)).toMatchObject({ created: 0, removed: 0, updated: 0 });
    expect(idOf(actors, 'russian-federation')).toBe(russia);
    expect(idOf(actors, 'russia')).toBeUndefined();
    expect(participations()).toBe(before);
  });

  it('keep a seeded actor that an event created through the API still names, though the files dropped it', () => {
    const dir = copyOf('valid');
    const extra = join(dir, 'actors/extra.yaml');
    writeFileSync(extra, '- slug: sergey-lavrov\n  name: Sergey Lavrov\n  kind: person\n  country: russia\n');
    loadSeeds(store, dir);
    saveRecord(
      store,
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
      editor(),
    );
    rmSync(extra);
    expect(loadSeeds(store, dir)).toMatchObject({ removed: 0, kept: 1 });
    const event = idOf(events, '2019-api-visit')!;
    expect(store.select().from(eventParticipants).where(eq(eventParticipants.eventId, event)).all()).toHaveLength(1);
  });

  it('write no revision when the files catch up with an API edit', () => {
    const dir = copyOf('valid');
    loadSeeds(store, dir);
    const id = idOf(events, '2016-druzhba-exercise')!;
    saveRecord(
      store,
      'event',
      { id, operation: 'update', change: (current) => ({ ...current!, title: 'Druzhba 2016' }) },
      editor(),
    );
    const path = join(dir, 'events/all.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('First Druzhba joint exercise', 'Druzhba 2016'));
    const versionBefore = store
      .select({ version: events.version })
      .from(events)
      .where(eq(events.id, id))
      .get()!.version;
    expect(loadSeeds(store, dir)).toMatchObject({ updated: 0 });
    expect(store.select({ version: events.version }).from(events).where(eq(events.id, id)).get()!.version).toBe(
      versionBefore,
    );
    expect(loadSeeds(store, dir)).toMatchObject({ updated: 0, skipped: true });
  });

  it('reads the files again once they or the database changed since the last load', () => {
    const dir = copyOf('valid');
    loadSeeds(store, dir);
    expect(loadSeeds(store, dir).skipped).toBe(true);
    const id = idOf(events, '2016-druzhba-exercise')!;
    saveRecord(
      store,
      'event',
      { id, operation: 'update', change: (current) => ({ ...current!, title: 'Druzhba 2016' }) },
      editor(),
    );
    expect(loadSeeds(store, dir)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 11,
      removed: 0,
      mergedAway: 0,
      kept: 0,
    });
    const path = join(dir, 'events/all.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('First Druzhba joint exercise', 'Druzhba 2016'));
    expect(loadSeeds(store, dir)).toMatchObject({ updated: 0, unchanged: 11 });
    expect(loadSeeds(store, dir).skipped).toBe(true);
  });
});

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../curation/keys.ts';
import { mergeActors } from '../curation/merge-actors.ts';
import { saveRecord } from '../curation/save-record.ts';
import { closeStore, openStore, type Store } from '../db/client.ts';
import { actors, events, figures, sources } from '../db/schema.ts';
import type { ActorRecord, EventRecord } from '../seed/format.ts';
import { seedFilePaths } from '../seed/read.ts';
import { validateSeeds } from '../seed/validate.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { defaultSeedsDir } from '../sources/documents.ts';
import { exportSeeds } from './export-seeds.ts';
import { type AllRecords, readAllRecords } from './read-records.ts';
import { SeedFileEditor } from './seed-file-editor.ts';

const original = defaultSeedsDir();
let dir: string;
let store: Store;
let editor: { keyId: number };

/** Every file under `root`, by its path relative to it. */
function filesUnder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        relative(root, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name), 'utf8'),
      );
  }
  return files;
}
const fileIn = (path: string) => readFileSync(join(dir, path), 'utf8');
const originalFile = (path: string) => readFileSync(join(original, path), 'utf8');
const bySlug = (records: AllRecords) =>
  Object.fromEntries(
    Object.entries(records).map(([type, list]) => [
      type,
      [...list].sort((a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug)),
    ]),
  );
const idOf = (slug: string) => store.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()!.id;
const updateEvent = (slug: string, change: (event: EventRecord) => EventRecord) =>
  saveRecord(store, 'event', { id: idOf(slug), operation: 'update', change: (current) => change(current!) }, editor);
const createEvent = (event: EventRecord) =>
  saveRecord(store, 'event', { operation: 'create', change: () => event }, editor);

const newEvent: EventRecord = {
  slug: '2025-03-test-delegation-visits-moscow',
  title: 'A test delegation visits Moscow',
  summary:
    'A delegation written for this test travelled to Moscow and talked about trade, energy and the railway links that the documents discuss at length.',
  kind: 'visit',
  date: '2025-03',
  place: 'Moscow',
  sectors: ['diplomacy', 'trade'],
  participants: [
    { actor: 'pakistan', role: 'visitor' },
    { actor: 'russia', role: 'host' },
  ],
  citations: [{ source: 'policyeast-2024-cold-war-rivals', paragraph: 15, note: 'A test note, with a comma.' }],
  claims: [],
  links: [{ type: 'follows', event: '2014-shoigu-visits-pakistan' }],
};

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'bilateral-export-')), 'seeds');
  cpSync(original, dir, { recursive: true });
  store = openStore(':memory:');
  loadSeeds(store, dir);
  editor = { keyId: createApiKey(store, 'write', 'test').key.id };
});
afterEach(() => {
  closeStore(store);
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('exportSeeds', () => {
  it('changes no byte of any file when the store holds just what the files do', () => {
    const report = exportSeeds(store, dir);
    expect(report.files).toEqual([]);
    expect(filesUnder(dir)).toEqual(filesUnder(original));
  });

  it('renders every hand-written record exactly as the file has it', () => {
    for (const type of ['sources', 'actors', 'events', 'figures']) {
      for (const path of seedFilePaths(original, type)) {
        const text = readFileSync(path, 'utf8');
        const file = new SeedFileEditor(path, text, []);
        for (const item of file.items) file.replace(item, item.node);
        expect(file.render(), path).toBe(text);
      }
    }
  });

  it('rewrites an edited record in place, changing only the lines that changed', () => {
    updateEvent('2014-shoigu-visits-pakistan', (event) => ({
      ...event,
      title: 'Sergei Shoigu visits Pakistan',
      citations: [{ ...event.citations[0]!, note: 'Set beside the Lavrov visit.' }],
    }));
    const report = exportSeeds(store, dir);
    expect(report).toMatchObject({
      files: ['seeds/events/2014-2019.yaml'],
      events: { updated: ['2014-shoigu-visits-pakistan'], added: [], removed: [] },
      problems: [],
    });
    expect(fileIn('events/2014-2019.yaml')).toBe(
      originalFile('events/2014-2019.yaml')
        .replace('title: Defence Minister Sergei Shoigu visits Pakistan', 'title: Sergei Shoigu visits Pakistan')
        .replace(
          '- { source: eurasia-review-2019-breaking-up-with-history, paragraph: 6 }\n  links:\n    - { type: follows, event: 2012-lavrov',
          '- { source: eurasia-review-2019-breaking-up-with-history, paragraph: 6, note: "Set beside the Lavrov visit." }\n  links:\n    - { type: follows, event: 2012-lavrov',
        ),
    );
  });

  it('keeps the comments inside an edited record', () => {
    const { id } = store
      .select({ id: sources.id })
      .from(sources)
      .where(eq(sources.slug, 'policyeast-2024-cold-war-rivals'))
      .get()!;
    saveRecord(
      store,
      'source',
      { id, operation: 'update', change: (current) => ({ ...current!, author: 'A. Mahmood' }) },
      editor,
    );
    exportSeeds(store, dir);
    expect(fileIn('sources.yaml')).toBe(
      originalFile('sources.yaml').replace('author: Arshad Mahmood', 'author: A. Mahmood'),
    );
  });

  it('appends a new event to the era file holding its year, or to a new file for the year', () => {
    createEvent({ ...newEvent, slug: '2016-test-talks', date: '2016~' });
    createEvent(newEvent);
    const report = exportSeeds(store, dir);
    expect(report.events.added).toEqual(['2016-test-talks', newEvent.slug]);
    expect(report.files.sort()).toEqual(['seeds/events/2014-2019.yaml', 'seeds/events/2025.yaml']);
    expect(fileIn('events/2014-2019.yaml').startsWith(originalFile('events/2014-2019.yaml'))).toBe(true);
    expect(fileIn('events/2025.yaml')).toBe(`- slug: 2025-03-test-delegation-visits-moscow
  title: A test delegation visits Moscow
  summary: >-
    A delegation written for this test travelled to Moscow and talked about trade, energy and the
    railway links that the documents discuss at length.
  kind: visit
  date: "2025-03"
  place: Moscow
  sectors: [diplomacy, trade]
  participants:
    - { actor: pakistan, role: visitor }
    - { actor: russia, role: host }
  citations:
    - { source: policyeast-2024-cold-war-rivals, paragraph: 15, note: "A test note, with a comma." }
  links:
    - { type: follows, event: 2014-shoigu-visits-pakistan }
`);
  });

  it('appends a new actor to the file of its kind', () => {
    const actor: ActorRecord = {
      slug: 'test-analyst',
      name: 'Test Analyst',
      kind: 'person',
      country: 'pakistan',
      aliases: [],
      offices: [],
      citations: [],
    };
    saveRecord(store, 'actor', { operation: 'create', change: () => actor }, editor);
    expect(exportSeeds(store, dir)).toMatchObject({
      files: ['seeds/actors/people.yaml'],
      actors: { added: ['test-analyst'] },
    });
    expect(fileIn('actors/people.yaml')).toBe(
      `${originalFile('actors/people.yaml')}\n- slug: test-analyst\n  name: Test Analyst\n  kind: person\n  country: pakistan\n`,
    );
  });

  it('removes a record the store no longer holds, and reports what that leaves dangling', () => {
    store.delete(figures).where(eq(figures.slug, 'pakistan-russia-trade-growth-2018')).run();
    const report = exportSeeds(store, dir);
    expect(report.figures.removed).toEqual(['pakistan-russia-trade-growth-2018']);
    const before = originalFile('figures.yaml');
    const record = before.slice(
      before.indexOf('- slug: pakistan-russia-trade-growth-2018'),
      before.indexOf('- slug: india-russia-trade-2017'),
    );
    expect(fileIn('figures.yaml')).toBe(before.replace(record, ''));
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'seeds/coverage/eurasia-review-2019-breaking-up-with-history.yaml',
        message: 'unknown figure "pakistan-russia-trade-growth-2018"',
      }),
    ]);
  });

  it('removes an added record again without a trace', () => {
    const { id } = createEvent({ ...newEvent, date: '2019' });
    exportSeeds(store, dir);
    store.delete(events).where(eq(events.id, id)).run();
    expect(exportSeeds(store, dir).events.removed).toEqual([newEvent.slug]);
    expect(fileIn('events/2014-2019.yaml')).toBe(originalFile('events/2014-2019.yaml'));
  });

  it('keeps an archived event in the files as a tombstone, which a reload keeps archived', () => {
    const id = idOf('1955-01-pakistan-joins-seato');
    saveRecord(
      store,
      'event',
      { id, operation: 'archive', change: (current) => ({ ...current!, archived: true as const }) },
      editor,
    );
    const report = exportSeeds(store, dir);
    expect(report).toMatchObject({ events: { updated: ['1955-01-pakistan-joins-seato'], removed: [] }, problems: [] });
    expect(fileIn('events/1947-1991.yaml')).toMatch(/- slug: 1955-01-pakistan-joins-seato[\s\S]*?archived: true/);
    const reloaded = openStore(':memory:');
    loadSeeds(reloaded, dir);
    expect(
      reloaded
        .select({ archivedAt: events.archivedAt })
        .from(events)
        .where(eq(events.slug, '1955-01-pakistan-joins-seato'))
        .get()!.archivedAt,
    ).not.toBeNull();
    closeStore(reloaded);
  });

  it('rewrites a record renamed through the API where it stands', () => {
    updateEvent('2014-shoigu-visits-pakistan', (event) => ({ ...event, slug: '2014-11-shoigu-visits-pakistan' }));
    const before = fileIn('events/2014-2019.yaml');
    const report = exportSeeds(store, dir);
    expect(report.events).toMatchObject({ updated: ['2014-11-shoigu-visits-pakistan'], added: [], removed: [] });
    expect(fileIn('events/2014-2019.yaml')).toBe(
      before.replace('- slug: 2014-shoigu-visits-pakistan', '- slug: 2014-11-shoigu-visits-pakistan'),
    );
    expect(report.problems).toEqual([]);
    expect(report.manifests.length).toBeGreaterThan(0);
  });

  it('keeps the coverage manifests valid when an actor is renamed through the API', () => {
    const { id, name: originalName } = store
      .select({ id: actors.id, name: actors.name })
      .from(actors)
      .where(eq(actors.slug, 'taliban'))
      .get()!;
    saveRecord(
      store,
      'actor',
      { id, operation: 'update', change: (current) => ({ ...current!, slug: 'afghan-taliban' }) },
      editor,
    );
    const report = exportSeeds(store, dir);
    expect(report.problems).toEqual([]);
    const reloaded = openStore(':memory:');
    loadSeeds(reloaded, dir);
    const bySlug = (slug: string) =>
      reloaded.select({ name: actors.name }).from(actors).where(eq(actors.slug, slug)).get();
    expect(bySlug('afghan-taliban')).toEqual({ name: originalName });
    expect(bySlug('taliban')).toBeUndefined();
    closeStore(reloaded);
  });

  it('replaces the slug of an actor merged away in the coverage manifests, so the files stay valid', () => {
    const actorId = (slug: string) =>
      store.select({ id: actors.id }).from(actors).where(eq(actors.slug, slug)).get()!.id;
    mergeActors(store, { from: actorId('saleem-qamar-butt'), into: actorId('pakistan') }, editor);
    const report = exportSeeds(store, dir);
    expect(report.manifests).toEqual(['seeds/coverage/butt-2019-budding-pak-russia-strategic-relationship.yaml']);
    expect(report.problems).toEqual([]);
    expect(fileIn('coverage/butt-2019-budding-pak-russia-strategic-relationship.yaml')).toBe(
      originalFile('coverage/butt-2019-budding-pak-russia-strategic-relationship.yaml').replace(
        'actors: [saleem-qamar-butt]',
        'actors: [pakistan]',
      ),
    );
  });

  it('round-trips: the exported files load into a store holding the same records', () => {
    updateEvent('2014-shoigu-visits-pakistan', (event) => ({
      ...event,
      date: '2014-10',
      sectors: ['defence'],
      place: 'Rawalpindi',
    }));
    updateEvent('2014-06-russia-lifts-arms-embargo-on-pakistan', (event) => ({
      ...event,
      claims: event.claims.map((claim) => ({ ...claim, reason: claim.reason && `${claim.reason} Checked again.` })),
    }));
    createEvent(newEvent);
    const report = exportSeeds(store, dir);
    expect(report.problems).toEqual([]);
    expect(validateSeeds(dir).problems).toEqual([]);

    const reloaded = openStore(':memory:');
    loadSeeds(reloaded, dir);
    expect(bySlug(readAllRecords(reloaded))).toEqual(bySlug(readAllRecords(store)));
    closeStore(reloaded);
  });
});

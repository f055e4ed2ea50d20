import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, type Store } from '../db/client.ts';
import { actors, events, revisions } from '../db/schema.ts';
import { readEventRecord } from '../records/read-records.ts';
import { loadSeeds } from '../seed-loader/index.ts';
import { fixtureSeedsDir, fixtureSeedsWith, openFixtureStore } from '../testing/fixture-store.ts';
import { createApiKey } from './keys.ts';
import { mergeActors } from './merge-actors.ts';
import { saveRecord } from './save-record.ts';

let store: Store;
let editor: { keyId: number };
const idOf = (slug: string) => store.select({ id: actors.id }).from(actors).where(eq(actors.slug, slug)).get()!.id;

beforeEach(() => {
  store = openFixtureStore();
  editor = { keyId: createApiKey(store, 'write', 'test').key.id };
  saveRecord(
    store,
    'actor',
    {
      operation: 'create',
      change: () => ({
        slug: 'rossiya',
        name: 'Rossiya',
        kind: 'state',
        aliases: [{ name: 'Moskva', kind: 'metonym' }],
      }),
    },
    editor,
  );
});
afterEach(() => closeStore(store));

describe('mergeActors', () => {
  it('joins participant claims that now name one actor, keeping the preferred one and the citations of both', () => {
    const news = { source: 'fixture-news', paragraph: 30 };
    const journal = { source: 'fixture-journal', paragraph: 40 };
    const event = saveRecord(
      store,
      'event',
      {
        operation: 'create',
        change: () => ({
          slug: '2020-joint-talks',
          title: 'Joint talks',
          summary: 'Talks.',
          kind: 'meeting',
          date: '2020',
          sectors: ['diplomacy'],
          participants: [
            { actor: 'russia', role: 'host' },
            { actor: 'rossiya', role: 'host' },
          ],
          citations: [news],
          claims: [
            { field: 'participant', value: 'rossiya', status: 'asserted', citations: [journal] },
            {
              field: 'participant',
              value: 'russia',
              status: 'asserted',
              preferred: true,
              reason: 'The report names Russia.',
              citations: [news],
            },
          ],
        }),
      },
      editor,
    );
    const merged = mergeActors(store, { from: idOf('rossiya'), into: idOf('russia') }, editor);
    expect(merged.moved).toEqual([{ entityType: 'event', id: event.id, version: 2 }]);
    expect(readEventRecord(store, event.id)).toMatchObject({
      participants: [{ actor: 'russia', role: 'host' }],
      claims: [
        {
          field: 'participant',
          value: 'russia',
          preferred: true,
          reason: 'The report names Russia.',
          citations: [journal, news],
        },
      ],
    });
  });

  it('writes a revision that removes the merged actor and one that shows the absorbed names, each a new version', () => {
    const from = idOf('rossiya');
    const into = idOf('russia');
    const merged = mergeActors(store, { from, into, reason: 'One state.' }, editor);
    expect(merged).toMatchObject({ id: into, version: 2, replayed: false });
    const written = store.select().from(revisions).where(eq(revisions.operation, 'merge')).all();
    expect(written.map(({ entityId, version, reason }) => ({ entityId, version, reason }))).toEqual([
      { entityId: from, version: 2, reason: 'One state.' },
      { entityId: into, version: 2, reason: 'One state.' },
    ]);
    expect(written[0]!.after).toBeNull();
    expect(JSON.parse(written[1]!.after!).aliases.map((alias: { name: string }) => alias.name)).toEqual([
      'Russian Federation',
      'Moscow',
      'Rossiya',
      'Moskva',
    ]);
    expect(store.select().from(actors).where(eq(actors.id, from)).get()).toBeUndefined();
  });
});

describe('seed reloads after a merge', () => {
  it('leave the merged actor out and send its references to the actor it was merged into', () => {
    const russia = idOf('russia');
    const pakistan = idOf('pakistan');
    mergeActors(store, { from: russia, into: pakistan }, editor);
    // The fixture seed files still hold russia, with aliases pakistan now carries.
    const report = loadSeeds(store, fixtureSeedsDir);
    expect(report).toMatchObject({ mergedAway: 1, created: 0 });
    expect(store.select().from(actors).where(eq(actors.slug, 'russia')).get()).toBeUndefined();

    // A changed seed record that still names russia is written with pakistan in its place.
    const dir = fixtureSeedsWith({});
    const path = join(dir, 'events/all.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('First Druzhba joint exercise', 'Druzhba 2016'));
    expect(loadSeeds(store, dir)).toMatchObject({ updated: 1, mergedAway: 1 });
    const druzhba = store.select({ id: events.id }).from(events).where(eq(events.slug, '2016-druzhba-exercise')).get()!;
    expect(readEventRecord(store, druzhba.id)!.participants.map((participant) => participant.actor)).not.toContain(
      'russia',
    );
  });
});

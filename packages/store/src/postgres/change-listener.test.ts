import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Editor } from '../curation/save-record.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import type { CommittedChange } from '../live/change-feed.ts';
import { postgresStore } from '../postgres-store/postgres-store.ts';
import { fixtureVisit } from '../testing/fixture-records.ts';
import { fixtureSeedsDir } from '../testing/fixture-store.ts';
import { LISTENER_APPLICATION_NAME } from './change-listener.ts';
import { openPostgresStore } from './client.ts';
import { emptyPgliteStore } from './testing/pglite.ts';
import { itRequiresPostgresServerInCI, postgresServerInstalled, throwawayServer } from './testing/server.ts';

const key = (change: CommittedChange) => `${change.entityType}:${change.entityId}@${change.version}`;

/** Resolves once `changes` holds `count` entries; the test's timeout bounds the wait. */
async function received(changes: CommittedChange[], count: number) {
  while (changes.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
  // Anything more would come right behind: give it the time to show up as a duplicate.
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const createVisit = (store: BilateralStore, editor: Editor, slug: string) =>
  store.saveRecord('event', { operation: 'create', change: () => fixtureVisit(slug, `Visit ${slug}`) }, editor);

const retitle = (store: BilateralStore, editor: Editor, id: number, title: string) =>
  store.saveRecord('event', { id, operation: 'update', change: (event) => ({ ...event!, title }) }, editor);

/** The changes the revision log holds after `afterId`, in ID order: what every watcher must have received. */
const logged = async (store: BilateralStore, afterId: number) =>
  (await store.changesSince(afterId, 1000)).map((row) => `${row.entityType}:${row.entityId}@${row.version}`);

const installed = postgresServerInstalled('the change feed tests on a PostgreSQL server');
itRequiresPostgresServerInCI(installed);

describe.skipIf(!installed)('the change feed on a PostgreSQL server', () => {
  const server = throwawayServer();
  let url: string;
  let writer: BilateralStore;
  let watcher: BilateralStore;
  let editor: Editor;
  const seen: CommittedChange[] = [];
  let startId: number;

  beforeAll(async () => {
    url = await server().createDatabase('feed');
    writer = postgresStore(openPostgresStore(url));
    watcher = postgresStore(openPostgresStore(url));
    await writer.loadSeeds(fixtureSeedsDir);
    editor = { keyId: (await writer.createApiKey('write', 'feed test')).key.id };
    startId = (await writer.changesSince(0, 100_000)).at(-1)!.id;
    await watcher.watchChanges((change) => seen.push(change));
  }, 120_000);
  afterAll(async () => {
    await writer?.close();
    await watcher?.close();
  });

  it('delivers what every process commits to a watcher in another, in commit order, once each', async () => {
    const [first, second] = await Promise.all([
      createVisit(writer, editor, 'feed-a'),
      createVisit(watcher, editor, 'feed-b'),
    ]);
    // Writes from both stores at once, several to the same event: they must arrive as the log orders them.
    await Promise.all(
      [1, 2, 3, 4].flatMap((n) => [
        retitle(writer, editor, first.id, `From the writer ${n}`),
        retitle(watcher, editor, n % 2 ? first.id : second.id, `From the watcher ${n}`),
      ]),
    );
    const expected = await logged(writer, startId);
    expect(expected).toHaveLength(10);
    await received(seen, expected.length);
    expect(seen.map(key)).toEqual(expected);
  });

  it('delivers nothing of a write rolled back, even one that wrote its revision', async () => {
    const before = seen.length;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into revisions (entity_type, entity_id, entity_slug, version, operation, at) values ('event', 1, 'x', 999, 'update', now()::text)`,
      );
      await client.query('rollback');
    } finally {
      await client.end();
    }
    const after = await createVisit(writer, editor, 'feed-after-rollback');
    await received(seen, before + 1);
    expect(seen.slice(before).map(key)).toEqual([`event:${after.id}@1`]);
  });

  it('holds a second writer of revisions until the first commits, so revision IDs follow commit order', async () => {
    const [first, second] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await first.connect();
    await second.connect();
    const insert = `insert into revisions (entity_type, entity_id, entity_slug, version, operation, at) values ('event', 1, 'x', 1000, 'update', now()::text)`;
    try {
      await first.query('begin');
      await first.query(insert);
      await second.query("set lock_timeout = '300ms'");
      await expect(second.query(insert)).rejects.toMatchObject({ code: '55P03' });
      await first.query('rollback');
    } finally {
      await first.end();
      await second.end();
    }
  });

  it('catches up after its connection is lost: every write made meanwhile, once each, no gap', async () => {
    const before = seen.length;
    const fromId = (await writer.changesSince(0, 100_000)).at(-1)!.id;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        'select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1',
        [LISTENER_APPLICATION_NAME],
      );
      expect(rows).toEqual([{ ended: true }]);
    } finally {
      await admin.end();
    }
    // Written at once, while the listener is away (it waits before it reconnects).
    for (const n of [1, 2, 3]) await createVisit(writer, editor, `feed-while-away-${n}`);
    const expected = await logged(writer, fromId);
    await received(seen, before + expected.length);
    expect(seen.slice(before).map(key)).toEqual(expected);
  });

  it('catches up after the server restarts, and goes on delivering', async () => {
    const before = seen.length;
    const fromId = (await writer.changesSince(0, 100_000)).at(-1)!.id;
    await server().stop('fast');
    await server().start();
    const written = [];
    // The writer's pool reconnects on its own; its first attempts may meet the restart's end.
    for (const n of [1, 2]) {
      for (;;) {
        try {
          written.push(await createVisit(writer, editor, `feed-after-restart-${n}`));
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
    const expected = await logged(writer, fromId);
    expect(expected).toHaveLength(2);
    await received(seen, before + expected.length);
    expect(seen.slice(before).map(key)).toEqual(expected);
  }, 60_000);
});

describe('the change feed on PGlite', () => {
  it('delivers the writes of the store itself', async () => {
    const store = postgresStore(emptyPgliteStore());
    try {
      await store.loadSeeds(fixtureSeedsDir);
      const editor = { keyId: (await store.createApiKey('write', 'feed test')).key.id };
      const seen: CommittedChange[] = [];
      await store.watchChanges((change) => seen.push(change));
      const created = await createVisit(store, editor, 'pglite-feed');
      await retitle(store, editor, created.id, 'Renamed');
      await received(seen, 2);
      expect(seen.map(key)).toEqual([`event:${created.id}@1`, `event:${created.id}@2`]);
    } finally {
      await store.close();
    }
  }, 60_000);
});

// The scan thread answers `eventStats` and `cooperationIndex` exactly as the same functions do
// in-process, sees what the serving connection committed, and rejects with the same errors; a
// SqliteStore opened from a file with `scanThread` sends its scans there, one over `:memory:` keeps
// them in-process. (The server's bundle running the thread is checked in api/src/server.test.ts.)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Store } from '../../db/client.ts';
import { QueryError } from '../../errors/query-error.ts';
import { search } from '../../queries/search.ts';
import { cooperationIndex, eventStats } from '../../queries/stats.ts';
import { loadSeeds } from '../../seed-loader/index.ts';
import { fixtureSeedsDir } from '../../testing/fixture-store.ts';
import { openSqliteStore, type SqliteStore } from '../sqlite-store.ts';
import { type ScanThread, startScanThread } from './scan-thread.ts';

const FILTERS = [undefined, { from: '2000' }, { actors: ['pakistan'] }, { kinds: ['arms_deal' as const], to: '2010' }];

let dir: string;
let path: string;
let database: Store;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bilateral-scans-'));
  path = join(dir, 'bilateral.db');
  database = openStore(path);
  loadSeeds(database, fixtureSeedsDir);
});
afterAll(() => {
  closeStore(database);
  rmSync(dir, { recursive: true, force: true });
});

describe('the scan thread', () => {
  let thread: ScanThread;
  beforeAll(() => {
    thread = startScanThread(path);
  });
  afterAll(() => thread.close());

  it('answers each scan as the store does in-process, on its own thread', async () => {
    const before = thread.completed;
    for (const filter of FILTERS) {
      expect(await thread.run('eventStats', filter, ['year', 'kind'])).toEqual(
        eventStats(database, filter, ['year', 'kind']),
      );
      expect(await thread.run('cooperationIndex', filter)).toEqual(cooperationIndex(database, filter));
    }
    expect(thread.completed - before).toBe(FILTERS.length * 2);
  });

  it('reads what the serving connection committed before the scan', async () => {
    const live = (await thread.run('eventStats', undefined, ['kind'])).totalCount;
    database.$client.exec(
      "update events set archived_at = '2026-12-01T00:00:00Z' where id = (select min(id) from events where archived_at is null)",
    );
    expect((await thread.run('eventStats', undefined, ['kind'])).totalCount).toBe(live - 1);
  });

  it('rejects with the store’s own QueryError, code and argument kept', async () => {
    const failure = await thread.run('eventStats', { from: 'not a date' }, ['year']).catch((error) => error);
    expect(failure).toBeInstanceOf(QueryError);
    expect(failure).toMatchObject({ code: 'INVALID_DATE' });
    const inProcess = (() => {
      try {
        eventStats(database, { from: 'not a date' }, ['year']);
      } catch (error) {
        return error as QueryError;
      }
    })();
    expect(failure.message).toBe(inProcess?.message);
    expect(failure.argument).toBe(inProcess?.argument);
  });

  it('rejects every scan once closed, instead of waiting for a thread that is gone', async () => {
    const closing = startScanThread(path);
    await closing.close();
    await expect(closing.run('cooperationIndex', undefined)).rejects.toThrow(/scan thread exited/);
  });
});

describe('SqliteStore with scanThread', () => {
  it('runs eventStats and cooperationIndex on its thread when opened from a file, with the in-process answers', async () => {
    const store = openSqliteStore(path, { scanThread: true }) as SqliteStore;
    try {
      const thread = store.scanThread!;
      expect(thread).toBeDefined();
      expect(await store.eventStats({ from: '2000' }, ['year'])).toEqual(
        eventStats(database, { from: '2000' }, ['year']),
      );
      expect(await store.cooperationIndex({ actors: ['pakistan'] })).toEqual(
        cooperationIndex(database, { actors: ['pakistan'] }),
      );
      expect(thread.completed).toBe(2);
      await expect(store.eventStats({ to: 'soon' }, ['year'])).rejects.toMatchObject({ code: 'INVALID_DATE' });
    } finally {
      await store.close();
    }
  });

  it('counts the matches of a search on its thread, as the search counts in-process', async () => {
    const store = openSqliteStore(path, { scanThread: true }) as SqliteStore;
    try {
      const inProcess = search(database, 'pakistan', null, { first: 5 });
      const results = await store.search('pakistan', null, { first: 5 });
      expect(results.rows.map((hit) => hit.id)).toEqual(inProcess.hits.map((hit) => hit.id));
      expect(inProcess.totalCount).toBeGreaterThan(0);
      expect(await results.totalCount()).toBe(inProcess.totalCount);
      expect(await results.rankingLimited()).toBe(inProcess.rankingLimited);
      expect(store.scanThread!.completed).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('keeps the scans of a :memory: database in-process, where no other connection could see it', async () => {
    const store = openSqliteStore(':memory:', { scanThread: true }) as SqliteStore;
    try {
      expect(store.scanThread).toBeUndefined();
      loadSeeds(store.database, fixtureSeedsDir);
      expect(await store.eventStats(undefined, ['kind'])).toEqual(eventStats(store.database, undefined, ['kind']));
      await expect(store.eventStats({ to: 'soon' }, ['year'])).rejects.toBeInstanceOf(QueryError);
    } finally {
      await store.close();
    }
  });
});

/** Threads of this process at each nice value (Linux: field 19 of /proc/self/task/<tid>/stat). */
const threadsAtNice = (nice: number) =>
  readdirSync('/proc/self/task').filter((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) === nice;
  }).length;

describe.runIf(existsSync('/proc/thread-self'))("the scan thread's priority", () => {
  it('is the lowest, so scans give the core to the serving thread', async () => {
    const before = threadsAtNice(19);
    const thread = startScanThread(path);
    try {
      await thread.run('eventStats', undefined, ['year']);
      expect(threadsAtNice(19)).toBe(before + 1);
    } finally {
      await thread.close();
    }
  });
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeStore,
  cooperationIndex,
  eventStats,
  loadSeeds,
  openStore,
  QueryError,
  type Store,
} from '@bilateral/store';
import { fixtureSeedsDir } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../testing/server-process.ts';
import { runScan, type ScanThread, startScanThread } from './scan-thread.ts';

const FILTERS = [undefined, { from: '2000' }, { actors: ['pakistan'] }, { kinds: ['arms_deal' as const], to: '2010' }];

describe('the scan thread', () => {
  let dir: string;
  let path: string;
  let store: Store;
  let thread: ScanThread;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bilateral-scans-'));
    path = join(dir, 'bilateral.db');
    store = openStore(path);
    loadSeeds(store, fixtureSeedsDir);
    thread = startScanThread(store, path);
  });
  afterAll(async () => {
    await thread.close();
    closeStore(store);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each scan as the store does in-process, on its own thread', async () => {
    const before = thread.completed;
    for (const filter of FILTERS) {
      expect(await runScan(store, 'eventStats', filter, ['year', 'kind'])).toEqual(
        eventStats(store, filter, ['year', 'kind']),
      );
      expect(await runScan(store, 'cooperationIndex', filter)).toEqual(cooperationIndex(store, filter));
    }
    expect(thread.completed - before).toBe(FILTERS.length * 2);
  });

  it('reads what the serving connection committed before the scan', async () => {
    const live = (await runScan(store, 'eventStats', undefined, ['kind'])).totalCount;
    store.$client.exec(
      "update events set archived_at = '2026-12-01T00:00:00Z' where id = (select min(id) from events where archived_at is null)",
    );
    expect((await runScan(store, 'eventStats', undefined, ['kind'])).totalCount).toBe(live - 1);
  });

  it('rejects with the store’s own QueryError, code and argument kept', async () => {
    const failure = await runScan(store, 'eventStats', { from: 'not a date' }, ['year']).catch((error) => error);
    expect(failure).toBeInstanceOf(QueryError);
    expect(failure).toMatchObject({ code: 'INVALID_DATE' });
    const inProcess = (() => {
      try {
        eventStats(store, { from: 'not a date' }, ['year']);
      } catch (error) {
        return error as QueryError;
      }
    })();
    expect(failure.message).toBe(inProcess?.message);
    expect(failure.argument).toBe(inProcess?.argument);
  });

  it('runs from the bundle `start` serves: the server answers filtered statistics as the store counts them', async () => {
    const served = join(dir, 'served.db');
    store.$client.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, served);
    const server = startServer({ DATABASE_PATH: served, LOAD_SEEDS: '0' });
    try {
      const url = await server.listening;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ eventStats(filter: { from: "2000" }, groupBy: [YEAR]) { totalCount buckets { count } } }',
        }),
      });
      const body = (await response.json()) as { data: { eventStats: { totalCount: number; buckets: unknown[] } } };
      const expected = eventStats(store, { from: '2000' }, ['year']);
      expect(body.data.eventStats).toEqual({
        totalCount: expected.totalCount,
        buckets: expected.buckets.map(({ count }) => ({ count })),
      });
      expect(server.output()).not.toMatch(/scan thread|Error/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

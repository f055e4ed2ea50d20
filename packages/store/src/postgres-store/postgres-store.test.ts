import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { postgresStore } from './postgres-store.ts';

describe('the PostgreSQL store', () => {
  let store: BilateralStore;
  beforeAll(async () => {
    store = postgresStore(emptyPgliteStore());
  }, 120_000);
  afterAll(() => store.close());

  it('creates, lists, authenticates and revokes API keys, keeping only the hash', async () => {
    const { key, secret } = await store.createApiKey('write', 'curator');
    expect(secret).toMatch(/^blt_/);
    expect(key).toMatchObject({ label: 'curator', scope: 'write', revokedAt: null });
    expect(await store.listApiKeys()).toEqual([key]);
    expect(await store.authenticateApiKey(secret)).toEqual(key);
    expect(await store.authenticateApiKey(`${secret}x`)).toBeNull();
    expect(await store.authenticateApiKey('not a key')).toBeNull();
    expect(await store.revokeApiKey(key.id)).toBe(true);
    expect(await store.revokeApiKey(key.id)).toBe(false);
    expect(await store.authenticateApiKey(secret)).toBeNull();
    expect((await store.listApiKeys())[0]!.revokedAt).toEqual(expect.any(String));
  });

  it('reports each statement it runs to an observer, with its time, until the observer is removed; and its size', async () => {
    const seen: { sql: string; milliseconds: number }[] = [];
    const stop = store.observeStatements((sql, _startedAt, milliseconds) => seen.push({ sql, milliseconds }));
    await store.countEvents(null);
    stop();
    await store.countEvents(null);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.sql).toMatch(/count/i);
    expect(seen[0]!.milliseconds).toBeGreaterThanOrEqual(0);
    expect(await store.databaseSizeBytes()).toBeGreaterThan(1_000_000);
  });

  it('answers an empty database with empty pages and zero counts', async () => {
    expect(await store.listEvents(null, [], { first: 5 })).toEqual({
      rows: [],
      cursors: [],
      hasNextPage: false,
      hasPreviousPage: false,
    });
    expect(await store.countEvents(null)).toBe(0);
    expect(await store.eventsByIds([])).toEqual([]);
    expect(await store.participantsByEventIds([1, 2])).toEqual([]);
  });

  it('refuses a filter or a search it cannot answer as the caller would', async () => {
    await expect(store.listEvents({ actors: ['nobody'] }, [], {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.listEvents({ from: '2014-13' }, [], {})).rejects.toMatchObject({ code: 'INVALID_DATE' });
    await expect(store.listEvents(null, [], { first: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.listEvents(null, [], { after: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(store.search('"x', null, {})).rejects.toMatchObject({ code: 'INVALID_SEARCH', argument: 'query' });
    await expect(store.listActors({ text: 'x OR' }, {})).rejects.toMatchObject({ code: 'INVALID_SEARCH' });
  });

  it('reports itself readable and writable', async () => {
    expect(await store.checkStorage()).toMatchObject({ readable: { ok: true }, writable: { ok: true } });
  });
});

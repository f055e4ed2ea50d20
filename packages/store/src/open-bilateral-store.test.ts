import { describe, expect, it } from 'vitest';
import { StorageError } from './errors/storage-error.ts';
import { openBilateralStore } from './open-bilateral-store.ts';
import { fixtureSeedsDir } from './testing/fixture-store.ts';

describe('openBilateralStore', () => {
  it('opens the SQLite file at `path` when there is no DATABASE_URL, and answers through the interface', async () => {
    for (const databaseUrl of [undefined, '', '  ']) {
      const store = openBilateralStore({ databaseUrl, path: ':memory:' });
      const report = await store.loadSeeds(fixtureSeedsDir);
      expect(report.created).toBeGreaterThan(0);
      expect(await store.countEvents(null)).toBeGreaterThan(0);
      expect(store.readOnly).toBe(false);
      await store.close();
    }
  });

  it('opens PostgreSQL for a postgres:// URL, and reports an unreachable server as STORAGE_UNAVAILABLE without its password', async () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    for (const databaseUrl of ['postgres://user:hunter2@127.0.0.1:1/bilateral', 'postgresql://127.0.0.1:1/bilateral']) {
      const store = openBilateralStore({ databaseUrl });
      const refusal = await store.countSources().catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(StorageError);
      expect((refusal as StorageError).code).toBe('STORAGE_UNAVAILABLE');
      expect((refusal as Error).message).not.toContain('hunter2');
      await store.close();
    }
  });

  it('opens PostgreSQL read-only for READ_ONLY, saying so before it has connected', async () => {
    const store = openBilateralStore({ databaseUrl: 'postgres://127.0.0.1:1/bilateral', readOnly: true });
    expect(store.readOnly).toBe(true);
    await expect(store.countSources()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(await store.checkStorage()).toMatchObject({ mode: 'read-only', readable: { ok: false }, writable: null });
    await store.close();
  });

  it('refuses a DATABASE_URL that is not a URL, or of another database', () => {
    expect(() => openBilateralStore({ databaseUrl: 'not a url' })).toThrow(/^DATABASE_URL is not a URL/);
    expect(() => openBilateralStore({ databaseUrl: 'mysql://db/bilateral' })).toThrow(
      /^DATABASE_URL must be a postgres:\/\/ URL, not mysql:/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, openBilateralStore } from './open-bilateral-store.ts';
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

  it('refuses a PostgreSQL URL, for now, without echoing its password', () => {
    for (const databaseUrl of ['postgres://user:hunter2@db:5432/bilateral', 'postgresql://db/bilateral']) {
      let refusal: unknown;
      try {
        openBilateralStore({ databaseUrl, path: ':memory:' });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DatabaseUrlError);
      expect((refusal as Error).message).toMatch(/^DATABASE_URL names a PostgreSQL database.*unset DATABASE_URL/);
      expect((refusal as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses a DATABASE_URL that is not a URL, or of another database', () => {
    expect(() => openBilateralStore({ databaseUrl: 'not a url' })).toThrow(/^DATABASE_URL is not a URL/);
    expect(() => openBilateralStore({ databaseUrl: 'mysql://db/bilateral' })).toThrow(
      /^DATABASE_URL must be a postgres:\/\/ URL, not mysql:/,
    );
  });
});

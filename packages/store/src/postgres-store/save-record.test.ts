// What only PostgreSQL does on a write: roll it back for a conflict. The rules every write keeps on
// both databases are tested once for both in curation/save-record.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { emptyPgliteStore } from '../postgres/testing/pglite.ts';
import { fixtureSeedsDir, fixtureVisit } from '../testing/fixture-store.ts';
import { postgresStore } from './postgres-store.ts';
import { WRITE_ATTEMPTS } from './save-record.ts';

describe('saveRecord on PostgreSQL', () => {
  let postgres: BilateralStore;
  beforeAll(async () => {
    postgres = postgresStore(emptyPgliteStore());
    await postgres.loadSeeds(fixtureSeedsDir);
  }, 120_000);
  afterAll(() => postgres.close());

  it('runs a write again when PostgreSQL rolls it back for a conflict, and answers BUSY, writing nothing, when conflicts persist', async () => {
    const editor = { keyId: (await postgres.createApiKey('write', 'retries')).key.id };
    const conflict = (code: string) => Object.assign(new Error('could not serialize access'), { code });
    let calls = 0;
    const saved = await postgres.saveRecord(
      'event',
      {
        operation: 'create',
        change: () => {
          calls++;
          if (calls === 1) throw conflict('40P01');
          return fixtureVisit('2019-retried-visit');
        },
      },
      editor,
    );
    expect(saved).toMatchObject({ version: 1, replayed: false });
    expect(calls).toBe(2);

    calls = 0;
    const always = postgres.saveRecord(
      'event',
      {
        operation: 'create',
        change: () => {
          calls++;
          throw conflict('40001');
        },
        idempotency: { key: 'retried', operation: 'createEvent', input: {} },
      },
      editor,
    );
    await expect(always).rejects.toMatchObject({ code: 'BUSY', retryable: true });
    expect(calls).toBe(WRITE_ATTEMPTS);
    expect(await postgres.eventBySlug('2019-retried-visit')).toMatchObject({ version: 1 });
    expect(
      await postgres.saveRecord(
        'event',
        {
          operation: 'create',
          change: () => fixtureVisit('2019-after-busy'),
          idempotency: { key: 'retried', operation: 'createEvent', input: {} },
        },
        editor,
      ),
    ).toMatchObject({ version: 1, replayed: false });
  });
});

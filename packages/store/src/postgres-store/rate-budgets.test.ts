import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openPostgresStore } from '../postgres/client.ts';
import { itRequiresPostgresServerInCI, postgresServerInstalled, throwawayServer } from '../postgres/testing/server.ts';
import { postgresStore } from './postgres-store.ts';

const installed = postgresServerInstalled('the shared rate budget tests on a PostgreSQL server');
itRequiresPostgresServerInCI(installed);

describe.skipIf(!installed)('a points budget kept in PostgreSQL', () => {
  const server = throwawayServer();
  let stores: BilateralStore[];

  beforeAll(async () => {
    const url = await server().createDatabase('budgets');
    // Two processes' stores on one database.
    stores = [postgresStore(openPostgresStore(url)), postgresStore(openPostgresStore(url))];
    await stores[0]!.countSources();
  }, 120_000);
  afterAll(async () => {
    for (const store of stores ?? []) await store.close();
  });

  it('is one budget per client across processes, refused with the time until the points are back', async () => {
    const [first, second] = stores.map((store) => store.sharedPointsBudget(60)!);
    expect(await first!.spend('ip:192.0.2.1', 40)).toBeUndefined();
    expect(await second!.spend('ip:192.0.2.1', 20)).toBeUndefined();
    // 60 points a minute refill one a second: 10 more are about 10 s away.
    const refused = await first!.spend('ip:192.0.2.1', 10);
    expect(refused?.retryAfter).toBeGreaterThanOrEqual(9);
    expect(refused?.retryAfter).toBeLessThanOrEqual(10);
    // Another client's budget is its own.
    expect(await second!.spend('ip:192.0.2.2', 60)).toBeUndefined();
  });

  it('counts every one of many charges made at once from two processes, none twice', async () => {
    const budgets = stores.map((store) => store.sharedPointsBudget(30)!);
    const answers = await Promise.all(Array.from({ length: 80 }, (_, n) => budgets[n % 2]!.spend('key:7', 1)));
    const paid = answers.filter((answer) => answer === undefined).length;
    // 30 at once, and at most one more refilled (half a point a second) while they run.
    expect(paid).toBeGreaterThanOrEqual(30);
    expect(paid).toBeLessThanOrEqual(31);
  });

  it('costs one statement per charge', async () => {
    const statements: string[] = [];
    const stop = stores[0]!.observeStatements((sql) => statements.push(sql));
    await stores[0]!.sharedPointsBudget(100)!.spend('ip:192.0.2.3', 1);
    stop();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^\s*insert into rate_budgets/);
  });

  it('refuses to keep a budget on a database that takes no writes, rather than let the client through unlimited', async () => {
    // A standby refuses writes as default_transaction_read_only does: SQLSTATE 25006.
    const url = await server().createDatabase('budgets_refused');
    const migrated = postgresStore(openPostgresStore(url));
    await migrated.countSources();
    await migrated.close();
    await server().execute('alter database budgets_refused set default_transaction_read_only = on');
    const refusing = postgresStore(openPostgresStore(url));
    const readOnly = postgresStore(openPostgresStore(url, { readOnly: true }), { readOnly: true });
    try {
      await expect(refusing.sharedPointsBudget(60)!.spend('ip:192.0.2.4', 1)).rejects.toMatchObject({
        code: 'STORAGE_READ_ONLY',
      });
      // Opened read-only: no shared budget is offered at all, so the server keeps one in memory.
      expect(readOnly.sharedPointsBudget(60)).toBeUndefined();
    } finally {
      await refusing.close();
      await readOnly.close();
    }
  });
});

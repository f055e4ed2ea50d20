import { type PointsBudget, StorageError } from '@bilateral/store';
import { describe, expect, it, vi } from 'vitest';
import { rateLimitFromEnv } from '../limits/rate-limit.ts';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { createBilateralYoga } from '../yoga.ts';
import { expectRefused, send } from './harness.ts';

const api = useFixtureApi();
const EVENT_PAGE = '{ events(first: 10) { edges { node { slug title } } } }';

/** A Yoga handler with a points budget and a clock the test moves. */
function limitedApi(pointsPerMinute: number, trustedProxies = 1) {
  const clock = { now: 0 };
  const yoga = createBilateralYoga({
    store: api.store,
    logging: false,
    rateLimit: { pointsPerMinute, trustedProxies, now: () => clock.now },
  });
  return { yoga, clock };
}

const ANOTHER_CLIENT = { 'x-forwarded-for': '203.0.113.250' };

const from = (address: string, query = EVENT_PAGE) => ({
  body: { query },
  headers: { 'x-forwarded-for': address },
});

describe('the points budget per client', () => {
  it('is off unless RATE_LIMIT_POINTS_PER_MINUTE is set, and trusts proxies only when TRUST_PROXY says so', () => {
    expect(rateLimitFromEnv({})).toBeUndefined();
    expect(rateLimitFromEnv({ RATE_LIMIT_POINTS_PER_MINUTE: '0' })).toBeUndefined();
    expect(rateLimitFromEnv({ RATE_LIMIT_POINTS_PER_MINUTE: '5000' })).toEqual({
      pointsPerMinute: 5000,
      trustedProxies: 0,
    });
    expect(rateLimitFromEnv({ RATE_LIMIT_POINTS_PER_MINUTE: '5000', TRUST_PROXY: 'true' })).toMatchObject({
      trustedProxies: 1,
    });
    expect(rateLimitFromEnv({ RATE_LIMIT_POINTS_PER_MINUTE: '5000', TRUST_PROXY: '2' })).toMatchObject({
      trustedProxies: 2,
    });
  });

  it('answers 429 RATE_LIMITED with Retry-After once a client has spent its points, and refills with time', async () => {
    const { yoga, clock } = limitedApi(5_000);
    const first = await send(yoga, from('203.0.113.7'));
    const cost = first.body.extensions?.cost as number;
    expect(cost).toBeGreaterThan(1);
    for (let spent = cost; spent + cost <= 5_000; spent += cost)
      expect((await send(yoga, from('203.0.113.7'))).status).toBe(200);
    const refused = await expectRefused(yoga, from('203.0.113.7'), 'RATE_LIMITED', 429, ANOTHER_CLIENT);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ retryAfter, limit: 5_000 });
    // expectRefused's plain query comes from no forwarded address, a client of its own.
    clock.now += retryAfter * 1000;
    expect((await send(yoga, from('203.0.113.7'))).status).toBe(200);
  });

  it('refuses a client whose bucket is empty before parsing, for any document', async () => {
    const { yoga } = limitedApi(1_100);
    expect((await send(yoga, from('198.51.100.1'))).status).toBe(200);
    while ((await send(yoga, from('198.51.100.1', '{ __typename }'))).status === 200);
    const refused = await expectRefused(
      yoga,
      from('198.51.100.1', '{ ...A } fragment A on Query { ...A }'),
      'RATE_LIMITED',
      429,
    );
    expect(refused.text).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(refused.body.extensions).toEqual({ cost: 0 });
  });

  it('keeps a separate budget per forwarded client address when a proxy is trusted', async () => {
    const { yoga } = limitedApi(5_000);
    while ((await send(yoga, from('192.0.2.1'))).status === 200);
    await expectRefused(yoga, from('192.0.2.1'), 'RATE_LIMITED', 429, ANOTHER_CLIENT);
    expect((await send(yoga, from('192.0.2.2'))).status).toBe(200);
    // Only the address the trusted proxy added counts: a client cannot pick a fresh one itself.
    await expectRefused(yoga, from('10.9.9.9, 192.0.2.1'), 'RATE_LIMITED', 429, ANOTHER_CLIENT);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const { yoga, clock } = limitedApi(5_000, 0);
    while ((await send(yoga, from('192.0.2.10'))).status === 200);
    const refused = await send(yoga, from('192.0.2.11'));
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    clock.now += Number(refused.headers.get('retry-after')) * 1000;
    expect((await send(yoga, from('192.0.2.11'))).status).toBe(200);
  });

  it('charges a request with a valid API key to the key, not the address', async () => {
    const { yoga } = limitedApi(5_000);
    const { secret } = await api.store.createApiKey('read', 'rate limit test key');
    const withKey = {
      ...from('192.0.2.20'),
      headers: { 'x-forwarded-for': '192.0.2.20', authorization: `Bearer ${secret}` },
    };
    while ((await send(yoga, from('192.0.2.20'))).status === 200);
    expect((await send(yoga, withKey)).status).toBe(200);
  });

  it('refuses an operation that costs more than the points left, without running it', async () => {
    const { yoga } = limitedApi(1_100);
    const heavy = '{ events(first: 100) { edges { node { slug } } } }';
    const answer = await expectRefused(yoga, from('192.0.2.30', heavy), 'RATE_LIMITED', 429, ANOTHER_CLIENT);
    expect(answer.body).not.toHaveProperty('data.events');
  });

  it('keeps the budget in memory, never unlimited, while the database cannot keep the shared one (a hot standby), and shares it again once it can', async () => {
    const clock = { now: 0 };
    let standby = true;
    const sharedCharges: string[] = [];
    const shared: PointsBudget = {
      async spend(client) {
        if (standby)
          throw new StorageError(
            'STORAGE_READ_ONLY',
            'PostgreSQL 25006: cannot execute INSERT in a read-only transaction',
          );
        sharedCharges.push(client);
        return undefined;
      },
    };
    // The fixture store with a database budget that a standby refuses to write.
    const store = new Proxy(api.store, {
      get: (target, name, receiver) =>
        name === 'sharedPointsBudget' ? () => shared : Reflect.get(target, name, receiver),
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const yoga = createBilateralYoga({
        store,
        logging: false,
        rateLimit: { pointsPerMinute: 5_000, trustedProxies: 1, now: () => clock.now },
      });
      while ((await send(yoga, from('192.0.2.40'))).status === 200);
      await expectRefused(yoga, from('192.0.2.40'), 'RATE_LIMITED', 429, ANOTHER_CLIENT);
      expect(warn.mock.calls.flat().join('\n')).toMatch(/takes no writes.*in this process’s memory/);
      // Promoted: after a few seconds the shared budget is asked again and charged.
      standby = false;
      clock.now += 6_000;
      expect((await send(yoga, from('192.0.2.41'))).status).toBe(200);
      expect(sharedCharges).toContain('ip:192.0.2.41');
      expect(log.mock.calls.flat().join('\n')).toMatch(/shared by every process once more/);
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });
});

/**
 * Storage faults as the API answers them: the code, `extensions.retryable`, HTTP 503 with
 * `Retry-After` where waiting helps, one log line without a stack, nothing written, reads still
 * answered, and a retry with the same idempotency key that succeeds once the fault is gone. The
 * SDK surfaces the same as a BilateralError with `retryable`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BilateralError, createClient } from '@bilateral/sdk';
import { type BilateralStore, type OpenStoreOptions, openSqliteStore } from '@bilateral/store';
import { sqliteDatabaseOf, writeFixtureDatabase } from '@bilateral/store/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventInputs } from './testing/write-api.ts';
import { createBilateralYoga } from './yoga.ts';

const CREATE = `mutation ($input: EventInput!, $key: String) {
  createEvent(input: $input, idempotencyKey: $key) { replayed event { slug } userErrors { code } } }`;
const READ = '{ events(first: 100) { totalCount edges { node { slug } } } }';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.restoreAllMocks();
});

/** A database file with the fixture data and a write key; `reopen` opens it again with other options. */
function fixtureDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-storage-'));
  const path = join(dir, 'store.db');
  const secret = writeFixtureDatabase(path, 'write', 'storage test');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const open = (options?: OpenStoreOptions): BilateralStore => {
    const store = openSqliteStore(path, options);
    cleanups.push(() => sqliteDatabaseOf(store).$client.open && store.close());
    return store;
  };
  return { path, secret, open };
}

/** A Yoga handler that logs like the server does; `post` returns the HTTP response and its body. */
function api(store: BilateralStore, secret: string) {
  const yoga = createBilateralYoga({ store, audit: () => {} });
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://bilateral.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${secret}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: await response.json() };
  };
  return { yoga, post };
}

const inputs = eventInputs('storage');

/** The refused write's answer, the operator log it made, and that reads still answer and saw nothing new. */
async function expectRefused(
  post: ReturnType<typeof api>['post'],
  input: Record<string, unknown>,
  key: string,
  expected: { code: string; retryable: boolean; retryAfter: string | null },
) {
  const before = await post(READ);
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { response, body } = await post(CREATE, { input, key });
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe(expected.retryAfter);
  expect(body.data?.createEvent ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: expected.code, retryable: expected.retryable });
  expect(body.errors[0].message).not.toMatch(/SQLITE|\.db|\n/);

  const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    new RegExp(`^storage error ${expected.code} \\(retryable: ${expected.retryable}\\): SQLITE_`),
  );
  expect(lines[0]).not.toMatch(/\n|\bat /);
  logged.mockRestore();

  const after = await post(READ);
  expect(after.body.errors).toBeUndefined();
  expect(after.body.data).toEqual(before.body.data);
}

async function expectRetrySucceeds(post: ReturnType<typeof api>['post'], input: Record<string, unknown>, key: string) {
  const first = await post(CREATE, { input, key });
  expect(first.body.errors).toBeUndefined();
  expect(first.body.data.createEvent).toEqual({ replayed: false, event: { slug: input.slug }, userErrors: [] });
  expect((await post(CREATE, { input, key })).body.data.createEvent.replayed).toBe(true);
}

describe('storage faults through the API', () => {
  it('a full disk answers STORAGE_FULL, retryable after 60 s, and the same key succeeds once there is room', async () => {
    const { secret, open } = fixtureDatabase();
    const store = open();
    const { post } = api(store, secret);
    const pages = sqliteDatabaseOf(store).$client.pragma('page_count', { simple: true }) as number;
    sqliteDatabaseOf(store).$client.pragma(`max_page_count = ${pages}`);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (let filled = 0; filled < 500; filled++) {
      const { body } = await post(CREATE, { input: inputs() });
      if (body.errors) break;
    }
    vi.restoreAllMocks();

    const input = inputs();
    await expectRefused(post, input, 'full-1', { code: 'STORAGE_FULL', retryable: true, retryAfter: '60' });
    sqliteDatabaseOf(store).$client.pragma(`max_page_count = ${pages * 4}`);
    await expectRetrySucceeds(post, input, 'full-1');
  });

  it('a read-only database answers STORAGE_READ_ONLY, not retryable and without Retry-After, and serves reads', async () => {
    const { secret, open } = fixtureDatabase();
    const { post } = api(open({ readOnly: true }), secret);
    const input = inputs();
    await expectRefused(post, input, 'ro-1', { code: 'STORAGE_READ_ONLY', retryable: false, retryAfter: null });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { body } = await post(CREATE, { input, key: 'ro-1' });
    expect(body.errors[0].message).toMatch(/serves the database read-only/);
    expect((await post(READ)).body.data.events.totalCount).toBeGreaterThan(0);

    await expectRetrySucceeds(api(open(), secret).post, input, 'ro-1');
  });

  it('a lock held past the busy timeout answers BUSY, retryable after 1 s, and the same key succeeds once it is released', async () => {
    const { secret, open } = fixtureDatabase();
    const { post } = api(open({ busyTimeoutMs: 50 }), secret);
    const other = open();
    sqliteDatabaseOf(other).$client.exec('begin immediate');
    const input = inputs();
    await expectRefused(post, input, 'busy-1', { code: 'BUSY', retryable: true, retryAfter: '1' });
    sqliteDatabaseOf(other).$client.exec('rollback');
    await expectRetrySucceeds(post, input, 'busy-1');
  });

  it('reaches SDK callers as a BilateralError with the code, retryable and the Retry-After seconds', async () => {
    const { secret, open } = fixtureDatabase();
    const { yoga } = api(open({ busyTimeoutMs: 20 }), secret);
    const client = createClient({
      url: 'http://bilateral.test/graphql',
      apiKey: secret,
      fetch: async (input, init) => yoga.fetch(input as string, init as never),
    });
    const other = open();
    sqliteDatabaseOf(other).$client.exec('begin immediate');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await client.createEvent({ input: inputs() as never, idempotencyKey: 'sdk-1' }).catch((e) => e);
    sqliteDatabaseOf(other).$client.exec('rollback');
    expect(error).toBeInstanceOf(BilateralError);
    expect(error).toMatchObject({ code: 'BUSY', retryable: true, retryAfterSeconds: 1, status: 503 });

    const notFound = await client.event({ slug: 'no-such-event' }).catch((e) => e);
    expect(notFound).toMatchObject({ code: 'NOT_FOUND', retryable: false, retryAfterSeconds: undefined });
  });
});

describe('/health and /ready', () => {
  const get = async (store: BilateralStore, path: string) => {
    const response = await createBilateralYoga({ store, logging: false }).fetch(`http://bilateral.test${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  };

  it('/health answers 200 while the process runs, whatever the database', async () => {
    const { open } = fixtureDatabase();
    const store = open();
    store.close();
    const health = await get(store, '/health');
    expect(health).toMatchObject({ status: 200, type: 'application/json', body: { status: 'ok' } });
  });

  it('/ready is 200 when the database can be read and written', async () => {
    const { open } = fixtureDatabase();
    const ready = await get(open(), '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      mode: 'read-write',
      checks: { readable: { ok: true }, writable: { ok: true, detail: expect.stringMatching(/MiB free/) } },
    });
  });

  it('/ready is 200 in read-only mode without a writable check', async () => {
    const { open } = fixtureDatabase();
    const ready = await get(open({ readOnly: true }), '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', mode: 'read-only', checks: { writable: null } });
  });

  it('/ready is 503 and says why when the database cannot be read', async () => {
    const { open } = fixtureDatabase();
    const store = open();
    store.close();
    const ready = await get(store, '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not ready', checks: { readable: { ok: false } } });
  });
});

/**
 * The server on PostgreSQL where it must not write, through the API (yoga.fetch) on a real server:
 * READ_ONLY=true (sessions read-only), and a database that takes no writes without READ_ONLY (a
 * hot standby, simulated with `default_transaction_read_only = on` on the database, which is how a
 * standby's sessions refuse writes: SQLSTATE 25006). Reads and /ready answer; every write answers
 * STORAGE_READ_ONLY, not retryable, and nothing is written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BilateralStore, openBilateralStore } from '@bilateral/store';
import { fixtureSeedsDir } from '@bilateral/store/testing';
import {
  itRequiresPostgresServerInCI,
  postgresServerInstalled,
  throwawayServer,
} from '@bilateral/store/testing/postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabaseForServing } from './open-database.ts';
import { eventInputs } from './testing/write-api.ts';
import { createBilateralYoga } from './yoga.ts';

const CREATE = `mutation ($input: EventInput!, $key: String) {
  createEvent(input: $input, idempotencyKey: $key) { event { slug } userErrors { code } } }`;
const MERGE =
  'mutation ($from: ID!, $into: ID!) { mergeActors(from: $from, into: $into, reason: "One state.") { actor { slug } } }';
const READ =
  '{ events(first: 10) { totalCount edges { node { slug } } } actors(first: 10) { totalCount edges { node { id slug } } } }';
const inputs = eventInputs('postgres-read-only');

const opened: BilateralStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) await store.close();
});

/** The server's store for `env`, opened as the server opens it (the SQLite path is never used). */
async function serving(env: Record<string, string>) {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const path = join(mkdtempSync(join(tmpdir(), 'bilateral-pg-ro-')), 'unused.db');
  const store = await openDatabaseForServing(path, { LOAD_SEEDS: '0', ...env });
  opened.push(store);
  return store;
}

function api(store: BilateralStore, secret: string) {
  const yoga = createBilateralYoga({ store, audit: () => {} });
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://bilateral.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  };
  const ready = async () => {
    const response = await yoga.fetch('http://bilateral.test/ready');
    return { status: response.status, body: await response.json() };
  };
  return { post, ready };
}

/** Reads answer; a create and a merge answer STORAGE_READ_ONLY with `message`; nothing was written. */
async function expectReadsAndNoWrites({ post }: ReturnType<typeof api>, message: RegExp) {
  const before = await post(READ);
  expect(before.body.data.events.totalCount).toBe(3);
  const actorId = (slug: string) =>
    before.body.data.actors.edges.find(({ node }: { node: { slug: string } }) => node.slug === slug).node.id;
  vi.spyOn(console, 'error').mockImplementation(() => {});
  for (const [query, variables] of [
    [CREATE, { input: inputs(), key: 'read-only-1' }],
    [MERGE, { from: actorId('soviet-union'), into: actorId('russia') }],
  ] as const) {
    const { status, body } = await post(query, variables);
    expect(status, query).toBe(503);
    expect(body.errors, query).toHaveLength(1);
    expect(body.errors[0].extensions, query).toEqual({ code: 'STORAGE_READ_ONLY', retryable: false });
    expect(body.errors[0].message, query).toMatch(message);
  }
  expect(await post(READ)).toEqual(before);
}

const installed = postgresServerInstalled('the PostgreSQL read-only and standby API tests');
itRequiresPostgresServerInCI(installed);

describe.runIf(installed)('the API on PostgreSQL where it must not write', { timeout: 120_000 }, () => {
  const server = throwawayServer();

  /** A migrated database with the fixture data and a write key, written by a read-write store. */
  async function fixtureDatabase(name: string) {
    const url = await server().createDatabase(name);
    const writer = openBilateralStore({ databaseUrl: url });
    await writer.loadSeeds(fixtureSeedsDir);
    const { secret } = await writer.createApiKey('write', 'read-only test');
    await writer.close();
    return { url, secret };
  }

  it('READ_ONLY=true: read-only sessions, reads and /ready answer, every write is STORAGE_READ_ONLY', async () => {
    const { url, secret } = await fixtureDatabase('read_only');
    const store = await serving({ DATABASE_URL: url, READ_ONLY: 'true' });
    expect(store.readOnly).toBe(true);
    const readOnly = api(store, secret);
    await expectReadsAndNoWrites(readOnly, /^This server serves the database read-only, so nothing was written/);
    expect(await readOnly.ready()).toMatchObject({
      status: 200,
      body: { status: 'ready', mode: 'read-only', checks: { readable: { ok: true }, writable: null } },
    });
    // The same database still takes writes from a server without READ_ONLY.
    const writable = api(await serving({ DATABASE_URL: url }), secret);
    expect((await writable.post(CREATE, { input: inputs() })).body.data.createEvent.event).not.toBeNull();
  });

  it('a database that takes no writes (a standby) without READ_ONLY: starts, reads answer, writes are STORAGE_READ_ONLY, /ready says to set READ_ONLY', async () => {
    const { url, secret } = await fixtureDatabase('standby');
    await server().execute('alter database standby set default_transaction_read_only = on');

    const store = await serving({ DATABASE_URL: url });
    expect(store.readOnly).toBe(false);
    const standby = api(store, secret);
    await expectReadsAndNoWrites(standby, /^The database accepts no writes here \(a read-only standby/);
    expect(await standby.ready()).toMatchObject({
      status: 503,
      body: {
        mode: 'read-write',
        checks: {
          readable: { ok: true },
          writable: { ok: false, detail: expect.stringContaining('set READ_ONLY=true') },
        },
      },
    });
    // With READ_ONLY the same standby is ready: refusing writes is then the design.
    expect((await api(await serving({ DATABASE_URL: url, READ_ONLY: 'true' }), secret).ready()).status).toBe(200);
  });

  it('refuses to start read-only, in one line, on a database that lacks migrations', async () => {
    const url = await server().createDatabase('unmigrated');
    await expect(serving({ DATABASE_URL: url, READ_ONLY: 'true' })).rejects.toThrow(
      /^cannot use the database DATABASE_URL names: storage error STORAGE_READ_ONLY \(retryable: false\): the PostgreSQL database lacks \d+ migration\(s\)/,
    );
  });
});

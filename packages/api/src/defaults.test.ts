// Every default of docs/operating.md's settings table, checked as what the server does when the
// setting is absent, not as the value a parser returns. The table is read from the guide, so a new
// row fails here until its default has a check.
//
// DATABASE_PATH cannot be left out (its default is the developer's own database), nor PORT on a
// shared machine (4000 may be taken). So one server runs with nothing but a temporary database, in a
// network namespace of its own (`unshare -rn`: port 4000 is free there and nothing outside can
// connect), and is read from /proc; the other gets a free port on 127.0.0.1 as well, and is asked over
// HTTP. The database connection is checked in-process, opened by the function server.ts opens it with,
// given an environment without settings.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBilateralStore, resolveDatabasePath } from '@bilateral/store';
import { sqliteDatabaseOf } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './hostile/harness.ts';
import { admissionFromEnv } from './limits/costly-admission.ts';
import { rateLimitFromEnv } from './limits/rate-limit.ts';
import { openDatabaseForServing } from './open-database.ts';
import { useFixtureApi } from './testing/fixture-api.ts';
import { type ServerProcess, startServer } from './testing/server-process.ts';
import { createBilateralYoga } from './yoga.ts';

const root = join(import.meta.dirname, '../../..');
/** The variables of the settings table, in its order. */
const SETTINGS = [
  ...readFileSync(join(root, 'docs/operating.md'), 'utf8')
    .split('## Settings')[1]!
    .split('\n## ')[0]!
    .matchAll(/^\| `([A-Z_]+)` \|/gm),
].map(([, name]) => name ?? '');

/** Every setting, left out of the environment. */
const NO_SETTINGS = Object.fromEntries(SETTINGS.map((name) => [name, undefined]));

const dir = mkdtempSync(join(tmpdir(), 'bilateral-defaults-'));
const servers: ServerProcess[] = [];
const fixture = useFixtureApi();

/** The server with no setting but its database, in a network namespace of its own: what it listens on and what it forks. */
let isolated: { pid: number; output: string };
/** The server with nothing but a free port on 127.0.0.1 and a temporary database. */
let url: string;

beforeAll(async () => {
  const bare = startServer(
    { ...NO_SETTINGS, DATABASE_PATH: join(dir, 'isolated.db') },
    { launcher: ['unshare', '-rn'] },
  );
  const local = startServer({ ...NO_SETTINGS, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'local.db') });
  servers.push(bare, local);
  [, url] = await Promise.all([bare.listening, local.listening]);
  isolated = { pid: bare.child.pid!, output: bare.output() };
}, 120_000);

afterAll(() => {
  for (const server of servers) server.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Sockets the process's network namespace has listening, as `address:port` in /proc's hex. */
const listening = (pid: number) =>
  ['tcp', 'tcp6'].flatMap((file) =>
    readFileSync(`/proc/${pid}/net/${file}`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[3] === '0A')
      .map((columns) => columns[1]),
  );

const DEFAULT_BEHAVIOUR: Record<string, () => Promise<void> | void> = {
  PORT: () => {
    expect(isolated.output).toContain('GraphiQL at http://localhost:4000/graphql');
    expect(listening(isolated.pid).some((socket) => socket?.endsWith(':0FA0'))).toBe(true);
  },
  HOST: () => {
    // Every interface: the unspecified address, IPv6 (dual-stack) or IPv4.
    expect(listening(isolated.pid)).toContainEqual(expect.stringMatching(/^0+:0FA0$/));
  },
  CORS_ORIGINS: async () => {
    // Any origin may read: `*`, to a preflight and to the request itself.
    for (const origin of ['https://app.example.org', 'http://localhost:5173']) {
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status, origin).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBe('*');
      const answer = await post({ query: '{ eventKinds { kind } }' }, { origin });
      expect(answer.headers.get('access-control-allow-origin'), origin).toBe('*');
    }
  },
  DATABASE_PATH: () => {
    // The one default no test can use without writing the developer's database: checked as the path
    // the server resolves (server.ts calls resolveDatabasePath() with no argument).
    expect(resolveDatabasePath(undefined)).toBe(join(root, 'data/bilateral.db'));
  },
  DATABASE_URL: () => {
    // Unset: the server keeps its data in the SQLite file at DATABASE_PATH, which it created.
    expect(readFileSync(join(dir, 'local.db')).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  },
  DURABILITY: async () => {
    // full: the connection the server writes through fsyncs every commit (PRAGMA synchronous = FULL, 2).
    const store = await openDatabaseForServing(join(dir, 'durability.db'), {}, { seeds: false });
    try {
      expect(sqliteDatabaseOf(store).$client.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
    }
  },
  READ_ONLY: async () => {
    const store = await openBilateralStore({ path: join(dir, 'local.db') });
    const { secret } = await store.createApiKey('write', 'defaults test');
    await store.close();
    const { data } = await (
      await post({ query: '{ event(slug: "2014-06-russia-lifts-arms-embargo-on-pakistan") { id } }' })
    ).json();
    const written = await (
      await post(
        {
          query:
            'mutation ($id: ID!, $patch: EventPatch!) { updateEvent(id: $id, patch: $patch) { event { place } userErrors { message } } }',
          variables: { id: data.event.id, patch: { place: 'Moscow, by decree' } },
        },
        { authorization: `Bearer ${secret}` },
      )
    ).json();
    expect(written).toMatchObject({ data: { updateEvent: { event: { place: 'Moscow, by decree' }, userErrors: [] } } });
  },
  // Unset, each serving process runs one costly query at a time with four waiting (costly-admission.test.ts checks the gate itself).
  COSTLY_REQUESTS_AT_ONCE: () => expect(admissionFromEnv({}).running).toBe(1),
  COSTLY_REQUESTS_WAITING: () => expect(admissionFromEnv({}).waiting).toBe(4),
  RATE_LIMIT_POINTS_PER_MINUTE: async () => {
    // Off: a burst spends far more points than any budget in docs/limits.md's examples, none refused.
    let spent = 0;
    while (spent < 20_000) {
      const response = await post({
        query: '{ events(first: 100) { edges { node { slug participants { role } } } } }',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('retry-after')).toBeNull();
      spent += (await response.json()).extensions.cost;
    }
  },
  TRUST_PROXY: async () => {
    // 0: X-Forwarded-For is ignored, so a client cannot claim a fresh budget by sending another address.
    const yoga = createBilateralYoga({
      store: fixture.store,
      logging: false,
      rateLimit: rateLimitFromEnv({ RATE_LIMIT_POINTS_PER_MINUTE: '1100' }),
    });
    const from = (address: string) => ({
      body: { query: '{ events(first: 10) { edges { node { slug } } } }' },
      headers: { 'x-forwarded-for': address },
    });
    let address = 0;
    while ((await send(yoga, from(`192.0.2.${++address}`))).status === 200) expect(address).toBeLessThan(100);
    expect((await send(yoga, from(`192.0.2.${++address}`))).status).toBe(429);
  },
  TRUSTED_DOCUMENTS_ONLY: async () => {
    // false: a document sent as text runs.
    const answer = await post({ query: '{ eventKinds { kind } }' });
    expect(answer.status).toBe(200);
    expect((await answer.json()).data.eventKinds.length).toBeGreaterThan(0);
  },
  SOURCES_DIR: async () => {
    // unset: citations carry no passage text.
    const answer = await post({ query: '{ events(first: 5) { edges { node { citations { passage } } } } }' });
    const events = (await answer.json()).data.events.edges as { node: { citations: { passage: string | null }[] } }[];
    const passages = events.flatMap((edge) => edge.node.citations.map((citation) => citation.passage));
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.every((passage) => passage === null)).toBe(true);
  },
  WORKERS: () => {
    // 1: the process serves by itself and forks no workers.
    const children = readdirSync(`/proc/${isolated.pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${isolated.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
    );
    expect(children).toEqual([]);
    expect(isolated.output).not.toMatch(/worker \d+ of/);
  },
  LOAD_SEEDS: async () => {
    // 1: the shipped seeds are loaded into the new database.
    const { data } = await (
      await post({ query: '{ events(first: 1) { totalCount } actors(first: 1) { totalCount } }' })
    ).json();
    expect(data.events.totalCount).toBeGreaterThan(100);
    expect(data.actors.totalCount).toBeGreaterThan(10);
  },
};

describe('a server started without settings', () => {
  it("checks every row of docs/operating.md's settings table", () => {
    expect(SETTINGS.length).toBeGreaterThan(5);
    expect(Object.keys(DEFAULT_BEHAVIOUR)).toEqual(SETTINGS);
  });

  it.each(Object.entries(DEFAULT_BEHAVIOUR))('%s: behaves as its default says', async (_setting, check) => {
    await check();
  });
});

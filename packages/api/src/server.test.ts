// The quick start, end to end: the server process creates and migrates a fresh database, loads the
// shipped seeds, and answers GraphiQL and a query, as `npx -y pnpm@10 start` does. Then the same
// with WORKERS=2: a write on one worker reaches `eventChanged` subscribers on every worker. And the
// store's scan thread, run from the bundle `start` builds beside the server's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@bilateral/store';
import { writeFixtureDatabase } from '@bilateral/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './testing/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bilateral-server-'));
const servers: ServerProcess[] = [];

afterAll(() => {
  for (const server of servers) server.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}, listeners = 1): Promise<{ url: string; output: string }> {
  const server = startServer({ DATABASE_PATH: join(dir, 'quick-start.db'), ...env }, { listeners });
  servers.push(server);
  const url = await server.listening;
  return { url, output: server.output() };
}

const post = async (url: string, query: string, variables = {}, headers: Record<string, string> = {}) =>
  (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    })
  ).json();

describe('the server process', () => {
  it('creates the database, loads the seeds and serves GraphiQL and queries', async () => {
    const { url, output } = await start();
    expect(output).toMatch(/seeds loaded \(\d+ created, 0 updated, 0 unchanged, 0 removed, 0 kept, 0 merged away\)/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<title>Bilateral');
    const { data } = await post(
      url,
      '{ event(slug: "2014-06-russia-lifts-arms-embargo-on-pakistan") { date { display precision } citations { source { slug } } } }',
    );
    expect(data.event.date.precision).toBe('MONTH');
    expect(data.event.citations.length).toBeGreaterThan(0);
    const ready = await fetch(url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', mode: 'read-write' });
  }, 60_000);

  it('listens on HOST and lets only the CORS_ORIGINS pages call it from a browser', async () => {
    const { url, output } = await start({ HOST: '127.0.0.1', CORS_ORIGINS: 'https://app.example.org' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(output).toContain('CORS: pages at https://app.example.org only');
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('https://app.example.org')).headers.get('access-control-allow-origin')).toBe(
      'https://app.example.org',
    );
    expect((await preflight('https://elsewhere.example')).status).toBe(403);
  }, 60_000);

  it('refuses to start with a CORS_ORIGINS entry that is not an origin', async () => {
    await expect(start({ CORS_ORIGINS: 'https://app.example.org/path' })).rejects.toThrow(
      /exited with 1:\nCORS_ORIGINS: "https:\/\/app.example.org\/path" is not an origin/,
    );
  }, 60_000);

  it('refuses documents sent as text with TRUSTED_DOCUMENTS_ONLY=true, and an unreadable setting', async () => {
    const trustedOnly = await start({ DATABASE_PATH: join(dir, 'trusted-only.db'), TRUSTED_DOCUMENTS_ONLY: 'true' });
    expect(trustedOnly.output).toContain('TRUSTED_DOCUMENTS_ONLY');
    const response = await fetch(trustedOnly.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ eventKinds { kind } }' }),
    });
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    await expect(start({ DATABASE_PATH: join(dir, 'unreadable.db'), TRUSTED_DOCUMENTS_ONLY: 'yes' })).rejects.toThrow(
      /TRUSTED_DOCUMENTS_ONLY must be true or false/,
    );
  }, 60_000);

  it('serves from WORKERS processes, and a write on any of them reaches subscribers on all', async () => {
    const databasePath = join(dir, 'workers.db');
    const { url, output } = await start({ DATABASE_PATH: databasePath, WORKERS: '2' }, 2);
    // Seeds are loaded once, by the primary, before the workers start.
    expect(output.match(/seeds loaded/g)).toHaveLength(1);
    expect(output).toMatch(/worker 1 of 2/);
    expect(output).toMatch(/worker 2 of 2/);
    const store = openSqliteStore(databasePath);
    const { secret } = await store.createApiKey('write', 'workers test');
    store.close();

    // The cluster hands connections to workers in turn, so four streams sit on both workers.
    const controller = new AbortController();
    const streams = await Promise.all(
      Array.from({ length: 4 }, () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query: 'subscription { eventChanged { slug version } }' }),
          signal: controller.signal,
        }),
      ),
    );
    const readers = streams.map((stream) => stream.body!.getReader());
    // By the time a stream's opening SSE comment arrives, its worker has registered the subscription
    // (hostile/http.test.ts checks that in one process): write once every stream has sent it.
    for (const first of await Promise.all(readers.map((reader) => reader.read())))
      expect(new TextDecoder().decode(first.value)).toMatch(/^:/);
    const received = readers.map(async (reader) => {
      let text = '';
      while (!text.includes('"eventChanged"')) text += new TextDecoder().decode((await reader.read()).value);
      return text;
    });
    const slug = '2014-06-russia-lifts-arms-embargo-on-pakistan';
    const { data } = await post(url, `{ event(slug: "${slug}") { id version } }`);
    const update = await post(
      url,
      'mutation ($id: ID!, $patch: EventPatch!) { updateEvent(id: $id, patch: $patch) { event { version } userErrors { message } } }',
      { id: data.event.id, patch: { place: 'Moscow' } },
      { authorization: `Bearer ${secret}` },
    );
    expect(update.data.updateEvent.userErrors).toEqual([]);
    for (const text of await Promise.all(received))
      expect(text).toContain(`"eventChanged":{"slug":"${slug}","version":${data.event.version + 1}}`);
    controller.abort();
  }, 60_000);

  it('answers filtered statistics from the scan thread the bundle runs, as the store counts them in-process', async () => {
    const databasePath = join(dir, 'scans.db');
    writeFixtureDatabase(databasePath);
    const { url, output } = await start({ DATABASE_PATH: databasePath, LOAD_SEEDS: '0' });
    expect(existsSync(join(import.meta.dirname, '../dist/scan-worker.cjs'))).toBe(true);
    const { data, errors } = await post(
      url,
      '{ eventStats(filter: { from: "2000" }, groupBy: [YEAR]) { totalCount buckets { count } } cooperationIndex(filter: { actors: ["pakistan"] }) { years { year meanGoldstein eventCount } } }',
    );
    expect(errors).toBeUndefined();
    const store = openSqliteStore(databasePath);
    try {
      const stats = await store.eventStats({ from: '2000' }, ['year']);
      expect(stats.totalCount).toBeGreaterThan(0);
      expect(data.eventStats).toEqual({
        totalCount: stats.totalCount,
        buckets: stats.buckets.map(({ count }) => ({ count })),
      });
      const years = await store.cooperationIndex({ actors: ['pakistan'] });
      expect(data.cooperationIndex.years).toEqual(
        years.map(({ year, meanGoldstein, eventCount }) => ({ year, meanGoldstein, eventCount })),
      );
    } finally {
      await store.close();
    }
    expect(output).not.toMatch(/scan thread|Error/);
  }, 60_000);
});

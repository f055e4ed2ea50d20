// The quick start, end to end: the server process creates and migrates a fresh database, loads the
// shipped seeds, and answers GraphiQL and a query, as `npx -y pnpm@10 start` does. Then the same
// with WORKERS=2: a write on one worker reaches `eventChanged` subscribers on every worker.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, createApiKey, openStore } from '@bilateral/store';
import { afterAll, describe, expect, it } from 'vitest';

const tsxLoader = join(import.meta.dirname, '../../../node_modules/tsx/dist/loader.mjs');
const dir = mkdtempSync(join(tmpdir(), 'bilateral-server-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server; resolves once `listening` servers have printed their address. */
function start(databasePath: string, env: Record<string, string> = {}, listening = 1) {
  const child = spawn(process.execPath, ['--import', tsxLoader, join(import.meta.dirname, 'server.ts')], {
    env: { ...process.env, PORT: '0', DATABASE_PATH: databasePath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise<{ url: string; output: string }>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const urls = [...output.matchAll(/GraphiQL at (http:\/\/localhost:\d+\/graphql)/g)];
      if (urls.length >= listening) resolve({ url: urls[0]![1]!, output });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
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
    const { url, output } = await start(join(dir, 'quick-start.db'));
    expect(output).toMatch(/seeds loaded \(\d+ created, 0 updated, 0 unchanged, 0 removed, 0 kept, 0 merged away\)/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<title>Bilateral');
    const { data } = await post(
      url,
      '{ event(slug: "2014-06-russia-lifts-arms-embargo-on-pakistan") { date { display precision } citations { source { slug } } } }',
    );
    expect(data.event.date.precision).toBe('MONTH');
    expect(data.event.citations.length).toBeGreaterThan(0);
  }, 60_000);

  it('serves from WORKERS processes, and a write on any of them reaches subscribers on all', async () => {
    const databasePath = join(dir, 'workers.db');
    const { url, output } = await start(databasePath, { WORKERS: '2' }, 2);
    // Seeds are loaded once, by the primary, before the workers start.
    expect(output.match(/seeds loaded/g)).toHaveLength(1);
    expect(output).toMatch(/worker 1 of 2/);
    expect(output).toMatch(/worker 2 of 2/);
    const store = openStore(databasePath);
    const { secret } = createApiKey(store, 'write', 'workers test');
    closeStore(store);

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
    const received = streams.map(async (stream) => {
      const reader = stream.body!.getReader();
      let text = '';
      while (!text.includes('"eventChanged"')) text += new TextDecoder().decode((await reader.read()).value);
      return text;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
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
      expect(text).toContain(`{"data":{"eventChanged":{"slug":"${slug}","version":${data.event.version + 1}}}}`);
    controller.abort();
  }, 60_000);
});

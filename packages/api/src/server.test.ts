// The quick start, end to end: the server process creates and migrates a fresh database, loads the
// shipped seeds, and answers GraphiQL and a query, as `npx -y pnpm@10 start` does.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsxLoader = join(import.meta.dirname, '../../../node_modules/tsx/dist/loader.mjs');
const dir = mkdtempSync(join(tmpdir(), 'bilateral-server-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function start(): Promise<{ url: string; output: string }> {
  child = spawn(process.execPath, ['--import', tsxLoader, join(import.meta.dirname, 'server.ts')], {
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'quick-start.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphiQL at (http:\/\/localhost:\d+\/graphql)/.exec(output)?.[1];
      if (url) resolve({ url, output });
    };
    child!.stdout!.on('data', collect);
    child!.stderr!.on('data', collect);
    child!.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe('the server process', () => {
  it('creates the database, loads the seeds and serves GraphiQL and queries', async () => {
    const { url, output } = await start();
    expect(output).toMatch(/seeds loaded \(\d+ created, 0 updated, 0 unchanged, 0 removed, 0 kept, 0 merged away\)/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<title>Bilateral');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ event(slug: "2014-06-russia-lifts-arms-embargo-on-pakistan") { date { display precision } citations { source { slug } } } }',
      }),
    });
    const { data } = await response.json();
    expect(data.event.date.precision).toBe('MONTH');
    expect(data.event.citations.length).toBeGreaterThan(0);
  }, 60_000);
});

// The quick start, end to end: the server process creates and migrates a fresh database, loads the
// shipped seeds, and answers GraphiQL and a query, as `npx -y pnpm@10 start` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './testing/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'bilateral-server-'));
let server: ServerProcess | undefined;

afterAll(() => {
  server?.process.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('creates the database, loads the seeds and serves GraphiQL and queries', async () => {
    server = await startServerProcess(join(dir, 'quick-start.db'));
    const { url, output } = server;
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

  it('refuses documents sent as text with TRUSTED_DOCUMENTS_ONLY=true, and an unreadable setting', async () => {
    const trustedOnly = await startServerProcess(join(dir, 'trusted-only.db'), { TRUSTED_DOCUMENTS_ONLY: 'true' });
    try {
      expect(trustedOnly.output).toContain('TRUSTED_DOCUMENTS_ONLY');
      const response = await fetch(trustedOnly.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ eventKinds { kind } }' }),
      });
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    } finally {
      trustedOnly.process.kill('SIGTERM');
    }
    await expect(startServerProcess(join(dir, 'unreadable.db'), { TRUSTED_DOCUMENTS_ONLY: 'yes' })).rejects.toThrow(
      /TRUSTED_DOCUMENTS_ONLY must be true or false/,
    );
  }, 60_000);
});

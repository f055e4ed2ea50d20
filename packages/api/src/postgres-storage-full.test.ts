/**
 * A full disk on a real PostgreSQL server, through the API: the `events` table is moved to a
 * tablespace on a small tmpfs of its own, the rest of that tmpfs is filled with a file, and writes
 * go on until the server cannot extend the table (`could not extend file …: No space left on
 * device`, SQLSTATE 53100). That write answers STORAGE_FULL, retryable, with `Retry-After`, and
 * changes nothing; once the file is deleted the same idempotency key succeeds, with no restart of
 * the server or the API. Mounting a tmpfs needs root (and a kernel that allows it here): elsewhere
 * the test is skipped with a warning, as the tests that need the server programs are.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BilateralStore, openBilateralStore } from '@bilateral/store';
import { fixtureSeedsDir } from '@bilateral/store/testing';
import {
  itRequiresPostgresServerInCI,
  type PostgresServer,
  postgresServerInstalled,
  startPostgresServer,
  totalsAt,
} from '@bilateral/store/testing/postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { executeOverHttp } from './testing/graphql.ts';
import { eventInputs } from './testing/write-api.ts';
import { createBilateralYoga } from './yoga.ts';

const CREATE = `mutation ($input: EventInput!, $key: String) {
  createEvent(input: $input, idempotencyKey: $key) { replayed event { slug } userErrors { code } } }`;
const READ = '{ events(first: 100) { totalCount edges { node { slug version } } } }';
/** Writes to try before giving up on filling the table's last page. */
const MAX_WRITES = 300;

/** Mounts a tmpfs of `size` at a new directory; undefined (and why, in `reason`) where that cannot be done. */
function mountTmpfs(size: string): { dir: string; unmount(): void } | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}` };
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the file system at `dir` with one file until it reports ENOSPC; returns the file's path. */
function fillUp(dir: string): string {
  const path = join(dir, 'filler');
  const descriptor = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 512; ) {
      try {
        writeSync(descriptor, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size /= 2;
      }
    }
  } finally {
    closeSync(descriptor);
  }
  return path;
}

const installed = postgresServerInstalled('the full-disk test of api/postgres-storage-full.test.ts');
itRequiresPostgresServerInCI(installed);
const probe = installed ? mountTmpfs('1m') : undefined;
if (probe && 'unmount' in probe) probe.unmount();
const canMount = probe !== undefined && !('reason' in probe);
if (probe && 'reason' in probe) {
  const warning = `${probe.reason}: the full-disk test of api/postgres-storage-full.test.ts SKIPPED`;
  console.warn(`\n${'!'.repeat(100)}\n!! ${warning}\n${'!'.repeat(100)}\n`);
}

describe.runIf(canMount)('a full disk on PostgreSQL', () => {
  let server: PostgresServer;
  let url: string;
  let store: BilateralStore;
  let secret: string;
  let volume: { dir: string; unmount(): void };

  beforeAll(async () => {
    server = await startPostgresServer();
    url = await server.createDatabase('full_disk');
    store = openBilateralStore({ databaseUrl: url });
    await store.loadSeeds(fixtureSeedsDir);
    secret = (await store.createApiKey('write', 'full-disk writer')).secret;
    volume = mountTmpfs('2m') as typeof volume;
    const tablespace = join(volume.dir, 'tablespace');
    execFileSync('install', ['-d', '-o', 'postgres', '-g', 'postgres', '-m', '0700', tablespace]);
    chownSync(volume.dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
    await server.execute(`create tablespace small_volume location '${tablespace}'`);
    await server.execute('alter table events set tablespace small_volume', 'full_disk');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await server?.remove();
    volume?.unmount();
  });

  it('answers STORAGE_FULL, retryable after 60 s, writes nothing, and the same key succeeds once space is freed', async () => {
    const yoga = createBilateralYoga({ store, audit: () => {} });
    const post = (query: string, variables?: Record<string, unknown>) =>
      executeOverHttp(yoga, query, variables, { authorization: `Bearer ${secret}` });
    const snapshot = async () => ({ read: (await post(READ)).body, changes: await store.changesSince(0, 10_000) });
    const filler = fillUp(volume.dir);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    // The table's last page may still hold a few events: write until the server has to extend it.
    const inputs = eventInputs('full-disk');
    let refused: { input: Record<string, unknown>; key: string; before: unknown } | undefined;
    for (let written = 0; written < MAX_WRITES && !refused; written++) {
      const input = inputs();
      const key = `key-${input.slug}`;
      const before = await snapshot();
      const { status, headers, body } = await post(CREATE, { input, key });
      if (body.errors) {
        expect(status).toBe(503);
        expect(headers.get('retry-after')).toBe('60');
        expect(body.errors).toHaveLength(1);
        expect(body.errors[0]!.extensions).toEqual({ code: 'STORAGE_FULL', retryable: true });
        expect(body.errors[0]!.message).not.toMatch(/53100|pg_tblspc|\n/);
        expect(body.data?.createEvent ?? null).toBeNull();
        refused = { input, key, before };
      } else expect(body.data.createEvent.event.slug).toBe(input.slug);
    }
    expect(refused, `no write was refused in ${MAX_WRITES} with the volume full`).toBeDefined();
    const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^storage error STORAGE_FULL \(retryable: true\): PostgreSQL 53100: could not extend file/,
    );
    logged.mockRestore();

    // Nothing of the refused write: no event, no revision, totals as counted; reads still answer.
    expect(await snapshot()).toEqual(refused!.before);
    expect(await store.eventBySlug(refused!.input.slug as string)).toBeUndefined();
    const { kept, counted } = await totalsAt(url);
    expect(kept).toEqual(counted);

    rmSync(filler);
    const retried = await post(CREATE, { input: refused!.input, key: refused!.key });
    expect(retried.body.errors).toBeUndefined();
    expect(retried.body.data.createEvent).toEqual({
      replayed: false,
      event: { slug: refused!.input.slug },
      userErrors: [],
    });
    expect((await post(CREATE, { input: refused!.input, key: refused!.key })).body.data.createEvent.replayed).toBe(
      true,
    );
    expect(await store.eventBySlug(refused!.input.slug as string)).toBeDefined();
  }, 120_000);
});

/**
 * The server process on a database it cannot write: forced with READ_ONLY=true, or detected on a
 * read-only file in a read-only directory (run as an unprivileged user when the tests run as root,
 * since root writes through file modes). It serves reads, answers writes with STORAGE_READ_ONLY and
 * leaves the file untouched; with migrations pending it refuses to start, in one clear line.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@bilateral/store';
import { sqliteDatabaseOf, writeFixtureDatabase } from '@bilateral/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './testing/server-process.ts';

const running: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGTERM');
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fixture database in a new directory, closed (so it has no -wal or -shm), and a write key for it. */
function fixtureDatabase(): { dir: string; path: string; secret: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-read-only-'));
  dirs.push(dir);
  const path = join(dir, 'store.db');
  const secret = writeFixtureDatabase(path, 'write', 'read-only test');
  return { dir, path, secret };
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function serve(env: Record<string, string>, asUser?: { uid: number; gid: number }) {
  const server = startServer(env, asUser);
  running.push(server);
  return server;
}

async function post(url: string, query: string, secret?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

const CREATE =
  'mutation { createEvent(input: { slug: "ro-write", title: "A visit", summary: "Talks.", kind: VISIT, date: "2019-03", sectors: [DIPLOMACY], participants: [{ actor: "pakistan", role: HOST }, { actor: "russia", role: VISITOR }], citations: [{ source: "fixture-news", paragraph: 3 }] }, idempotencyKey: "ro-1") { event { slug } } }';

async function expectServesReadsAndRefusesWrites(url: string, secret: string) {
  // eventStats runs on the store's scan thread, which opens the same file read-only for itself.
  const read = await post(url, '{ events(first: 5) { totalCount } eventStats(groupBy: [KIND]) { totalCount } }');
  expect(read.body.data.events.totalCount).toBeGreaterThan(0);
  expect(read.body.data.eventStats.totalCount).toBe(read.body.data.events.totalCount);
  const write = await post(url, CREATE, secret);
  expect(write.status).toBe(503);
  expect(write.body.errors[0].extensions).toEqual({ code: 'STORAGE_READ_ONLY', retryable: false });
  const ready = await fetch(url.replace('/graphql', '/ready'));
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', mode: 'read-only' });
}

describe('the server on a database it cannot write', () => {
  it('READ_ONLY=true: skips migrations and seeds, serves reads, refuses writes, and leaves the file as it was', async () => {
    const { path, secret } = fixtureDatabase();
    const before = digest(path);
    const server = serve({ DATABASE_PATH: path, READ_ONLY: 'true' });
    const url = await server.listening;
    expect(server.output()).toContain(
      `database ${path} is served read-only (READ_ONLY=true): its schema is up to date, so migrations and seed loading are skipped`,
    );
    expect(server.output()).not.toContain('seeds loaded');
    await expectServesReadsAndRefusesWrites(url, secret);
    server.child.kill('SIGTERM');
    await server.exited;
    expect(digest(path)).toBe(before);
  }, 60_000);

  it('detects a read-only file in a read-only directory, where SQLite cannot create the -shm, and serves it', async () => {
    const { dir, path, secret } = fixtureDatabase();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    // Root writes through file modes; run the server as nobody so the modes apply.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const server = serve({ DATABASE_PATH: path }, asUser);
    const url = await server.listening;
    expect(server.output()).toContain(`database ${path} is served read-only (the database file is not writable)`);
    await expectServesReadsAndRefusesWrites(url, secret);
  }, 60_000);

  it('refuses, rather than serve stale data, a read-only copy whose -wal holds commits it cannot read without a -shm', async () => {
    const { dir, path } = fixtureDatabase();
    const copyDir = mkdtempSync(join(tmpdir(), 'bilateral-read-only-'));
    dirs.push(copyDir);
    const copy = join(copyDir, 'store.db');
    const live = openSqliteStore(path);
    sqliteDatabaseOf(live).$client.pragma('wal_autocheckpoint = 0');
    await live.createApiKey('read', 'only in the WAL');
    // A snapshot taken while the database was open: the file and its -wal, no -shm.
    copyFileSync(path, copy);
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    live.close();
    chmodSync(copyDir, 0o555);
    chmodSync(dir, 0o755);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const { code, output } = await serve({ DATABASE_PATH: copy }, asUser).exited;
    expect(code).toBe(1);
    expect(output.trim()).toMatch(
      /^Bilateral did not start: cannot serve .* read-only \(.*\): .*-wal holds commits not yet in/,
    );
  }, 60_000);

  it('refuses to start, in one line without a stack, when the read-only database lacks migrations', async () => {
    const { path } = fixtureDatabase();
    const store = openSqliteStore(path);
    sqliteDatabaseOf(store).$client.exec(
      'delete from __drizzle_migrations where id = (select max(id) from __drizzle_migrations)',
    );
    store.close();
    const { code, output } = await serve({ DATABASE_PATH: path, READ_ONLY: 'true' }).exited;
    expect(code).toBe(1);
    expect(output.trim()).toMatch(
      /^Bilateral did not start: cannot serve .* read-only \(READ_ONLY=true\): the database lacks 1 migration\(s\) this checkout needs \([\w-]+\)/,
    );
    expect(output.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('refuses a DURABILITY it does not know', async () => {
    const { path } = fixtureDatabase();
    const { code, output } = await serve({ DATABASE_PATH: path, DURABILITY: 'sometimes' }).exited;
    expect(code).toBe(1);
    expect(output.trim()).toBe('Bilateral did not start: DURABILITY must be full or fast, not "sometimes"');
  }, 60_000);

  it('refuses to start, in one line without the password, when the PostgreSQL server DATABASE_URL names cannot be reached', async () => {
    const { path } = fixtureDatabase();
    const { code, output } = await serve({
      DATABASE_PATH: path,
      DATABASE_URL: 'postgres://bilateral:secret-password@127.0.0.1:1/bilateral',
    }).exited;
    expect(code).toBe(1);
    expect(output.trim()).toMatch(
      /^Bilateral did not start: cannot use the database DATABASE_URL names: storage error STORAGE_UNAVAILABLE \(retryable: true\): PostgreSQL ECONNREFUSED/,
    );
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).not.toContain('secret-password');
  }, 60_000);
});

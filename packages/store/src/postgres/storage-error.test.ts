import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../errors/storage-error.ts';
import { openPostgresStore, type PostgresStore } from './client.ts';
import { guardPostgres, toPostgresStorageError } from './storage-error.ts';
import { emptyPgliteStore } from './testing/pglite.ts';
import { itRequiresPostgresServerInCI, postgresServerInstalled, throwawayServer } from './testing/server.ts';

/** An error as node-postgres and PGlite report one from the server: its SQLSTATE in `code`. */
const serverError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });

describe('toPostgresStorageError', () => {
  it.each([
    ['53100', 'STORAGE_FULL', true],
    ['25006', 'STORAGE_READ_ONLY', false],
    ['55P03', 'BUSY', true],
    ['57014', 'BUSY', true],
    ['40001', 'BUSY', true],
    ['40P01', 'BUSY', true],
    ['08000', 'STORAGE_UNAVAILABLE', true],
    ['08006', 'STORAGE_UNAVAILABLE', true],
    ['08P01', 'STORAGE_UNAVAILABLE', true],
    ['57P01', 'STORAGE_UNAVAILABLE', true],
    ['57P02', 'STORAGE_UNAVAILABLE', true],
    ['57P03', 'STORAGE_UNAVAILABLE', true],
    ['ECONNREFUSED', 'STORAGE_UNAVAILABLE', true],
    ['ECONNRESET', 'STORAGE_UNAVAILABLE', true],
  ] as const)('maps %s to %s (retryable: %s)', (code, expected, retryable) => {
    const error = toPostgresStorageError(serverError(code));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: expected, retryable });
    expect(error!.logLine()).toContain(`PostgreSQL ${code}: from the server`);
  });

  it('finds the fault under the errors that wrap it, and a connection that ended under a query', () => {
    const wrapped = new Error('Failed query: insert …', { cause: serverError('53100') });
    expect(toPostgresStorageError(wrapped)).toMatchObject({ code: 'STORAGE_FULL' });
    for (const message of [
      'Connection terminated unexpectedly',
      'Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
    ])
      expect(toPostgresStorageError(new Error(message)), message).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    // drizzle's rollback after the server died, which failed on the dead connection in its turn.
    const rollback = new Error('Failed query: rollback', {
      cause: new Error('Client has encountered a connection error and is not queryable'),
    });
    expect(toPostgresStorageError(rollback)).toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryable: true });
  });

  it('leaves anything that is not a storage fault alone', () => {
    for (const code of ['23505', '23514', '42P01', 'P0001', 'ENOENT'])
      expect(toPostgresStorageError(serverError(code)), code).toBeUndefined();
    expect(toPostgresStorageError(new Error('no code'))).toBeUndefined();
  });

  it('says what to do in words for PostgreSQL, not for a database file', () => {
    const readOnly = toPostgresStorageError(serverError('25006'))!;
    expect(readOnly.message).toContain('send writes to the writable server');
    expect(readOnly.logLine()).toContain('hot standby');
    expect(toPostgresStorageError(serverError('40P01'))!.message).toContain('met another write');
  });
});

describe('storage faults PGlite raises', () => {
  let store: PostgresStore;
  beforeAll(async () => {
    store = await emptyPgliteStore();
  });

  it('answers STORAGE_READ_ONLY for a write in a read-only transaction, and nothing is written', async () => {
    const write = guardPostgres(() =>
      store.db.transaction(async (tx) => {
        await tx.execute(sql`set transaction read only`);
        await tx.execute(
          sql`insert into api_keys (label, scope, secret_hash, created_at) values ('k', 'read', 'h', 'now')`,
        );
      }),
    );
    await expect(write).rejects.toMatchObject({ code: 'STORAGE_READ_ONLY', retryable: false });
    const { rows } = await store.db.execute<{ n: number }>(sql`select count(*)::integer as n from api_keys`);
    expect(rows[0]!.n).toBe(0);
  });
});

const installed = postgresServerInstalled('the PostgreSQL server tests of postgres/storage-error.test.ts');
itRequiresPostgresServerInCI(installed);

describe.runIf(installed)('storage faults a PostgreSQL server raises', () => {
  const server = throwawayServer();
  let store: PostgresStore;
  beforeAll(async () => {
    store = await openPostgresStore(await server().createDatabase('faults'), { lockTimeoutMs: 100 });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('answers BUSY when a lock is held past lock_timeout, and the write succeeds once it is released', async () => {
    await store.db.execute(
      sql`insert into api_keys (label, scope, secret_hash, created_at) values ('k', 'read', 'h', 'now')`,
    );
    const holder = new pg.Client({ connectionString: server().url('faults') });
    await holder.connect();
    await holder.query("begin; update api_keys set label = 'held'");
    const revoke = () => store.db.execute(sql`update api_keys set revoked_at = 'now'`);
    await expect(guardPostgres(revoke)).rejects.toMatchObject({ code: 'BUSY', retryable: true });
    await holder.query('rollback');
    await holder.end();
    await expect(guardPostgres(revoke)).resolves.toBeDefined();
  });

  // PGlite keeps no timers in WebAssembly, so it never cancels a statement: this needs the server.
  it('answers BUSY for a statement cancelled at statement_timeout', async () => {
    const slow = guardPostgres(() =>
      store.db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 50`);
        await tx.execute(sql`select pg_sleep(2)`);
      }),
    );
    await expect(slow).rejects.toMatchObject({ code: 'BUSY', retryable: true, retryAfterSeconds: 1 });
  });

  it('answers STORAGE_UNAVAILABLE while the server is down, and serves again once it is back', async () => {
    await server().stop('immediate');
    try {
      await expect(guardPostgres(() => store.db.execute(sql`select 1`))).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        retryable: true,
      });
    } finally {
      await server().start();
    }
    const { rows } = await store.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(rows[0]!.one).toBe(1);
  });
});

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../errors/storage-error.ts';
import { postgresStore } from '../postgres-store/postgres-store.ts';
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

  it('answers BUSY, retryable, for a serialization failure, and nothing of the failed write is kept', async () => {
    const key = sql`insert into api_keys (label, scope, secret_hash, created_at) values ('skew', 'read', gen_random_uuid()::text, 'now')`;
    const other = new pg.Client({ connectionString: server().url('faults') });
    await other.connect();
    const keys = async () =>
      (await store.db.execute<{ n: number }>(sql`select count(*)::integer as n from api_keys`)).rows[0]!.n;
    const before = await keys();
    // Both read the keys, then both add one: serializable isolation lets only the first commit.
    const write = guardPostgres(() =>
      store.db.transaction(
        async (tx) => {
          await tx.execute(sql`select count(*) from api_keys`);
          await other.query('begin isolation level serializable; select count(*) from api_keys');
          await other.query(
            `insert into api_keys (label, scope, secret_hash, created_at) values ('first', 'read', gen_random_uuid()::text, 'now')`,
          );
          await other.query('commit');
          await tx.execute(key);
        },
        { isolationLevel: 'serializable' },
      ),
    );
    await expect(write).rejects.toMatchObject({ code: 'BUSY', retryable: true });
    await other.end();
    expect(await keys()).toBe(before + 1);
  });

  it('answers BUSY, retryable, for a deadlock PostgreSQL broke by rolling this write back', async () => {
    const patient = await openPostgresStore(server().url('faults'), { lockTimeoutMs: 10_000 });
    const other = new pg.Client({ connectionString: server().url('faults') });
    await other.connect();
    try {
      const [first, second] = (
        await patient.db.execute<{ id: number }>(
          sql`insert into api_keys (label, scope, secret_hash, created_at) values ('a', 'read', gen_random_uuid()::text, 'now'), ('b', 'read', gen_random_uuid()::text, 'now') returning id`,
        )
      ).rows.map((row) => row.id);
      // The session that has waited deadlock_timeout looks for the cycle and is rolled back: the store's, not this one.
      await other.query("set deadlock_timeout = '10s'");
      await other.query('begin');
      await other.query(`update api_keys set label = 'other' where id = ${second}`);
      const write = guardPostgres(() =>
        patient.db.transaction(async (tx) => {
          await tx.execute(sql`update api_keys set label = 'store' where id = ${first}`);
          // The other session now waits for this one's row while this one waits for the other's.
          const crossing = other.query(`update api_keys set label = 'other' where id = ${first}`);
          crossing.catch(() => {});
          await new Promise((resolve) => setTimeout(resolve, 100));
          await tx.execute(sql`update api_keys set label = 'store' where id = ${second}`);
        }),
      );
      await expect(write).rejects.toMatchObject({ code: 'BUSY', retryable: true });
      await other.query('rollback');
    } finally {
      await other.end();
      await patient.close();
    }
  });

  it('answers STORAGE_READ_ONLY, not retryable, where the server refuses writes, and says so on the health check', async () => {
    const url = await server().createDatabase('read_only');
    await openPostgresStore(url).then((migrated) => migrated.close());
    const admin = new pg.Client({ connectionString: server().url() });
    await admin.connect();
    await admin.query('alter database read_only set default_transaction_read_only = on');
    await admin.end();
    const readOnly = postgresStore(openPostgresStore(url, { migrate: false }));
    try {
      await expect(readOnly.createApiKey('read', 'refused')).rejects.toMatchObject({
        code: 'STORAGE_READ_ONLY',
        retryable: false,
      });
      expect(await readOnly.listApiKeys()).toEqual([]);
      expect((await readOnly.checkStorage()).writable).toMatchObject({ ok: false });
    } finally {
      await readOnly.close();
    }
  });

  it('answers STORAGE_UNAVAILABLE, retryable, for a session the server ends mid-transaction, and the next write opens a new one', async () => {
    const write = guardPostgres(() =>
      store.db.transaction(async (tx) => {
        const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        const admin = new pg.Client({ connectionString: server().url() });
        await admin.connect();
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        await admin.end();
        await tx.execute(
          sql`insert into api_keys (label, scope, secret_hash, created_at) values ('lost', 'read', gen_random_uuid()::text, 'now')`,
        );
      }),
    );
    await expect(write).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryable: true });
    const { rows } = await store.db.execute<{ n: number }>(
      sql`select count(*)::integer as n from api_keys where label = 'lost'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  // A full disk (SQLSTATE 53100) is not made here: it needs a small file system mounted for a
  // tablespace, which needs root; its mapping is checked by SQLSTATE above.

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

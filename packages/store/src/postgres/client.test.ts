import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors/storage-error.ts';
import {
  type OpenPostgresOptions,
  openPgliteStore,
  openPostgresStore,
  POSTGRES_MIGRATIONS_FOLDER,
  type PostgresDatabase,
} from './client.ts';
import { migratedPglite } from './testing/pglite.ts';
import { itRequiresPostgresServerInCI, postgresServerInstalled, throwawayServer } from './testing/server.ts';

const SETTINGS = sql`select current_setting('synchronous_commit') as synchronous_commit,
  current_setting('lock_timeout') as lock_timeout, current_setting('statement_timeout') as statement_timeout`;
const settingsOf = async (db: Pick<PostgresDatabase, 'execute'>) => (await db.execute(SETTINGS)).rows[0];

const MIGRATIONS = readdirSync(POSTGRES_MIGRATIONS_FOLDER).length;

describe('a PGlite store', () => {
  const open = async (options: OpenPostgresOptions = {}) =>
    openPgliteStore(await migratedPglite(), { ...options, migrate: false });

  it('commits durably (synchronous_commit on) and waits 5 s for a lock and 30 s for a statement by default', async () => {
    expect(await settingsOf((await open()).db)).toEqual({
      synchronous_commit: 'on',
      lock_timeout: '5s',
      statement_timeout: '30s',
    });
  });

  it('acknowledges commits before the flush with DURABILITY=fast, and takes other timeouts', async () => {
    const store = await open({ durability: 'fast', lockTimeoutMs: 250, statementTimeoutMs: 0 });
    expect(await settingsOf(store.db)).toEqual({
      synchronous_commit: 'off',
      lock_timeout: '250ms',
      statement_timeout: '0',
    });
  });

  it('is migrated once: opening it again applies nothing twice', async () => {
    const pglite = await migratedPglite();
    await openPgliteStore(pglite);
    const { rows } = await pglite.query<{ n: number }>(
      'select count(*)::integer as n from drizzle.__drizzle_migrations',
    );
    expect(rows[0]!.n).toBe(MIGRATIONS);
  });
});

describe('a server store', () => {
  it('answers STORAGE_UNAVAILABLE, retryable, when nothing listens at DATABASE_URL', async () => {
    const refused = openPostgresStore('postgres://postgres@127.0.0.1:1/bilateral');
    await expect(refused).rejects.toBeInstanceOf(StorageError);
    await expect(refused).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', retryable: true });
  });
});

const installed = postgresServerInstalled('the PostgreSQL server tests of postgres/client.test.ts');
itRequiresPostgresServerInCI(installed);

describe.runIf(installed)('a store on a PostgreSQL server', () => {
  const server = throwawayServer();

  it('migrates once when several processes start at once, and every one of them opens', async () => {
    const url = await server().createDatabase('concurrent');
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
    try {
      const { rows } = await stores[0]!.db.execute<{ n: number }>(
        sql`select count(*)::integer as n from drizzle.__drizzle_migrations`,
      );
      expect(rows[0]!.n).toBe(MIGRATIONS);
      for (const store of stores) {
        const events = await store.db.execute<{ n: number }>(sql`select count(*)::integer as n from events`);
        expect(events.rows[0]!.n).toBe(0);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('sets durability and timeouts on every connection of the pool', async () => {
    const url = await server().createDatabase('settings');
    const durable = await openPostgresStore(url);
    const fast = await openPostgresStore(url, { durability: 'fast', lockTimeoutMs: 100 });
    try {
      expect(await settingsOf(durable.db)).toEqual({
        synchronous_commit: 'on',
        lock_timeout: '5s',
        statement_timeout: '30s',
      });
      // Two connections at once, so the second is a new one, which must get the settings too.
      const both = await Promise.all([
        fast.db.transaction(async (tx) => settingsOf(tx)),
        fast.db.transaction(async (tx) => settingsOf(tx)),
      ]);
      for (const settings of both) expect(settings).toMatchObject({ synchronous_commit: 'off', lock_timeout: '100ms' });
    } finally {
      await durable.close();
      await fast.close();
    }
  });

  it('opens read-only only a migrated database, and then every session refuses writes', async () => {
    const url = await server().createDatabase('read_only');
    await expect(openPostgresStore(url, { readOnly: true })).rejects.toMatchObject({
      code: 'STORAGE_READ_ONLY',
      detail: expect.stringMatching(
        /^the PostgreSQL database lacks \d+ migration\(s\) .* and is opened read-only: run `bilateral migrate`/,
      ),
    });
    await (await openPostgresStore(url)).close();
    const readOnly = await openPostgresStore(url, { readOnly: true });
    try {
      expect(readOnly.readOnly).toBe(true);
      const sessions = await Promise.all([
        readOnly.db.transaction(async (tx) => (await tx.execute(sql`show transaction_read_only`)).rows[0]),
        readOnly.db.transaction(async (tx) => (await tx.execute(sql`show transaction_read_only`)).rows[0]),
      ]);
      expect(sessions).toEqual([{ transaction_read_only: 'on' }, { transaction_read_only: 'on' }]);
      await expect(
        readOnly.db.execute(sql`insert into sources (slug, file, title, genre) values ('x', 'x', 'x', 'news')`),
      ).rejects.toMatchObject({ cause: { code: '25006' } });
    } finally {
      await readOnly.close();
    }
  });

  it('opens a server that takes no writes (a standby) once it is migrated, and refuses one that is not', async () => {
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: server().url() });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    const migrated = await server().createDatabase('standby_migrated');
    await (await openPostgresStore(migrated)).close();
    await admin('alter database standby_migrated set default_transaction_read_only = on');
    const store = await openPostgresStore(migrated);
    await store.close();

    const empty = await server().createDatabase('standby_empty');
    await admin('alter database standby_empty set default_transaction_read_only = on');
    await expect(openPostgresStore(empty)).rejects.toMatchObject({
      code: 'STORAGE_READ_ONLY',
      detail: expect.stringContaining(
        'and the server takes no writes (a hot standby, or default_transaction_read_only)',
      ),
    });
  });
});

/**
 * The store's query and write tests, written once and run on both databases through the
 * `BilateralStore` interface: a difference in answers between them is a bug. `forEachStore` makes one
 * describe block per database, named after it ("… on SQLite", "… on PostgreSQL (server)"), each with
 * a store holding the seeds it was asked for.
 *
 * SQLite is an in-memory database per store. PostgreSQL is one database per test file: a copy of
 * the migrated template on the run's throwaway server (`postgres-test-server.ts`) where the server
 * programs are installed, otherwise this file's PGlite (`postgres/testing/pglite.ts`);
 * `BILATERAL_TEST_POSTGRES=server|pglite` forces one. Opening a PostgreSQL store empties that
 * database, so a file holds one live PostgreSQL store at a time: tests in a file run one after the
 * other, and each describe block opens its own before its tests.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest';
import { closeStore, type Store } from '../db/client.ts';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { openPostgresStore, type PostgresStore } from '../postgres/client.ts';
import { copyFromSqlite } from '../postgres/copy-from-sqlite.ts';
import { emptyPgliteStore, emptyTables } from '../postgres/testing/pglite.ts';
import { postgresStore } from '../postgres-store/postgres-store.ts';
import { openSqliteStore, SqliteStore, sqliteDatabaseOf } from '../sqlite/sqlite-store.ts';
import { fixtureSeedsDir } from './fixture-store.ts';
import { TEMPLATE_DATABASE } from './postgres-test-server.ts';

export type BackendName = 'SQLite' | 'PostgreSQL (server)' | 'PostgreSQL (PGlite)';

/** A store of one backend with what a test may do to it beyond the interface. */
export interface OpenedStore {
  readonly store: BilateralStore;
  /** Runs SQL text without parameters, written so both databases read it (the tables and columns are the same). */
  sql<Row = Record<string, unknown>>(text: string): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * What a store starts with: the seeds of a directory loaded through `loadSeeds`, a SQLite database
 * built some other way (the generated dataset) and copied across as `copy-to-postgres` copies, or
 * nothing.
 */
export type Dataset = { seeds: string } | { built: () => Store } | null;

interface Backend {
  readonly name: BackendName;
  readonly postgres: boolean;
  open(dataset: Dataset): Promise<OpenedStore>;
  /** A new store over what `opened` holds, sharing nothing cached with it; `opened` is closed. */
  reconnect(opened: OpenedStore, dataset: Dataset): Promise<OpenedStore>;
}

const sqlite: Backend = {
  name: 'SQLite',
  postgres: false,
  async open(dataset) {
    const store = dataset && 'built' in dataset ? new SqliteStore(dataset.built()) : openSqliteStore(':memory:');
    if (dataset && 'seeds' in dataset) await store.loadSeeds(dataset.seeds);
    const client = sqliteDatabaseOf(store).$client;
    return {
      store,
      sql: async <Row>(text: string) => {
        const statement = client.prepare(text);
        if (statement.reader) return statement.all() as Row[];
        statement.run();
        return [];
      },
      close: () => store.close(),
    };
  },
  // An in-memory database lives and dies with its connection: the new one is loaded again.
  async reconnect(opened, dataset) {
    await opened.close();
    return sqlite.open(dataset);
  },
};

interface PostgresOpenedStore extends OpenedStore {
  readonly database: PostgresStore;
}

/** A store over this file's database that leaves the database open when closed: the next store reuses it. */
function storeOver(database: PostgresStore): PostgresOpenedStore {
  const store = postgresStore(Promise.resolve({ ...database, close: async () => {} }));
  return {
    database,
    store,
    sql: async <Row>(text: string) => {
      try {
        return (await database.db.execute(sql.raw(text))).rows as Row[];
      } catch (error) {
        // drizzle wraps the database's error in one that quotes the query; the test checks the database's.
        throw (error as { cause?: unknown }).cause ?? error;
      }
    },
    close: () => store.close(),
  };
}

/** The PostgreSQL store over this file's database, emptied, with `dataset` in it. */
async function openPostgres(database: PostgresStore, emptied: Promise<void>, dataset: Dataset) {
  await emptied;
  const opened = storeOver(database);
  const { store } = opened;
  if (dataset && 'seeds' in dataset) await store.loadSeeds(dataset.seeds);
  if (dataset && 'built' in dataset) {
    const built = dataset.built();
    try {
      await copyFromSqlite(built.$client, database.db);
    } finally {
      closeStore(built);
    }
  }
  return opened;
}

// The PostgreSQL store caches nothing of its own, so a new one over the same database is a fresh start.
async function reconnectPostgres(opened: OpenedStore): Promise<OpenedStore> {
  await opened.close();
  return storeOver((opened as PostgresOpenedStore).database);
}

let fileDatabase: Promise<PostgresStore> | undefined;

/** This test file's database on the run's server: a copy of the migrated template, kept until the file ends. */
async function createFileDatabase(serverUrl: string): Promise<PostgresStore> {
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openPostgresStore(url.href, { migrate: false, maxConnections: 4 });
}

const postgresServer = (serverUrl: string): Backend => ({
  name: 'PostgreSQL (server)',
  postgres: true,
  async open(dataset) {
    fileDatabase ??= createFileDatabase(serverUrl);
    const database = await fileDatabase;
    if (database.backend.kind !== 'server') throw new Error('the file database is not on a server');
    return openPostgres(database, emptyTables(database.backend.pool), dataset);
  },
  reconnect: reconnectPostgres,
});

const pglite: Backend = {
  name: 'PostgreSQL (PGlite)',
  postgres: true,
  async open(dataset) {
    return openPostgres(await emptyPgliteStore(), Promise.resolve(), dataset);
  },
  reconnect: reconnectPostgres,
};

/** SQLite, and PostgreSQL as this run provides it: the run's server, or PGlite. */
export function backends(): Backend[] {
  const serverUrl = inject('bilateralPostgresServerUrl');
  return [sqlite, serverUrl ? postgresServer(serverUrl) : pglite];
}

/** What a test of `forEachStore` holds: the open store of its backend. */
export interface StoreUnderTest {
  readonly backend: BackendName;
  /** True on PostgreSQL, for the few lines that must name what is not on PostgreSQL yet. */
  readonly postgres: boolean;
  /** The store the block (or, with `fresh: 'test'`, the test) opened. */
  readonly store: BilateralStore;
  /** Runs SQL text without parameters on the store's database (both read the same table and column names). */
  sql<Row = Record<string, unknown>>(text: string): Promise<Row[]>;
  /** Closes the store and opens a new one with the same dataset. */
  reopen(): Promise<BilateralStore>;
  /** Closes the store and opens a new one over the same data that shares no cache with it (SQLite loads the dataset again). */
  reconnect(): Promise<BilateralStore>;
}

export interface ForEachStoreOptions {
  /** What every store starts with; defaults to the fixture dataset's seeds. */
  dataset?: Dataset;
  /** `block` (the default): one store for the describe block's tests; `test`: a new one for each test. */
  fresh?: 'block' | 'test';
}

/**
 * Runs `body` once per backend, inside a describe block named `${title} on ${backend}`; the store
 * is opened before the tests (each test, with `fresh: 'test'`) and closed after them.
 */
export function forEachStore(
  title: string,
  body: (underTest: StoreUnderTest) => void,
  { dataset = { seeds: fixtureSeedsDir }, fresh = 'block' }: ForEachStoreOptions = {},
): void {
  for (const backend of backends()) {
    describe(`${title} on ${backend.name}`, () => {
      let opened: OpenedStore | undefined;
      const current = (): OpenedStore => {
        if (!opened) throw new Error(`no ${backend.name} store is open outside a test`);
        return opened;
      };
      const underTest: StoreUnderTest = {
        backend: backend.name,
        postgres: backend.postgres,
        get store() {
          return current().store;
        },
        sql: (text) => current().sql(text),
        async reopen() {
          await opened?.close();
          opened = await backend.open(dataset);
          return opened.store;
        },
        async reconnect() {
          opened = await backend.reconnect(current(), dataset);
          return opened.store;
        },
      };
      const open = async () => {
        opened = await backend.open(dataset);
      };
      const close = async () => {
        await opened?.close();
        opened = undefined;
      };
      if (fresh === 'test') {
        beforeEach(open, 60_000);
        afterEach(close);
      } else {
        beforeAll(open, 60_000);
        afterAll(close);
      }
      body(underTest);
    });
  }
}

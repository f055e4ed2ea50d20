/**
 * Opens Bilateral's store on PostgreSQL: a server through node-postgres (`DATABASE_URL`), or PGlite,
 * PostgreSQL compiled to WebAssembly and run in this process (tests, machines without a server).
 * Both come out as one drizzle database type, so queries are written once for both.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type Logger, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { StorageError } from '../errors/storage-error.ts';
import { toPostgresStorageError } from './storage-error.ts';

export const POSTGRES_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle-postgres');

/** What `execute` returns on either backend: node-postgres's and PGlite's results both carry `rows`. */
export interface PostgresRows<Row> {
  rows: Row[];
}
export interface PostgresQueryResultHKT extends PgQueryResultHKT {
  type: PostgresRows<this['row']>;
}

/** The drizzle database over either backend: what every PostgreSQL query function takes. */
export type PostgresDatabase = PgAsyncDatabase<PostgresQueryResultHKT>;

/**
 * How a commit is made durable before it is acknowledged, the PostgreSQL meaning of `DURABILITY`.
 * `full` (the default) sets `synchronous_commit = on`: the commit returns once its WAL record is
 * flushed to disk, so an acknowledged write survives a crash of the server or its machine (and,
 * with synchronous replicas configured, is on them too). `fast` sets `synchronous_commit = off`:
 * the commit returns before the flush, so a crash of the PostgreSQL server (not of our process) can
 * lose the writes of the last few hundred milliseconds (up to 3 × `wal_writer_delay`), which were
 * acknowledged; the database itself stays consistent, never half a transaction.
 */
export type PostgresDurability = 'full' | 'fast';

export interface OpenPostgresOptions {
  /** See `PostgresDurability`; defaults to `full`. */
  durability?: PostgresDurability;
  /** How long a statement waits for a lock another transaction holds before failing with BUSY; defaults to 5000 ms, as SQLite's busy timeout. */
  lockTimeoutMs?: number;
  /** How long one statement may run before PostgreSQL cancels it (BUSY); defaults to 30000 ms. 0 turns it off. PGlite, which has no timers, never cancels. */
  statementTimeoutMs?: number;
  /** Connections the pool may open to a server (PGlite has one); defaults to 10. */
  maxConnections?: number;
  /** Called with every SQL statement the store runs; tests use it to count statements. */
  onStatement?: (sql: string) => void;
  /** Bring the schema up to date first (under an advisory lock); defaults to true. */
  migrate?: boolean;
  /**
   * Serve the database as it is (`READ_ONLY`): every session starts its transactions read-only
   * (`default_transaction_read_only`), so PostgreSQL itself refuses any write (SQLSTATE 25006,
   * STORAGE_READ_ONLY); no migration runs, and a database lacking one this code needs is refused.
   */
  readOnly?: boolean;
}

export interface PostgresStore {
  /** The drizzle database: the same type whichever backend is underneath. */
  readonly db: PostgresDatabase;
  /** True when opened with `readOnly`: every transaction is read-only. */
  readonly readOnly: boolean;
  /** What is underneath: a node-postgres pool to a server, or PGlite in this process. */
  readonly backend: { kind: 'server'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };
  /** Closes the pool (or PGlite, when this store opened it). */
  close(): Promise<void>;
}

const DEFAULT_LOCK_TIMEOUT_MS = 5000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** The settings every session of the store runs with, by name. */
export function sessionSettings(options: OpenPostgresOptions = {}): Record<string, string> {
  return {
    synchronous_commit: options.durability === 'fast' ? 'off' : 'on',
    lock_timeout: String(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS),
    statement_timeout: String(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS),
    ...(options.readOnly ? { default_transaction_read_only: 'on' } : {}),
  };
}

/** The names of the migrations this checkout ships for PostgreSQL, oldest first. */
export const knownPostgresMigrationNames = (): string[] =>
  readMigrationFiles({ migrationsFolder: POSTGRES_MIGRATIONS_FOLDER }).map((migration) => migration.name);

type Executor = Pick<PostgresDatabase, 'execute'>;

/** The shipped migrations the database has not applied, oldest first; all of them for a database without Bilateral's tables. */
export async function pendingPostgresMigrations(db: Executor): Promise<string[]> {
  const journal = await db.execute<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const applied = journal.rows[0]!.present
    ? (await db.execute<{ name: string | null }>(sql`select name from drizzle.__drizzle_migrations`)).rows
    : [];
  const names = new Set(applied.map((row) => row.name));
  return knownPostgresMigrationNames().filter((name) => !names.has(name));
}

/** True when the server takes no writes on this session: a hot standby, or `default_transaction_read_only`. */
export async function refusesWrites(db: Executor): Promise<boolean> {
  const { rows } = await db.execute<{ refuses: boolean }>(
    sql`select pg_is_in_recovery() or current_setting('transaction_read_only') = 'on' as refuses`,
  );
  return rows[0]!.refuses;
}

/**
 * Checks that a database that will not be migrated here (opened read-only, or a server that takes
 * no writes) has every migration this code needs: serving an older schema would fail on the first
 * query that reads a newer column, so it is refused at once, saying what to do.
 */
async function ensureMigrated(db: Executor, why: string): Promise<void> {
  const pending = await pendingPostgresMigrations(db);
  if (pending.length === 0) return;
  throw new StorageError(
    'STORAGE_READ_ONLY',
    `the PostgreSQL database lacks ${pending.length} migration(s) this checkout needs (${pending.join(', ')}) and ${why}: run \`bilateral migrate\` against the primary (or start a server there without READ_ONLY), then start this one`,
  );
}

const logger = (options: OpenPostgresOptions): { logger?: Logger } =>
  options.onStatement ? { logger: { logQuery: (query) => options.onStatement!(query) } } : {};

const compiledMappers = new WeakMap<PostgresDatabase, PostgresDatabase>();

/** Remembers `twin`, the same client and logger through drizzle with JIT mappers, as `db`'s (`jitMapped`). */
function withCompiledTwin(db: PostgresDatabase, twin: PostgresDatabase): PostgresDatabase {
  compiledMappers.set(db, twin);
  return db;
}

/**
 * The same connection through drizzle with JIT mappers, for statements prepared once and run on every
 * request (`postgres-store/prepared-statements.ts`): a JIT mapper is a function compiled for one query
 * that turns its rows into objects, where the default mapper walks every column's path for every
 * value (on the page query it allocated more than the rows themselves). Compiling costs about 10 µs,
 * so queries built on every call keep the default mapper. A database opened elsewhere is its own twin.
 */
export const jitMapped = (db: PostgresDatabase): PostgresDatabase => compiledMappers.get(db) ?? db;

/**
 * Any process may run the migrations: the first to take this lock migrates, the others wait for it
 * and then find nothing left to do. drizzle's migrator takes no lock of its own, and two at once
 * would both try to create the tables. The key is an arbitrary constant of our own.
 */
export const MIGRATION_LOCK_KEY = 0x6269_6c61_7465_7261n; // "bilatera"

/**
 * Opens the PostgreSQL database at `url` (postgres://user:password@host:port/database) through a
 * node-postgres pool, and migrates it unless told not to. The session settings are sent when each
 * connection starts (the `options` startup parameter); behind a pooler that drops it (PgBouncer's
 * `ignore_startup_parameters`), set them on the role instead (docs/operating.md). A failure to
 * connect or migrate is thrown as StorageError where it is a storage fault.
 */
export async function openPostgresStore(url: string, options: OpenPostgresOptions = {}): Promise<PostgresStore> {
  const settings = sessionSettings(options);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    options: Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
  });
  // An idle connection the server drops (a restart, a failover) is reported on the pool; without a
  // listener node would exit. The next query opens a new connection.
  pool.on('error', () => {});
  // A connection checked out of the pool (a transaction between two statements) that the server
  // drops reports it on its own client; unheard, that error would end the process. The statement
  // that meets the dead connection fails with it, and the pool discards the connection.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    if (options.readOnly) await ensureMigrated(drizzleNodePostgres({ client: pool }), 'is opened read-only');
    else if (options.migrate !== false) await migrateServer(url);
    return {
      db: withCompiledTwin(
        drizzleNodePostgres({ client: pool, ...logger(options) }),
        drizzleNodePostgres({ client: pool, ...logger(options), jit: true }),
      ),
      readOnly: options.readOnly === true,
      backend: { kind: 'server', pool },
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw toPostgresStorageError(error) ?? error;
  }
}

/**
 * Runs the migrations on a connection of its own, without the store's timeouts, under the migration
 * lock. A database with nothing to apply is left alone, without the lock: so a hot standby (which
 * takes no writes) can be served once its primary is migrated, and processes starting at once on a
 * migrated database do not queue.
 */
async function migrateServer(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const db = drizzleNodePostgres({ client });
    if ((await pendingPostgresMigrations(db)).length === 0) return;
    if (await refusesWrites(db))
      await ensureMigrated(db, 'the server takes no writes (a hot standby, or default_transaction_read_only)');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await migrateNodePostgres(db, { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
  } finally {
    // Ending the session releases the lock even when the unlock cannot be sent.
    await client.end();
  }
}

/** A new PGlite with the extensions the migrations need (unaccent), in memory or in `dataDir`. */
export function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { unaccent } });
}

/**
 * A store on PGlite: `pglite` when given (it stays open on close; clones from the test helper come
 * this way), else a new in-memory one that close() closes. Migrates it unless told not to.
 */
export async function openPgliteStore(pglite?: PGlite, options: OpenPostgresOptions = {}): Promise<PostgresStore> {
  const owned = !pglite;
  const client = pglite ?? (await createPglite());
  try {
    for (const [name, value] of Object.entries(sessionSettings(options))) {
      await client.query(`select set_config($1, $2, false)`, [name, value]);
    }
    const db = withCompiledTwin(
      drizzlePglite({ client, ...logger(options) }),
      drizzlePglite({ client, ...logger(options), jit: true }),
    );
    if (options.readOnly) await ensureMigrated(db, 'is opened read-only');
    else if (options.migrate !== false) {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      try {
        await migratePglite(drizzlePglite({ client }), { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
      }
    }
    return {
      db,
      readOnly: options.readOnly === true,
      backend: { kind: 'pglite', pglite: client },
      close: async () => (owned ? client.close() : undefined),
    };
  } catch (error) {
    if (owned) await client.close();
    throw toPostgresStorageError(error) ?? error;
  }
}

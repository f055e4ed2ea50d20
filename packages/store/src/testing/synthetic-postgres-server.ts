/**
 * A throwaway PostgreSQL server holding the synthetic dataset (`synthetic/`), vacuumed and analyzed,
 * for the tests of query plans, whose guarantees only mean something on realistic statistics at
 * scale. Copying 100k events across takes minutes (each event's search vector, the trigger-kept
 * totals), so the first run keeps the stopped cluster's data directory in the temporary directory,
 * named by everything its content depends on, and later runs start a copy of it in seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { openPostgresStore, POSTGRES_MIGRATIONS_FOLDER } from '../postgres/client.ts';
import { copyFromSqlite } from '../postgres/copy-from-sqlite.ts';
import {
  copyDataDirectory,
  type PostgresServer,
  postgresBin,
  startPostgresServer,
} from '../postgres/testing/server.ts';
import { syntheticDatabase } from '../synthetic/cache.ts';
import type { SyntheticSummary } from '../synthetic/generate.ts';

const DATABASE = 'synthetic';

export interface SyntheticServer {
  server: PostgresServer;
  /** The URL of the database holding the synthetic data. */
  url: string;
  summary: SyntheticSummary;
  /** Seconds this start took, and whether it built the cached cluster (the slow first run) or copied it. */
  seconds: number;
  built: boolean;
}

/** The cached cluster's directory: a new name when the data, the migrations, the copy or the server version change. */
function cachedClusterPath(syntheticPath: string): string {
  const hash = createHash('sha256')
    .update(basename(syntheticPath))
    .update(postgresBin() ?? '');
  for (const name of readdirSync(POSTGRES_MIGRATIONS_FOLDER).sort())
    hash.update(name).update(readFileSync(join(POSTGRES_MIGRATIONS_FOLDER, name, 'migration.sql')));
  hash.update(readFileSync(join(import.meta.dirname, '../postgres/copy-from-sqlite.ts')));
  return join(tmpdir(), `bilateral-postgres-synthetic-${hash.digest('hex').slice(0, 16)}`);
}

/** Starts a server holding `events` synthetic events (`syntheticDatabase`), building the cached cluster first if no run has. */
export async function startSyntheticServer(events: number): Promise<SyntheticServer> {
  const startedAt = performance.now();
  const synthetic = syntheticDatabase({ events });
  const cached = cachedClusterPath(synthetic.path);
  const finish = (server: PostgresServer, built: boolean): SyntheticServer => ({
    server,
    url: server.url(DATABASE),
    summary: synthetic.summary,
    seconds: (performance.now() - startedAt) / 1000,
    built,
  });
  if (existsSync(cached)) return finish(await startPostgresServer({}, { copyOf: cached }), false);

  const server = await startPostgresServer();
  try {
    const store = await openPostgresStore(await server.createDatabase(DATABASE), { statementTimeoutMs: 0 });
    const source = new Database(synthetic.path, { readonly: true });
    try {
      await copyFromSqlite(source, store.db);
      // Vacuum sets the visibility map, so index-only scans read no rows from the table, as in service.
      await store.db.execute(sql`vacuum analyze`);
    } finally {
      source.close();
      await store.close();
    }
    await server.stop('fast');
    // Copied under a private name and renamed, so a concurrent run never starts a half-copied cluster.
    const partial = `${cached}.${process.pid}.partial`;
    await copyDataDirectory(server.dataDirectory, partial);
    try {
      renameSync(partial, cached);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another run cached it first
    }
    await server.start();
    return finish(server, true);
  } catch (error) {
    await server.remove();
    throw error;
  }
}

/**
 * How the server opens its database at startup, set by the environment:
 *   READ_ONLY=true    serve the database as it is, without writing to it;
 *   DURABILITY=fast   acknowledge a write before it is fsynced (see docs/operating.md).
 * A database this process cannot write (a read-only file, directory or mount) is served read-only
 * without being asked. Read-write: create and migrate the database, then load seeds/. Read-only:
 * migrations and seeds are skipped when the schema is current; otherwise the server refuses to
 * start, since serving a schema this code does not match would fail on the first query.
 *   DATABASE_URL      a PostgreSQL server to use instead of the file; it must answer before the server starts.
 *                     With READ_ONLY its sessions are read-only; a server that takes no writes (a hot
 *                     standby) is served as well, its writes answered with STORAGE_READ_ONLY.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type BilateralStore,
  type ChangeRelay,
  DatabaseUrlError,
  DURABILITY_MODES,
  type Durability,
  defaultSeedsDir,
  type OpenBilateralStoreOptions,
  openBilateralStore,
  SeedValidationError,
  storageAccess,
  toStorageError,
} from '@bilateral/store';

/** The server cannot start; the message says why and what to do. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

type Environment = Record<string, string | undefined>;

/** A true/false setting (`true`/`1`, `false`/`0`, unset for false); anything else is a StartupError. */
export function booleanSetting(name: string, env: Environment = process.env): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (['', 'false', '0'].includes(value)) return false;
  if (['true', '1'].includes(value)) return true;
  throw new StartupError(`${name} must be true or false, not "${env[name]}"`);
}

function durabilitySetting(env: Environment): Durability {
  const value = (env.DURABILITY ?? '').trim().toLowerCase() || 'full';
  if ((DURABILITY_MODES as readonly string[]).includes(value)) return value as Durability;
  throw new StartupError(`DURABILITY must be ${DURABILITY_MODES.join(' or ')}, not "${env.DURABILITY}"`);
}

/**
 * Opens the database the server will serve, printing what it did; throws StartupError when it must
 * not start. `seeds: false` is for a cluster worker, whose primary has migrated the database and
 * loaded the seeds already. `scanThread: true` is for a process that serves requests: the store runs
 * its whole-dataset scans off the thread that answers them (see `OpenBilateralStoreOptions`).
 * `changeRelay` is a cluster worker's channel to its siblings (live/cluster.ts). `sourcesDir` is the
 * documents directory (`SOURCES_DIR`) whose cited paragraphs a writable database indexes for search.
 */
export async function openDatabaseForServing(
  path: string,
  env: Environment = process.env,
  {
    seeds = true,
    scanThread = false,
    changeRelay,
    sourcesDir,
  }: {
    seeds?: boolean;
    scanThread?: boolean;
    changeRelay?: ChangeRelay | undefined;
    sourcesDir?: string | undefined;
  } = {},
): Promise<BilateralStore> {
  const forced = booleanSetting('READ_ONLY', env);
  // The file's access matters only when the file is the database.
  const access = forced || usesDatabaseServer(env) ? undefined : storageAccess(path);
  if (forced || access?.writable === false) {
    const why = access?.writable === false ? access.reason : 'READ_ONLY=true';
    return openReadOnly(path, env, why, { scanThread, changeRelay });
  }
  const durability = durabilitySetting(env);
  let store: BilateralStore;
  try {
    mkdirSync(dirname(path), { recursive: true });
    store = openStore(path, env, { durability, scanThread, changeRelay });
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new StartupError(error.message);
    const storage = toStorageError(error, { path });
    if (!storage && !(error as NodeJS.ErrnoException).code) throw error;
    throw new StartupError(`cannot open ${path}: ${storage ? storage.logLine() : (error as Error).message}`);
  }
  if (usesDatabaseServer(env)) await ensureDatabaseAnswers(store);
  if (durability === 'fast')
    console.warn(
      'DURABILITY=fast: writes are acknowledged before they reach the disk; a power loss or kernel crash may lose the last acknowledged writes',
    );
  // LOAD_SEEDS=0 serves the database exactly as it is: a benchmark's synthetic data, a restored backup.
  if (seeds && env.LOAD_SEEDS === '0') console.log(`${databaseLabel(path, env)}: served as it is (LOAD_SEEDS=0)`);
  else if (seeds) await loadSeedsForServing(store, databaseLabel(path, env));
  await indexPassagesForServing(store, databaseLabel(path, env), sourcesDir, seeds);
  return store;
}

/**
 * Brings the search index's cited passages up to `sourcesDir` (taking them out without it) and has
 * the store index those of later writes; a cluster's primary says what changed, its workers only
 * take the setting over. A storage fault leaves the index as it was and the server serving.
 */
async function indexPassagesForServing(
  store: BilateralStore,
  database: string,
  sourcesDir: string | undefined,
  announce: boolean,
): Promise<void> {
  try {
    const changed = await store.indexCitedPassages(sourcesDir);
    if (announce && (sourcesDir || changed))
      console.log(
        sourcesDir
          ? `${database}: the passages events cite are searched, from SOURCES_DIR (${changed} events indexed again)`
          : `${database}: no SOURCES_DIR, so the passages of ${changed} events were taken out of the search index`,
      );
  } catch (error) {
    const storage = store.storageErrorOf(error);
    if (!storage) throw error;
    console.error(`${database}: the cited passages could not be indexed for search: ${storage.logLine()}`);
  }
}

/**
 * A database server is opened in the background: one read here makes a server that cannot be
 * reached (or refuses our credentials) stop the start, in one line, instead of failing every request.
 */
async function ensureDatabaseAnswers(store: BilateralStore): Promise<void> {
  try {
    await store.countSources();
  } catch (error) {
    await store.close();
    const storage = store.storageErrorOf(error);
    throw new StartupError(
      `cannot use the database DATABASE_URL names: ${storage ? storage.logLine() : (error as Error).message}`,
    );
  }
}

const usesDatabaseServer = (env: Environment) => Boolean(env.DATABASE_URL?.trim());

/** The database as the start-up lines name it (never the URL, which may hold a password). */
const databaseLabel = (path: string, env: Environment) =>
  usesDatabaseServer(env) ? 'the PostgreSQL database DATABASE_URL names' : `database ${path}`;

/** The database `DATABASE_URL` names, else the file at `path`. */
const openStore = (path: string, env: Environment, options: OpenBilateralStoreOptions) =>
  openBilateralStore({ databaseUrl: env.DATABASE_URL, path, ...options });

async function openReadOnly(
  path: string,
  env: Environment,
  why: string,
  options: Pick<OpenBilateralStoreOptions, 'scanThread' | 'changeRelay'>,
): Promise<BilateralStore> {
  try {
    const store = openStore(path, env, { readOnly: true, ...options });
    // A database server is opened in the background: its schema is checked by the first read.
    if (usesDatabaseServer(env)) await ensureDatabaseAnswers(store);
    console.log(
      `${databaseLabel(path, env)} is served read-only (${why}): its schema is up to date, so migrations and seed loading are skipped; writes are answered with STORAGE_READ_ONLY`,
    );
    return store;
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new StartupError(error.message);
    const storage = toStorageError(error, { path });
    if (!storage) throw error;
    throw new StartupError(`cannot serve ${path} read-only (${why}): ${storage.detail}`);
  }
}

async function loadSeedsForServing(store: BilateralStore, database: string): Promise<void> {
  try {
    const report = await store.loadSeeds(defaultSeedsDir());
    if (report.skipped) {
      console.log(`${database}: seeds unchanged since the last load, not reread`);
      return;
    }
    console.log(
      `${database}: seeds loaded (${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed, ${report.kept} kept, ${report.mergedAway} merged away)`,
    );
  } catch (error) {
    if (error instanceof SeedValidationError) {
      await store.close();
      throw new StartupError(error.message);
    }
    // The load ran in one transaction, so the database is as it was: serve it rather than go down.
    const storage = store.storageErrorOf(error);
    console.error(
      storage
        ? `seeds/ could not be written into ${database} (${storage.logLine()}), so the database was left exactly as it was and is served as it is.`
        : `seeds/ could not be written into ${database}, so the database was left exactly as it was and is served as it is.\n` +
            `The seed files probably conflict with edits made through the API: run \`npx -y pnpm@10 bilateral export-seeds\`, review the diff, and restart.\n` +
            `Cause: ${(error as Error).message}`,
    );
  }
}

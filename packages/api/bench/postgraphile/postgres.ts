/**
 * A throwaway PostgreSQL cluster for the PostGraphile comparison, and the copy of a synthetic
 * SQLite database into it. The cluster is created with initdb under a scratch directory (C
 * collation, so text sorts byte-wise as SQLite's does), started with pg_ctl pinned to the server
 * core, and stopped when the comparison ends. A loaded database is kept between runs and reused
 * when it was copied from the same SQLite file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Cluster {
  dir: string;
  port: number;
  /** PostgreSQL's own version string. */
  version: string;
}

/** The newest installed PostgreSQL's programs (Debian keeps them out of PATH), or POSTGRES_BIN. */
function postgresBin(): string {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql), or set POSTGRES_BIN');
  return join(root, newest, 'bin');
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user the Debian package creates. */
const asServerUser = (command: string[]) =>
  process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...command] : command;

function run(command: string[], options: { cpu?: number | null } = {}): string {
  const pinned = options.cpu == null ? command : ['taskset', '-c', String(options.cpu), ...command];
  return execFileSync(pinned[0]!, pinned.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const connectionArgs = (cluster: Cluster, database: string) => [
  '-h',
  '127.0.0.1',
  '-p',
  String(cluster.port),
  '-U',
  'postgres',
  '-d',
  database,
];

/** Runs SQL with psql and returns its unaligned, tuples-only output. */
export const psql = (cluster: Cluster, database: string, sql: string) =>
  run(['psql', ...connectionArgs(cluster, database), '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql]).trim();

export const connectionString = (cluster: Cluster, database: string) =>
  `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;

/**
 * Creates the cluster under `dir` if it is not there and starts it on 127.0.0.1:`port`, with every
 * PostgreSQL process pinned to `cpu` (the server side gets one core, as our server does).
 */
export function startCluster({ dir, port, cpu }: { dir: string; port: number; cpu: number | null }): Cluster {
  const bin = postgresBin();
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(run(['id', flag, 'postgres'])));
    chownSync(dir, uid!, gid!);
  }
  if (!existsSync(join(data, 'PG_VERSION')))
    run(
      asServerUser([
        join(bin, 'initdb'),
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '--locale=C',
        '--encoding=UTF8',
      ]),
    );
  // A cluster left running by an interrupted run is restarted, so that it has these settings and pinning.
  const pgCtl = (...args: string[]) => asServerUser([join(bin, 'pg_ctl'), '-D', data, ...args]);
  if (existsSync(join(data, 'postmaster.pid'))) run(pgCtl('-m', 'fast', '-w', 'stop'));
  // A throwaway, read-only benchmark database: durability settings only slow the load down, and
  // autovacuum would run on the server core during the timing (loadDatabase vacuums once instead).
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c autovacuum=off`;
  run(pgCtl('-l', join(dir, 'server.log'), '-o', settings, '-w', 'start'), { cpu });
  const cluster: Cluster = { dir, port, version: '' };
  cluster.version = psql(cluster, 'postgres', 'show server_version');
  return cluster;
}

export function stopCluster(cluster: Cluster): void {
  run(asServerUser([join(postgresBin(), 'pg_ctl'), '-D', join(cluster.dir, 'data'), '-m', 'fast', '-w', 'stop']));
}

/**
 * Statistics for the planner, and the visibility map that lets index-only scans skip the table
 * (VACUUM cannot run inside the transaction psql -c makes of several statements). Quick when
 * nothing changed since the last time.
 */
const vacuum = (cluster: Cluster, database: string) => psql(cluster, database, 'vacuum (analyze)');

const copyCommand = join(import.meta.dirname, '../../../store/src/cli/bilateral.ts');

/**
 * The PostgreSQL database holding a copy of the SQLite file at `path`, in Bilateral's own schema
 * (our server and PostGraphile serve the same tables): reused if an earlier run loaded it from the
 * same file, otherwise (re)created, migrated and filled by `bilateral copy-to-postgres`, the upgrade
 * path docs/operating.md describes, then vacuumed and analyzed.
 */
export function loadDatabase(cluster: Cluster, path: string): { database: string; loadedSeconds: number | null } {
  const file = basename(path);
  const database = `bench_${createHash('sha256').update(file).digest('hex').slice(0, 16)}`;
  const exists = psql(cluster, 'postgres', `select 1 from pg_database where datname = '${database}'`) === '1';
  if (exists && psql(cluster, database, "select to_regclass('bench.loaded_from') is not null") === 't')
    if (psql(cluster, database, 'select file from bench.loaded_from') === file) {
      vacuum(cluster, database);
      return { database, loadedSeconds: null };
    }
  const started = performance.now();
  psql(cluster, 'postgres', `drop database if exists ${database}`);
  psql(cluster, 'postgres', `create database ${database}`);
  execFileSync(
    'node',
    ['--import', 'tsx', copyCommand, 'copy-to-postgres', connectionString(cluster, database), '--database', path],
    { cwd: import.meta.dirname, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  vacuum(cluster, database);
  psql(cluster, database, `create schema bench; create table bench.loaded_from (file text not null)`);
  psql(cluster, database, `insert into bench.loaded_from values ('${file}')`);
  return { database, loadedSeconds: (performance.now() - started) / 1000 };
}

/**
 * Waits until no query runs in `database`. PostGraphile does not cancel a query when its client
 * hangs up, so the queries in flight when a wrk run stops would otherwise go on running on the
 * server core during the next measurement, whichever server it times.
 */
export async function drained(cluster: Cluster, database: string, timeoutMs = 180_000): Promise<void> {
  const started = performance.now();
  const active = `select count(*) from pg_stat_activity where datname = '${database}' and state = 'active' and pid <> pg_backend_pid()`;
  while (psql(cluster, database, active) !== '0') {
    if (performance.now() - started > timeoutMs)
      throw new Error(`queries still running in ${database} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The process ID of the cluster's postmaster, under which every PostgreSQL process of it runs. */
export const postmasterPid = (cluster: Cluster): number =>
  Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n', 1)[0]);

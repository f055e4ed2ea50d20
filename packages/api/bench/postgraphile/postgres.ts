/**
 * A throwaway PostgreSQL cluster for the PostGraphile comparison, and the copy of a synthetic
 * SQLite database into it. The cluster is created with initdb under a scratch directory (C
 * collation, so text sorts byte-wise as SQLite's does), started with pg_ctl pinned to the server
 * core, and stopped when the comparison ends. A loaded database is kept between runs and reused
 * when it was copied from the same SQLite file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from '../baselines/wire.ts';

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

/** One COPY field in PostgreSQL's text format. */
const copyField = (value: unknown) =>
  value == null
    ? '\\N'
    : String(value).replace(
        /[\\\t\n\r]/g,
        (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character]!,
      );

/** Streams rows into `table` with COPY through psql's standard input. */
async function copyRows(cluster: Cluster, database: string, table: string, rows: Iterable<unknown[]>): Promise<void> {
  const child = spawn(
    'psql',
    [...connectionArgs(cluster, database), '-v', 'ON_ERROR_STOP=1', '-q', '-c', `copy ${table} from stdin`],
    {
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  const exited = once(child, 'exit');
  let batch = '';
  for (const row of rows) {
    batch += `${row.map(copyField).join('\t')}\n`;
    if (batch.length > 1 << 20) {
      if (!child.stdin.write(batch)) await once(child.stdin, 'drain');
      batch = '';
    }
  }
  child.stdin.end(batch);
  const [code] = await exited;
  if (code !== 0) throw new Error(`COPY into ${table} failed (psql exited with ${code})`);
}

/**
 * The tables PostGraphile serves the page query from: the columns the query reads, with the
 * primary keys, foreign keys (which PostGraphile turns into relations), an index on every foreign
 * key and the orders it sorts by, as SQLite has for our server. PostGraphile 5 offers filters and
 * orders only on indexed columns, hence the index on archived_at (the filter for live events).
 */
const TABLES = {
  actors: {
    create: 'create table actors (id integer, slug text not null, name text not null, kind text not null)',
    select: 'select id, slug, name, kind from actors order by id',
  },
  sources: {
    create: 'create table sources (id integer, title text not null)',
    select: 'select id, title from sources order by id',
  },
  events: {
    create: `create table events (id integer, slug text not null, title text not null, kind text not null, place text,
      date_earliest text not null, date_latest text not null, archived_at text)`,
    select: 'select id, slug, title, kind, place, date_earliest, date_latest, archived_at from events order by id',
  },
  event_participants: {
    create: `create table event_participants (event_id integer not null, actor_id integer not null, role text not null,
      position integer not null)`,
    select: 'select event_id, actor_id, role, position from event_participants',
  },
  citations: {
    create: `create table citations (id integer, event_id integer not null, source_id integer not null,
      paragraph integer not null, position integer not null)`,
    select: 'select id, event_id, source_id, paragraph, position from citations where event_id is not null order by id',
  },
};

/** Added after the rows are in: building them once is much faster than maintaining them row by row. */
const CONSTRAINTS = `
  alter table actors add primary key (id), add unique (slug);
  alter table sources add primary key (id);
  alter table events add primary key (id), add unique (slug);
  alter table event_participants add primary key (event_id, actor_id, role),
    add foreign key (event_id) references events (id), add foreign key (actor_id) references actors (id);
  alter table citations add primary key (id),
    add foreign key (event_id) references events (id), add foreign key (source_id) references sources (id);
  create index events_date on events (date_earliest, date_latest, id);
  create index events_live_date on events (date_earliest, date_latest, id) where archived_at is null;
  create index event_participants_order on event_participants (event_id, position);
  create index event_participants_actor on event_participants (actor_id, event_id);
  create index citations_order on citations (event_id, position, id);
  create index citations_source on citations (source_id);
  create index events_archived on events (archived_at);
  create schema bench;
  create table bench.loaded_from (file text not null);`;

/**
 * Statistics for the planner, and the visibility map that lets index-only scans skip the table
 * (VACUUM cannot run inside the transaction psql -c makes of several statements). Quick when
 * nothing changed since the last time.
 */
const vacuum = (cluster: Cluster, database: string) => psql(cluster, database, 'vacuum (analyze)');

/**
 * The PostgreSQL database holding a copy of the SQLite file at `path` (read through `db`): reused
 * if an earlier run loaded it from the same file, otherwise (re)created and filled with COPY.
 */
export async function loadDatabase(
  cluster: Cluster,
  path: string,
  db: Database,
): Promise<{ database: string; loadedSeconds: number | null }> {
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
  for (const [table, { create, select }] of Object.entries(TABLES)) {
    psql(cluster, database, create);
    await copyRows(cluster, database, table, db.prepare(select).raw().iterate() as Iterable<unknown[]>);
  }
  psql(cluster, database, CONSTRAINTS);
  vacuum(cluster, database);
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

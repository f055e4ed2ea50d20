/**
 * A throwaway PostgreSQL server for tests that need a real one (several connections, locks, a server
 * that stops): Debian's postgresql package, a cluster made with initdb in a temporary directory,
 * listening on 127.0.0.1 only, on a free port, removed when stopped. Where the server's programs are
 * missing those tests are skipped with a loud warning, and fail under CI (`CI` set), where
 * `.ci/run` installs them.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);

/** The newest installed PostgreSQL's programs (Debian keeps them out of PATH), or POSTGRES_BIN; undefined when initdb is not there. */
export function postgresBin(): string | undefined {
  if (process.env.POSTGRES_BIN)
    return existsSync(join(process.env.POSTGRES_BIN, 'initdb')) ? process.env.POSTGRES_BIN : undefined;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest && existsSync(join(root, newest, 'bin', 'initdb')) ? join(root, newest, 'bin') : undefined;
}

/** initdb and postgres refuse to run as root: as root, they run as the `postgres` user the Debian package creates. */
const asServerUser = (command: string[]) =>
  process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...command] : command;

const runAsServerUser = (command: string[]) => {
  const [program, ...args] = asServerUser(command);
  return run(program!, args);
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface PostgresServer {
  port: number;
  /** The cluster's data directory; copy it only while the server is stopped. */
  dataDirectory: string;
  /** A connection URL to `database` (default `postgres`) as the superuser `postgres`, no password (trust, 127.0.0.1 only). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs one statement as the superuser on `database` (default `postgres`): `alter database … set …`, say. */
  execute(statement: string, database?: string): Promise<void>;
  /** Stops the server: `fast` lets sessions end cleanly, `immediate` kills it as a crash would. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again after stop(). */
  start(): Promise<void>;
  /** Promotes a hot standby (`startPostgresServer(…, { standbyOf })`) to a primary, waiting until it takes writes. */
  promote(): Promise<void>;
  /** Stops it if running and removes its directory. */
  remove(): Promise<void>;
}

export interface StartOptions {
  /** A stopped cluster's data directory to start a copy of, instead of an empty new cluster. */
  copyOf?: string;
  /**
   * A running server to start a hot standby of: its base backup (`pg_basebackup -R`, over the
   * replication connection initdb's trust rules allow from 127.0.0.1), streaming from it.
   */
  standbyOf?: PostgresServer;
}

/** Copies a data directory as the server's user, so the copy keeps the owner and modes PostgreSQL insists on. */
export const copyDataDirectory = (from: string, to: string) => runAsServerUser(['cp', '-a', from, to]);

/** Creates and starts a cluster; `settings` are extra `-c name=value` server settings. */
export async function startPostgresServer(
  settings: Record<string, string> = {},
  { copyOf, standbyOf }: StartOptions = {},
): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql), or set POSTGRES_BIN');
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-postgres-'));
  if (process.getuid?.() === 0) {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(uid), Number(gid));
  }
  const data = join(dir, 'data');
  if (copyOf) await copyDataDirectory(copyOf, data);
  else if (standbyOf)
    await runAsServerUser([
      join(bin, 'pg_basebackup'),
      '-D',
      data,
      '-R',
      '-X',
      'stream',
      '-h',
      '127.0.0.1',
      '-p',
      String(standbyOf.port),
      '-U',
      'postgres',
    ]);
  else
    await runAsServerUser([
      join(bin, 'initdb'),
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--locale=C.UTF-8',
      '--encoding=UTF8',
    ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  const pgCtl = (...args: string[]) => runAsServerUser([join(bin, 'pg_ctl'), '-D', data, ...args]);
  let running = false;
  const server: PostgresServer = {
    port,
    dataDirectory: data,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      await server.execute(`create database ${pg.escapeIdentifier(name)}`);
      return server.url(name);
    },
    async execute(statement, database) {
      const client = new pg.Client({ connectionString: server.url(database) });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    async stop(mode = 'fast') {
      await pgCtl('-m', mode, '-w', 'stop');
      running = false;
    },
    async start() {
      await pgCtl('-l', join(dir, 'server.log'), '-o', options, '-w', 'start');
      running = true;
    },
    async promote() {
      await pgCtl('-w', 'promote');
    },
    async remove() {
      if (running) await server.stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** True when a server can be started; otherwise warns loudly that `skipped` will not run. */
export function postgresServerInstalled(skipped: string): boolean {
  const installed = postgresBin() !== undefined;
  if (!installed) {
    const warning = `PostgreSQL's server programs are not installed (apt-get install postgresql): ${skipped} SKIPPED`;
    console.warn(`\n${'!'.repeat(100)}\n!! ${warning}\n${'!'.repeat(100)}\n`);
  }
  return installed;
}

/** A test that fails under CI when the server is missing, so a skip there is a failure, not a pass. */
export function itRequiresPostgresServerInCI(installed: boolean): void {
  it('has a PostgreSQL server to test against when running in CI, where .ci/run installs one', () => {
    if (process.env.CI) expect(installed, 'CI needs Debian’s postgresql package').toBe(true);
  });
}

/**
 * A server for the tests of the calling describe block: started before them, removed after them.
 * Returns a function that gives it (once started).
 */
export function throwawayServer(): () => PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startPostgresServer();
  }, 120_000);
  afterAll(async () => {
    await server?.remove();
  });
  return () => server!;
}

import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { knownMigrationNames } from '../db/client.ts';
import { openBilateralStore } from '../open-bilateral-store.ts';
import { knownPostgresMigrationNames } from '../postgres/client.ts';
import { itRequiresPostgresServerInCI, postgresServerInstalled, throwawayServer } from '../postgres/testing/server.ts';
import { validateSeeds } from '../seed/validate.ts';
import { removeTemporaryDirectories, seededDatabaseFile, temporaryDirectory } from '../testing/database-files.ts';
import { fixtureSeedsDir } from '../testing/fixture-store.ts';

const tsx = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
const cli = join(import.meta.dirname, 'bilateral.ts');

/** Runs the CLI as an operator would, in its own process. */
function bilateral(...args: string[]) {
  return bilateralAs(undefined, ...args);
}

function bilateralAs(user: { uid: number; gid: number } | undefined, ...args: string[]) {
  const { status, stdout, stderr } = spawnSync(tsx, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: '', DATABASE_URL: '' },
    ...user,
  });
  return { status, stdout, stderr };
}

/** Runs the CLI on the PostgreSQL database at `url` (DATABASE_URL), without waiting, so several can run at once. */
function bilateralOn(url: string, ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      tsx,
      [cli, ...args],
      { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: '', DATABASE_URL: url } },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

afterEach(removeTemporaryDirectories);

// Each test runs the CLI through tsx several times, a few seconds each on a busy machine (load 19 on
// two cores took two of them past the default 20 s).
const SPAWNS_THE_CLI = { timeout: 60_000 };

describe('bilateral', SPAWNS_THE_CLI, () => {
  it('prints usage listing every command for help and for no command', () => {
    for (const args of [['help'], []]) {
      const { status, stdout } = bilateral(...args);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^usage: bilateral <command>/);
      expect(stdout).toMatch(/backup FILE \[--force\] +copy the database/);
      expect(stdout).toMatch(/restore FILE +replace the database/);
    }
  });

  it('exits 2 with usage for an unknown command, and for wrong arguments', () => {
    const unknown = bilateral('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('usage: bilateral <command>');

    const missingFile = bilateral('backup');
    expect(missingFile.status).toBe(2);
    expect(missingFile.stderr).toContain('usage: bilateral backup FILE [--force]');
    expect(bilateral('backup', 'x.db', '--nonsense').status).toBe(2);
  });

  it('backs up and restores the database named by --database, refusing to overwrite without --force', () => {
    const dir = temporaryDirectory();
    const live = seededDatabaseFile(join(dir, 'live.db'));
    const copy = join(dir, 'copy.db');

    const backup = bilateral('backup', copy, '--database', live);
    expect(backup).toMatchObject({ status: 0, stderr: '' });
    expect(backup.stdout).toMatch(
      new RegExp(
        `to .*copy\\.db: \\d+ KiB, 3 events, 5 actors, ${knownMigrationNames().length} migrations, integrity ok`,
      ),
    );

    const again = bilateral('backup', copy, '--database', live);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(bilateral('backup', copy, '--force', '--database', live).status).toBe(0);

    const restore = bilateral('restore', copy, '--database', live);
    expect(restore).toMatchObject({ status: 0, stderr: '' });
    expect(restore.stdout).toContain('3 events, 5 actors');

    const refused = bilateral('restore', join(dir, 'missing.db'), '--database', live);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^bilateral restore: .*missing\.db does not exist\n$/);
    expect(existsSync(live)).toBe(true);
  });
});

describe('bilateral keys', SPAWNS_THE_CLI, () => {
  it('creates a key that authenticates, lists it without its secret, and revokes it', async () => {
    const database = join(temporaryDirectory(), 'keys.db');
    const created = bilateral('keys', 'create', '--scope', 'write', '--label', 'editor script', '--database', database);
    expect(created.status).toBe(0);
    const secret = created.stdout.trim().split('\n').at(-1)!;
    expect(secret).toMatch(/^blt_[\w-]{40,}$/);

    const { authenticateApiKey } = await import('../curation/keys.ts');
    const { openStore, closeStore } = await import('../db/client.ts');
    const authenticated = () => {
      const store = openStore(database);
      try {
        return authenticateApiKey(store, secret);
      } finally {
        closeStore(store);
      }
    };
    expect(authenticated()).toMatchObject({ id: 1, scope: 'write', label: 'editor script' });

    const listed = bilateral('keys', 'list', '--database', database);
    expect(listed.stdout).toMatch(/^1\twrite\tactive\teditor script$/m);
    expect(listed.stdout).not.toContain(secret);

    expect(bilateral('keys', 'revoke', '1', '--database', database).status).toBe(0);
    expect(authenticated()).toBeNull();
    expect(bilateral('keys', 'revoke', '1', '--database', database).status).toBe(1);
    expect(bilateral('keys', 'create', '--scope', 'root', '--database', database).status).toBe(2);
  });
});

describe('bilateral export-seeds', SPAWNS_THE_CLI, () => {
  it('writes the database to seed files, changing none when they already match', () => {
    const dir = temporaryDirectory();
    const database = seededDatabaseFile(join(dir, 'live.db'));
    const seeds = join(dir, 'seeds');
    cpSync(fixtureSeedsDir, seeds, { recursive: true });

    const unchanged = bilateral('export-seeds', seeds, '--database', database);
    expect(unchanged).toMatchObject({ status: 0, stderr: '' });
    expect(unchanged.stdout).toMatch(/events +0 updated, 0 added, 0 removed\n.*\nno file changed\n$/);

    const fresh = bilateral('export-seeds', join(dir, 'fresh'), '--database', database);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toMatch(/events +0 updated, 3 added, 0 removed/);
    expect(validateSeeds(join(dir, 'fresh')).problems).toEqual([]);
  });

  it('refuses a database that does not exist, and more than one directory', () => {
    const dir = temporaryDirectory();
    const missing = bilateral('export-seeds', join(dir, 'seeds'), '--database', join(dir, 'missing.db'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no database at');
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
    expect(bilateral('export-seeds', 'a', 'b').status).toBe(2);
  });
});

describe('storage faults in the CLI', SPAWNS_THE_CLI, () => {
  it('a database locked past the busy timeout: one line naming BUSY, exit 6', () => {
    const database = seededDatabaseFile(join(temporaryDirectory(), 'locked.db'));
    const holder = new Database(database);
    try {
      holder.exec('begin immediate');
      const locked = bilateral('keys', 'create', '--scope', 'read', '--database', database);
      expect(locked.status).toBe(6);
      expect(locked.stderr).toMatch(
        /^bilateral keys create: storage error BUSY \(retryable: true\): SQLITE_BUSY: [^\n]+\n$/,
      );
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    expect(bilateral('keys', 'create', '--scope', 'read', '--database', database).status).toBe(0);
  }, 30_000);

  it('a read-only database: reading commands work, writing ones exit 4 naming STORAGE_READ_ONLY', () => {
    const dir = temporaryDirectory();
    const database = seededDatabaseFile(join(dir, 'read-only.db'));
    chmodSync(database, 0o444);
    chmodSync(dir, 0o555);
    // Root writes through file modes; run the CLI as nobody so the modes apply.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    try {
      expect(bilateralAs(user, 'keys', 'list', '--database', database)).toMatchObject({ status: 0, stderr: '' });
      const refused = bilateralAs(user, 'keys', 'create', '--scope', 'read', '--database', database);
      expect(refused.status).toBe(4);
      expect(refused.stderr).toMatch(
        /^bilateral keys create: storage error STORAGE_READ_ONLY \(retryable: false\): SQLITE_READONLY[^\n]+\n$/,
      );
    } finally {
      chmodSync(dir, 0o755);
    }
  }, 30_000);
});

const installed = postgresServerInstalled('the bilateral CLI tests on PostgreSQL');
itRequiresPostgresServerInCI(installed);

describe.runIf(installed)('bilateral on PostgreSQL (DATABASE_URL)', { timeout: 300_000 }, () => {
  const server = throwawayServer();

  /** Runs `statement` on the database at `url` and returns its rows. */
  async function query<Row>(url: string, statement: string): Promise<Row[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(statement)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  it('migrates once and loads the seeds once when several commands start at once', async () => {
    const url = await server().createDatabase('started_at_once');
    const runs = await Promise.all([
      ...Array.from({ length: 3 }, () => bilateralOn(url, 'migrate')),
      ...Array.from({ length: 3 }, () => bilateralOn(url, 'load-seeds', fixtureSeedsDir)),
    ]);
    for (const run of runs) expect(run).toMatchObject({ status: 0, stderr: '' });
    for (const run of runs.slice(0, 3))
      expect(run.stdout).toMatch(
        /^migrated postgres:\/\/postgres@127\.0\.0\.1:\d+\/started_at_once: the schema is up to date/,
      );
    const loads = runs.slice(3).map((run) => run.stdout);
    expect(loads.filter((out) => /: \d+ created, 0 updated, 0 unchanged/.test(out))).toHaveLength(1);
    expect(loads.filter((out) => out.includes('unchanged since the last load, not reread'))).toHaveLength(2);
    const migrations = await query<{ name: string }>(url, 'select name from drizzle.__drizzle_migrations order by id');
    expect(migrations.map((row) => row.name)).toEqual(knownPostgresMigrationNames());
    const [counts] = await query<{ events: number; actors: number; loads: number; seeded: number; records: number }>(
      url,
      `select (select count(*)::integer from events) as events, (select count(*)::integer from actors) as actors,
        (select count(*)::integer from seed_loads) as loads,
        (select count(*)::integer from revisions where operation = 'seed') as seeded,
        (select (select count(*) from events) + (select count(*) from actors) + (select count(*) from sources) + (select count(*) from figures))::integer as records`,
    );
    expect(counts).toMatchObject({ events: 3, actors: 5, loads: 1 });
    // One seed revision per record: nothing was written twice.
    expect(counts!.seeded).toBe(counts!.records);
  });

  it('creates, lists and revokes keys in the PostgreSQL database, and exports its seeds', async () => {
    const url = await server().createDatabase('keys_and_seeds');
    expect((await bilateralOn(url, 'load-seeds', fixtureSeedsDir)).status).toBe(0);
    const created = await bilateralOn(url, 'keys', 'create', '--scope', 'write', '--label', 'editor script');
    expect(created).toMatchObject({ status: 0, stderr: '' });
    const secret = created.stdout.trim().split('\n').at(-1)!;
    const store = openBilateralStore({ databaseUrl: url });
    try {
      expect(await store.authenticateApiKey(secret)).toMatchObject({ id: 1, scope: 'write', label: 'editor script' });
      const listed = await bilateralOn(url, 'keys', 'list');
      expect(listed.stdout).toMatch(/^1\twrite\tactive\teditor script$/m);
      expect(listed.stdout).not.toContain(secret);
      expect((await bilateralOn(url, 'keys', 'revoke', '1')).status).toBe(0);
      expect(await store.authenticateApiKey(secret)).toBeNull();

      const seeds = join(temporaryDirectory(), 'seeds');
      cpSync(fixtureSeedsDir, seeds, { recursive: true });
      const exported = await bilateralOn(url, 'export-seeds', seeds);
      expect(exported).toMatchObject({ status: 0, stderr: '' });
      expect(exported.stdout).toMatch(/events +0 updated, 0 added, 0 removed\n.*\nno file changed\n$/);
    } finally {
      await store.close();
    }
  });

  it('refuses the SQLite-only commands naming the PostgreSQL tools, --database beside DATABASE_URL, and a server that does not answer', async () => {
    const url = server().url('postgres');
    const [backup, restore, both, unreachable] = await Promise.all([
      bilateralOn(url, 'backup', 'copy.db'),
      bilateralOn(url, 'restore', 'copy.db'),
      bilateralOn(url, 'keys', 'list', '--database', 'other.db'),
      bilateralOn('postgres://bilateral:secret-password@127.0.0.1:1/bilateral', 'migrate'),
    ]);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toMatch(
      /^bilateral backup: backup works on the SQLite file, and DATABASE_URL names a PostgreSQL server: use PostgreSQL's own tools: `pg_dump /,
    );
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('`pg_restore --dbname=DATABASE_URL');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--database names a SQLite file, but DATABASE_URL names a PostgreSQL server');
    expect(unreachable.status).toBe(5);
    expect(unreachable.stderr).toMatch(
      /^bilateral migrate: storage error STORAGE_UNAVAILABLE \(retryable: true\): PostgreSQL ECONNREFUSED/,
    );
    expect(unreachable.stderr).not.toContain('secret-password');
  });
});

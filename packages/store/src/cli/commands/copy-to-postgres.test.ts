import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  itRequiresPostgresServerInCI,
  postgresServerInstalled,
  throwawayServer,
} from '../../postgres/testing/server.ts';
import { removeTemporaryDirectories, seededDatabaseFile, temporaryDirectory } from '../../testing/database-files.ts';

const tsx = join(import.meta.dirname, '../../../../../node_modules/.bin/tsx');
const cli = join(import.meta.dirname, '../bilateral.ts');

const bilateral = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(tsx, [cli, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: '', ...env } });

afterEach(removeTemporaryDirectories);

describe('bilateral copy-to-postgres without a URL', () => {
  it('exits 2 and says to give one', { timeout: 60_000 }, () => {
    const { status, stderr } = bilateral({ DATABASE_URL: '' }, 'copy-to-postgres');
    expect(status).toBe(2);
    expect(stderr).toContain('set DATABASE_URL');
  });
});

const installed = postgresServerInstalled('the copy-to-postgres command test');
itRequiresPostgresServerInCI(installed);

describe.runIf(installed)('bilateral copy-to-postgres', { timeout: 120_000 }, () => {
  const server = throwawayServer();

  it('copies the database into an empty PostgreSQL one and checks it; a second copy is refused', async () => {
    const database = seededDatabaseFile(join(temporaryDirectory(), 'bilateral.db'));
    const url = await server().createDatabase('copied');
    const copied = bilateral({ DATABASE_URL: url }, 'copy-to-postgres', '--database', database);
    expect(copied.stderr).toBe('');
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/^events: \d+ rows$/m);
    expect(copied.stdout).toContain('row counts and the trigger-kept totals checked');

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('select count(*)::integer as n from events');
    await client.end();
    expect(rows[0]!.n).toBeGreaterThan(0);

    const again = bilateral({}, 'copy-to-postgres', url, '--database', database);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty');
  });
});

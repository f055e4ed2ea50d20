import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultDatabasePath } from '../sources/documents.ts';
import { resolveDatabasePath } from './database-path.ts';

afterEach(() => vi.unstubAllEnvs());

describe('resolveDatabasePath', () => {
  it('resolves a relative path against where pnpm was run (INIT_CWD), not the package directory', () => {
    vi.stubEnv('INIT_CWD', '/srv/bilateral');
    expect(resolveDatabasePath('backups/live.db')).toBe('/srv/bilateral/backups/live.db');
    expect(resolveDatabasePath('/var/lib/bilateral.db')).toBe('/var/lib/bilateral.db');
  });

  it('takes DATABASE_PATH when nothing is requested, else data/bilateral.db at the repository root', () => {
    vi.stubEnv('INIT_CWD', '/srv/bilateral');
    vi.stubEnv('DATABASE_PATH', 'from-env.db');
    expect(resolveDatabasePath()).toBe('/srv/bilateral/from-env.db');
    vi.stubEnv('DATABASE_PATH', '');
    expect(resolveDatabasePath()).toBe(defaultDatabasePath());
    expect(defaultDatabasePath()).toBe(join(import.meta.dirname, '../../../..', 'data', 'bilateral.db'));
  });
});

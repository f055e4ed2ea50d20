/**
 * vitest's global setup for the store tests that run on both databases (`both-stores.ts`): where
 * PostgreSQL's server programs are installed (and `BILATERAL_TEST_POSTGRES` is not `pglite`), one
 * throwaway server for the whole run, with a migrated template database that each test file copies
 * into a database of its own. Starting the server and migrating the template costs about 2.7 s
 * once; a copy about 0.2 s per file, against about 4 s (and a core) for each file's PGlite.
 */
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../postgres/client.ts';
import { postgresBin, startPostgresServer } from '../postgres/testing/server.ts';

/** The database every test file's own database is created from: migrated, and empty. */
export const TEMPLATE_DATABASE = 'bilateral_template';

/** Which PostgreSQL the store's tests run on, from `BILATERAL_TEST_POSTGRES`, else a server where one is installed. */
export function testPostgresKind(): 'server' | 'pglite' {
  const asked = process.env.BILATERAL_TEST_POSTGRES;
  if (asked === 'server' || asked === 'pglite') return asked;
  if (asked) throw new Error(`BILATERAL_TEST_POSTGRES must be "server" or "pglite"; got "${asked}"`);
  return postgresBin() ? 'server' : 'pglite';
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the run's PostgreSQL server (its `postgres` database), or '' where the tests use PGlite. */
    bilateralPostgresServerUrl: string;
  }
}

export default async function startTestPostgresServer(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (testPostgresKind() === 'pglite') {
    project.provide('bilateralPostgresServerUrl', '');
    return;
  }
  const server = await startPostgresServer();
  try {
    const template = await openPostgresStore(await server.createDatabase(TEMPLATE_DATABASE));
    await template.close();
  } catch (error) {
    await server.remove();
    throw error;
  }
  project.provide('bilateralPostgresServerUrl', server.url());
  return () => server.remove();
}

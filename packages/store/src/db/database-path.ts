import { resolve } from 'node:path';
import { defaultDatabasePath } from '../sources/documents.ts';

/**
 * Resolves a path the user typed against the directory they ran the command from. pnpm runs a
 * package's scripts inside that package's directory and records where it was started in INIT_CWD.
 */
export const resolveFromInvocation = (path: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), path);

/**
 * The database file the server and the operator CLI use: `requested` (a `--database` flag, else
 * `DATABASE_PATH`) resolved as the user typed it, or `data/bilateral.db` at the repository root.
 */
export const resolveDatabasePath = (requested: string | undefined = process.env.DATABASE_PATH): string =>
  requested ? resolveFromInvocation(requested) : defaultDatabasePath();

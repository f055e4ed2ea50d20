import { CommandFailure } from './command.ts';

/** What PostgreSQL has instead of each SQLite-only command (docs/operating.md, "Running on PostgreSQL"). */
const POSTGRES_TOOLS = {
  backup:
    "use PostgreSQL's own tools: `pg_dump --format=custom --file=FILE DATABASE_URL` for a copy, or a base backup (pg_basebackup) with WAL archiving for point-in-time recovery",
  restore:
    "use PostgreSQL's own tools: `pg_restore --dbname=DATABASE_URL --no-owner FILE` into an empty database (stop the servers first), or recover a base backup",
} as const;

/**
 * Refuses a command that works on the SQLite file only (its online backup API, its file) when
 * DATABASE_URL names a PostgreSQL server, saying which tool does that job there; exit status 1.
 */
export function refuseOnPostgres(command: keyof typeof POSTGRES_TOOLS, databaseUrl: string | undefined): void {
  if (!databaseUrl) return;
  throw new CommandFailure(
    `${command} works on the SQLite file, and DATABASE_URL names a PostgreSQL server: ${POSTGRES_TOOLS[command]}. Unset DATABASE_URL to work on the SQLite file.`,
  );
}

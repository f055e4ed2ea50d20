import { closeStore, openStore } from '../../db/client.ts';
import { type Command, CommandFailure, UsageError } from '../command.ts';
import { withoutPassword } from '../with-store.ts';

export const copyToPostgres: Command = {
  usage: 'copy-to-postgres [URL]',
  summary: 'copy the database into an empty PostgreSQL one (URL, else DATABASE_URL), checked by counts and totals',
  async run({ positionals, databasePath }) {
    if (positionals.length > 1) throw new UsageError(`expected at most one URL, got ${positionals.join(' ')}`);
    const url = positionals[0] ?? process.env.DATABASE_URL;
    if (!url)
      throw new UsageError('give the PostgreSQL database as URL (postgres://user@host/database) or set DATABASE_URL');
    // Loaded here, so the other commands never load the PostgreSQL drivers.
    const { openPostgresStore } = await import('../../postgres/client.ts');
    const { CopyError, copyFromSqlite } = await import('../../postgres/copy-from-sqlite.ts');
    const sqlite = openStore(databasePath, { readOnly: true });
    try {
      const target = await openPostgresStore(url);
      try {
        const { rows } = await copyFromSqlite(sqlite.$client, target.db, {
          onTable: (table, count) => console.log(`${table}: ${count} rows`),
        });
        const total = rows.reduce((sum, row) => sum + row.count, 0);
        console.log(
          `copied ${databasePath}\ninto ${withoutPassword(url)}: ${total} rows in ${rows.length} tables; row counts and the trigger-kept totals checked`,
        );
      } catch (error) {
        throw error instanceof CopyError ? new CommandFailure(error.message) : error;
      } finally {
        await target.close();
      }
    } finally {
      closeStore(sqlite);
    }
  },
};

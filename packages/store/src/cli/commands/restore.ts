import { resolveFromInvocation } from '../../db/database-path.ts';
import { restoreDatabase } from '../../maintenance/restore.ts';
import { type Command, requireArguments } from '../command.ts';
import { describeContents } from '../describe-contents.ts';
import { refuseOnPostgres } from '../sqlite-only.ts';

export const restore: Command = {
  usage: 'restore FILE',
  summary: 'replace the database with the backup FILE, then migrate it (stop the server first)',
  async run({ positionals, databasePath, databaseUrl }) {
    refuseOnPostgres('restore', databaseUrl);
    const [file] = requireArguments(positionals, 'FILE');
    const summary = await restoreDatabase(resolveFromInvocation(file), databasePath);
    console.log(
      `restored ${summary.path}\nfrom ${summary.from}: ${describeContents(summary)}, ${summary.migrationsApplied} migrations applied now`,
    );
  },
};

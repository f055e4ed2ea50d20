import { resolveFromInvocation } from '../../db/database-path.ts';
import { backupDatabase } from '../../maintenance/backup.ts';
import { type Command, requireArguments } from '../command.ts';
import { describeContents } from '../describe-contents.ts';
import { refuseOnPostgres } from '../sqlite-only.ts';

export const backup: Command = {
  usage: 'backup FILE [--force]',
  summary: 'copy the database to FILE (safe while the server runs) and check the copy',
  options: { force: { type: 'boolean' } },
  async run({ positionals, options, databasePath, databaseUrl }) {
    refuseOnPostgres('backup', databaseUrl);
    const [file] = requireArguments(positionals, 'FILE');
    const summary = await backupDatabase(databasePath, resolveFromInvocation(file), { force: options.force === true });
    console.log(`backed up ${databasePath}\nto ${summary.path}: ${describeContents(summary)}`);
  },
};

import { resolveFromInvocation } from '../../db/database-path.ts';
import { defaultSeedsDir } from '../../sources/documents.ts';
import { type Command, UsageError } from '../command.ts';
import { databaseName, withStore } from '../with-store.ts';

export const loadSeedsCommand: Command = {
  usage: 'load-seeds [DIR]',
  summary:
    'validate the seed files in DIR (default seeds/) and load them, as the server does at start (on PostgreSQL under an advisory lock)',
  async run(input) {
    const { positionals } = input;
    if (positionals.length > 1) throw new UsageError(`expected at most DIR, got ${positionals.join(' ')}`);
    const dir = positionals[0] === undefined ? defaultSeedsDir() : resolveFromInvocation(positionals[0]);
    const report = await withStore(input, (store) => store.loadSeeds(dir));
    console.log(
      report.skipped
        ? `${databaseName(input)}: ${dir} unchanged since the last load, not reread`
        : `loaded ${dir}\ninto ${databaseName(input)}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.removed} removed, ${report.kept} kept, ${report.mergedAway} merged away`,
    );
  },
};

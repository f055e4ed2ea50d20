import { existsSync } from 'node:fs';
import { resolveFromInvocation } from '../../db/database-path.ts';
import { type ExportReport, writeSeedFiles } from '../../records/export-seeds.ts';
import { formatProblem } from '../../seed/problems.ts';
import { defaultSeedsDir } from '../../sources/documents.ts';
import { type Command, CommandFailure, UsageError } from '../command.ts';
import { databaseName, withStore } from '../with-store.ts';

const NOUNS = { sources: 'source', actors: 'actor', events: 'event', figures: 'figure' } as const;

function describeExport(report: ExportReport): string[] {
  const types = Object.keys(NOUNS) as (keyof typeof NOUNS)[];
  return [
    ...types.map(
      (type) =>
        `  ${type.padEnd(8)} ${report[type].updated.length} updated, ${report[type].added.length} added, ${report[type].removed.length} removed`,
    ),
    ...types.flatMap((type) =>
      (['updated', 'added', 'removed'] as const).flatMap((change) =>
        report[type][change].map((slug) => `${change} ${NOUNS[type]} ${slug}`),
      ),
    ),
    ...(report.manifests.length ? [`replaced renamed or merged-away slugs in ${report.manifests.join(', ')}`] : []),
    report.files.length ? `wrote ${report.files.join(', ')}` : 'no file changed',
  ];
}

export const exportSeedsCommand: Command = {
  usage: 'export-seeds [DIR]',
  summary: 'write the database back to the seed files in DIR (default seeds/) for review in git',
  async run(input) {
    const { positionals, databasePath, databaseUrl } = input;
    if (positionals.length > 1) throw new UsageError(`expected at most DIR, got ${positionals.join(' ')}`);
    // Opening a missing file would create an empty database, and exporting that would empty the seed files.
    if (!databaseUrl && !existsSync(databasePath)) throw new CommandFailure(`no database at ${databasePath}`);
    const dir = positionals[0] === undefined ? defaultSeedsDir() : resolveFromInvocation(positionals[0]);
    const report = await withStore(input, async (store) =>
      writeSeedFiles(await store.readAllRecords(), await store.readSeedRenames(), dir),
    );
    console.log([`exported ${databaseName(input)}`, `to ${dir}:`, ...describeExport(report)].join('\n'));
    if (report.problems.length > 0) {
      throw new CommandFailure(
        `the files were written, but seed:check finds ${report.problems.length} problem(s) the server would refuse to load; fix them before it next starts:\n${report.problems.map(formatProblem).join('\n')}`,
      );
    }
  },
};

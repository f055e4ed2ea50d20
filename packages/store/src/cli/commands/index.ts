import type { Command } from '../command.ts';
import { backup } from './backup.ts';
import { copyToPostgres } from './copy-to-postgres.ts';
import { exportSeedsCommand } from './export-seeds.ts';
import { keysCreate, keysList, keysRevoke } from './keys.ts';
import { loadSeedsCommand } from './load-seeds.ts';
import { migrate } from './migrate.ts';
import { restore } from './restore.ts';

/**
 * Every `bilateral` command, by the words that call it. A new command is a module in this folder and
 * a line here; a name of several words (`keys create`) matches the first words typed.
 */
export const commands: Record<string, Command> = {
  migrate,
  'load-seeds': loadSeedsCommand,
  backup,
  restore,
  'keys create': keysCreate,
  'keys list': keysList,
  'keys revoke': keysRevoke,
  'export-seeds': exportSeedsCommand,
  'copy-to-postgres': copyToPostgres,
};

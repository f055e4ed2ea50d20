import type { ParseArgsConfig } from 'node:util';

/** What the dispatcher hands a command once its arguments have been parsed. */
export interface CommandInput {
  /** The arguments after the command's name, options removed. */
  positionals: string[];
  /** The command's own options, as node:util's parseArgs returns them. */
  options: Record<string, string | boolean | undefined>;
  /** The SQLite file: `--database`, else `DATABASE_PATH`, else `data/bilateral.db`. */
  databasePath: string;
  /** `DATABASE_URL` when set: the PostgreSQL server the store commands work on instead of the file. */
  databaseUrl: string | undefined;
  /** True when `--database` was given, which names the file, so it cannot go with `DATABASE_URL`. */
  databaseGiven: boolean;
}

/** One `bilateral` command. Register it in `commands/index.ts`. */
export interface Command {
  /** Everything after `bilateral`, e.g. `backup FILE [--force]`. */
  usage: string;
  /** One line for `bilateral help`. */
  summary: string;
  /** Options besides `--database`, in parseArgs form. */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Does the work; throwing UsageError exits 2, CommandFailure, BackupError or SeedValidationError exits 1 with its message. */
  run(input: CommandInput): void | Promise<void>;
}

/** The command was called wrongly: the dispatcher prints the message and the command's usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Returns the positionals when there are exactly as many as `names` (e.g. `FILE`) says. */
export function requireArguments<const Names extends string[]>(
  positionals: string[],
  ...names: Names
): { [K in keyof Names]: string } {
  if (positionals.length !== names.length)
    throw new UsageError(`expected ${names.join(' ')}, got ${positionals.length ? positionals.join(' ') : 'nothing'}`);
  return positionals as { [K in keyof Names]: string };
}

/** The command could not do what was asked; the dispatcher prints the message and exits 1. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

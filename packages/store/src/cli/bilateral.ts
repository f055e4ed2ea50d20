// The operator CLI: `bilateral <command> [arguments] [--database PATH]`, on the SQLite file or on the
// PostgreSQL server DATABASE_URL names. Commands live in
// ./commands/, one module each, registered in ./commands/index.ts.
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../db/database-path.ts';
import { type StorageErrorCode, toStorageError } from '../db/storage-error.ts';
import { BackupError } from '../maintenance/backup-error.ts';
import { DatabaseUrlError } from '../open-bilateral-store.ts';
import { SeedValidationError } from '../seed/problems.ts';
import { type Command, CommandFailure, UsageError } from './command.ts';
import { commands } from './commands/index.ts';

const globalOptions = { database: { type: 'string' } } as const;

// Failures whose message tells an operator everything; any other error is a bug and keeps its stack.
const operatorErrors = [BackupError, CommandFailure, SeedValidationError, DatabaseUrlError];

/** A storage fault exits with its own status, so a script can tell "retry later" from "fix the disk". */
const STORAGE_EXIT_CODES: Record<StorageErrorCode, number> = {
  STORAGE_FULL: 3,
  STORAGE_READ_ONLY: 4,
  STORAGE_UNAVAILABLE: 5,
  BUSY: 6,
};

function usage(): string {
  const rows = [
    ...Object.values(commands).map((command) => [command.usage, command.summary] as const),
    ['help', 'print this list'] as const,
  ];
  const width = Math.max(...rows.map(([call]) => call.length));
  return [
    'usage: bilateral <command> [arguments] [--database PATH]',
    '',
    ...rows.map(([call, summary]) => `  ${call.padEnd(width)}  ${summary}`),
    '',
    'DATABASE_URL (postgres://user@host/database) picks a PostgreSQL server, as it does for the server;',
    'without it --database names the SQLite file, else DATABASE_PATH, else data/bilateral.db at the repository root.',
    'Exit status: 0 done, 1 refused or failed, 2 wrong arguments; storage faults: 3 STORAGE_FULL,',
    '4 STORAGE_READ_ONLY, 5 STORAGE_UNAVAILABLE, 6 BUSY (the database was locked: retry).',
  ].join('\n');
}

/** The command whose name matches the first words, preferring the longest name (`keys create` over `keys`). */
function findCommand(words: string[]): { name: string; command: Command } | undefined {
  const byLength = Object.entries(commands).sort(([a], [b]) => b.split(' ').length - a.split(' ').length);
  const match = byLength.find(([name]) => name.split(' ').every((word, index) => words[index] === word));
  return match && { name: match[0], command: match[1] };
}

const isParseArgsError = (error: unknown) =>
  error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

async function main(argv: string[]): Promise<number> {
  // pnpm hands a `--` typed before the arguments on to the script.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const words = parseArgs({ args, options: globalOptions, strict: false, allowPositionals: true }).positionals;
  if (words.length === 0 || words[0] === 'help' || args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  const found = findCommand(words);
  if (!found) {
    console.error(`bilateral: unknown command "${words[0]}"\n\n${usage()}`);
    return 2;
  }

  const { name, command } = found;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...globalOptions, ...command.options },
      strict: true,
      allowPositionals: true,
    });
    const { database, ...options } = values as Record<string, string | boolean | undefined>;
    const databasePath = resolveDatabasePath(typeof database === 'string' ? database : undefined);
    await command.run({
      positionals: positionals.slice(name.split(' ').length),
      options,
      databasePath,
      databaseUrl: process.env.DATABASE_URL?.trim() || undefined,
      databaseGiven: typeof database === 'string',
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`bilateral ${name}: ${(error as Error).message}\nusage: bilateral ${command.usage}`);
      return 2;
    }
    const storage = toStorageError(error);
    if (storage) {
      console.error(`bilateral ${name}: ${storage.logLine()}`);
      return STORAGE_EXIT_CODES[storage.code];
    }
    if (operatorErrors.some((type) => error instanceof type)) {
      console.error(`bilateral ${name}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));

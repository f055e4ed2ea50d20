import { type Command, CommandFailure, requireArguments } from '../command.ts';
import { databaseName, withStore } from '../with-store.ts';

export const migrate: Command = {
  usage: 'migrate',
  summary:
    'create the database or bring its schema up to date (on PostgreSQL under an advisory lock: once, however many run at once)',
  async run(input) {
    requireArguments(input.positionals);
    // Opening a writable store migrates it; asking what is pending waits for that and checks it.
    const pending = await withStore(input, (store) => store.pendingMigrations());
    if (pending.length) throw new CommandFailure(`migrations still pending after migrating: ${pending.join(', ')}`);
    console.log(`migrated ${databaseName(input)}: the schema is up to date, no migration pending`);
  },
};

import type { DatabaseContents } from '../maintenance/inspect.ts';

/** One line about a database file, as the backup and restore commands print it. */
export function describeContents({ bytes, events, actors, migrations }: DatabaseContents): string {
  return `${(bytes / 1024).toFixed(0)} KiB, ${events} events, ${actors} actors, ${migrations} migrations, integrity ok`;
}

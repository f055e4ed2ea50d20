import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const operationsDir = () =>
  dirname(createRequire(import.meta.url).resolve('@bilateral/sdk/operations/fragments.graphql'));

/** The text of every `.graphql` file the SDK ships (reads and writes), for tests that measure them. */
export function sdkOperationFiles(dir = operationsDir()): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sdkOperationFiles(join(dir, entry.name))
      : entry.name.endsWith('.graphql')
        ? [{ file: join(dir, entry.name), text: readFileSync(join(dir, entry.name), 'utf8') }]
        : [],
  );
}

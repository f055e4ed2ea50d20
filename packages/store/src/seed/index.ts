import type { Store } from '../db/client.ts';
import { SeedValidationError } from './problems.ts';
import { validateSeeds } from './validate.ts';
import { type SeedReport, writeSeeds } from './write.ts';

/**
 * Validates every file under `seedsDir`, then writes them in one transaction. Throws
 * SeedValidationError (listing every problem with file, record and field) before writing
 * anything if a single record is invalid.
 */
export function loadSeeds(store: Store, seedsDir: string): SeedReport {
  const { dataset, problems } = validateSeeds(seedsDir);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return writeSeeds(store, dataset);
}

export { formatProblem, type SeedProblem, SeedValidationError } from './problems.ts';
export { type SeedDataset, validateSeeds } from './validate.ts';
export type { SeedReport } from './write.ts';

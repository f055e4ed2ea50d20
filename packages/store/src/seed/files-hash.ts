import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hash of every file under `dir` with its name and content, in a stable order: a seed load that
 * finds the hash it stored last time (and no revision since) can skip the load on either database.
 */
export function hashSeedFiles(dir: string): string {
  const hash = createHash('sha256');
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    try {
      hash.update(name).update('\0').update(readFileSync(path)).update('\0');
    } catch {
      // A directory: its files are listed on their own.
    }
  }
  return hash.digest('hex');
}

/**
 * `SOURCES_DIR`: a directory holding the source documents (the files `Source.file` names). With it,
 * `Citation.passage` gives the text of each cited paragraph; without it, null. The repository ships
 * no document text, so this is the operator's choice to show it.
 */
import { statSync } from 'node:fs';
import { resolveFromInvocation } from '@bilateral/store';
import { StartupError } from './open-database.ts';

export function sourcesDirSetting(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.SOURCES_DIR?.trim();
  if (!value) return undefined;
  const dir = resolveFromInvocation(value);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new StartupError(`SOURCES_DIR must name a directory of the source documents; ${dir} is not one`);
  return dir;
}

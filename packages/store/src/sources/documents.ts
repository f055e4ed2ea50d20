import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The repository's own directories, found from this file so any working directory works. */
export const defaultSeedsDir = () => join(repositoryRoot, 'seeds');
export const defaultDatabasePath = () => join(repositoryRoot, 'data', 'bilateral.db');

/**
 * The source documents live outside the repository, beside it in `shared/sources`. They are
 * optional: the store never needs their text, only the checks that verify locators do.
 */
export const defaultSourcesDir = () =>
  process.env.BILATERAL_SOURCES_DIR ?? join(repositoryRoot, '..', 'shared', 'sources');

export const sourcesAvailable = (dir = defaultSourcesDir()) => existsSync(dir);

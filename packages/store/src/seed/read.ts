import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Document, parseDocument } from 'yaml';
import type { SeedProblem } from './problems.ts';

/** The seed files of one kind, with their parsed YAML content. */
export interface SeedFile {
  /** Path relative to the seeds directory's parent, such as `seeds/events/2014-2019.yaml`. */
  readonly path: string;
  readonly content: unknown;
}

export interface SeedFiles {
  readonly sources: SeedFile[];
  readonly actors: SeedFile[];
  readonly events: SeedFile[];
  readonly figures: SeedFile[];
  readonly coverage: SeedFile[];
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

/** `sources.yaml` and/or every YAML file in `sources/`, in name order: the files the loader reads for a kind. */
export function seedFilePaths(seedsDir: string, kind: string): string[] {
  const single = [`${kind}.yaml`, `${kind}.yml`].map((name) => join(seedsDir, name)).filter((path) => existsSync(path));
  const folder = join(seedsDir, kind);
  const many = existsSync(folder)
    ? readdirSync(folder)
        .filter(isYaml)
        .sort()
        .map((name) => join(folder, name))
    : [];
  return [...single, ...many];
}

/** Parses one seed file's text; on YAML syntax errors, adds them to `problems` (named by `path`) and returns undefined. */
export function parseSeedText(text: string, path: string, problems: SeedProblem[]): Document | undefined {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  for (const error of document.errors) {
    problems.push({
      file: path,
      record: `line ${error.linePos?.[0]?.line ?? '?'}`,
      field: '',
      message: `YAML syntax: ${error.message.split('\n')[0]}`,
      code: 'UNREADABLE',
    });
  }
  return document.errors.length > 0 ? undefined : document;
}

export function readSeedFiles(seedsDir: string, problems: SeedProblem[]): SeedFiles {
  const base = join(seedsDir, '..');
  const read = (kind: string): SeedFile[] =>
    seedFilePaths(seedsDir, kind).flatMap((absolute) => {
      const path = relative(base, absolute);
      const document = parseSeedText(readFileSync(absolute, 'utf8'), path, problems);
      return document ? [{ path, content: document.toJS() }] : [];
    });
  return {
    sources: read('sources'),
    actors: read('actors'),
    events: read('events'),
    figures: read('figures'),
    coverage: read('coverage'),
  };
}

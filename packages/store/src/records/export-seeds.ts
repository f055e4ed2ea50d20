/**
 * Writes the store back to seed files, so that edits made through the API can be reviewed in git
 * and the files stay the source of truth. A record already in a file under the directory is
 * rewritten where it is, and only when its content changed; a new record is appended to the file
 * seed-placement.ts names; a record the files hold but the store no longer does is removed. A
 * record renamed through the API is rewritten where its old slug stands. Archived events stay, as
 * `archived: true`. Coverage manifests are not in the store; only slugs renamed or merged away
 * through the API are replaced in them, so they keep pointing at records that exist.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { Store } from '../db/client.ts';
import { actorMerges, actors, events, figures, sources } from '../db/schema.ts';
import {
  type ActorRecord,
  actorRecord,
  type EventRecord,
  eventRecord,
  figureRecord,
  sourceRecord,
} from '../seed/format.ts';
import { type SeedProblem, SeedValidationError } from '../seed/problems.ts';
import { seedFilePaths } from '../seed/read.ts';
import { validateSeeds } from '../seed/validate.ts';
import { mergeNode, sameData } from './merge-node.ts';
import { type AllRecords, readAllRecords } from './read-records.ts';
import { SeedFileEditor, type SeedItem } from './seed-file-editor.ts';
import { actorFile, eventFile, singleFile } from './seed-placement.ts';
import { styledNode } from './seed-style.ts';

type RecordType = keyof AllRecords;

/** Slugs of the records an export changed in the files, of one type. */
export interface RecordChanges {
  updated: string[];
  added: string[];
  removed: string[];
}

export interface ExportReport {
  /** Files written, relative to the seeds directory's parent (`seeds/events/2014-2019.yaml`), as seed problems name them. */
  files: string[];
  sources: RecordChanges;
  actors: RecordChanges;
  events: RecordChanges;
  figures: RecordChanges;
  /** Coverage manifests in which a renamed record's or a merged-away actor's slug was replaced. */
  manifests: string[];
  /** What `seed:check` finds in the directory after the export, such as a coverage manifest naming a removed record. */
  problems: SeedProblem[];
}

const SCHEMAS: Record<RecordType, z.ZodType> = {
  sources: sourceRecord,
  actors: actorRecord,
  events: eventRecord,
  figures: figureRecord,
};
const TYPES = Object.keys(SCHEMAS) as RecordType[];
const TABLES = { sources, actors, events, figures };

/** Slugs that changed since the seed files were loaded, which the files still name by the old ones. */
export interface SeedRenames {
  /** For each kind of record, current slug -> slug in the files, for records the API renamed. */
  renamed: Record<RecordType, Map<string, string>>;
  /** Actors merged away: the slug merged away, and the slug of the actor it went into. */
  merged: (readonly [from: string, into: string])[];
}

/** The SQLite store's renames (`BilateralStore.readSeedRenames`). */
export function readSeedRenames(store: Store): SeedRenames {
  const renamed = Object.fromEntries(TYPES.map((type) => [type, renamedSlugs(store, type)])) as SeedRenames['renamed'];
  const merged = store
    .select({ from: actorMerges.fromSlug, into: actors.slug })
    .from(actorMerges)
    .innerJoin(actors, eq(actors.id, actorMerges.intoActorId))
    .all()
    .map((row) => [row.from, row.into] as const);
  return { renamed, merged };
}

/** Exports the SQLite store to `seedsDir`: `writeSeedFiles` with what it reads from the store. */
export const exportSeeds = (store: Store, seedsDir: string): ExportReport =>
  writeSeedFiles(readAllRecords(store), readSeedRenames(store), seedsDir);

/**
 * Writes `wanted` (every record of a store, `readAllRecords`) to `seedsDir`, with the store's
 * `renames`. Throws SeedValidationError, writing nothing, when a seed file cannot be parsed as YAML
 * or is not a list.
 */
export function writeSeedFiles(wanted: AllRecords, renames: SeedRenames, seedsDir: string): ExportReport {
  const base = join(seedsDir, '..');
  const problems: SeedProblem[] = [];
  const editors = new Map<string, SeedFileEditor>();
  const editorOf = (path: string) => {
    if (!editors.has(path)) {
      const absolute = join(seedsDir, path);
      editors.set(
        path,
        new SeedFileEditor(
          relative(base, absolute),
          existsSync(absolute) ? readFileSync(absolute, 'utf8') : '',
          problems,
        ),
      );
    }
    return editors.get(path)!;
  };
  const filesOf = Object.fromEntries(
    TYPES.map((type) => [type, seedFilePaths(seedsDir, type).map((absolute) => relative(seedsDir, absolute))]),
  ) as Record<RecordType, string[]>;
  for (const type of TYPES) filesOf[type].forEach(editorOf);
  if (problems.length > 0) throw new SeedValidationError(problems);

  const changes = Object.fromEntries(
    TYPES.map((type): [RecordType, RecordChanges] => [type, { updated: [], added: [], removed: [] }]),
  ) as Record<RecordType, RecordChanges>;
  const renamedByType = renames.renamed;
  for (const type of TYPES) {
    const renamed = renamedByType[type];
    const inStore = new Set([...wanted[type].map(({ slug }) => slug), ...renamed.values()]);
    const homes = new Map<string, { editor: SeedFileEditor; item: SeedItem }>();
    for (const editor of filesOf[type].map(editorOf)) {
      for (const item of editor.items) {
        if (item.slug === undefined || homes.has(item.slug)) continue;
        homes.set(item.slug, { editor, item });
        if (inStore.has(item.slug)) continue;
        editor.remove(item);
        changes[type].removed.push(item.slug);
      }
    }
    for (const record of wanted[type]) {
      const home = homes.get(record.slug) ?? homes.get(renamed.get(record.slug) ?? '');
      if (!home) {
        editorOf(newRecordFile(type, record, filesOf[type])).append(styledNode(record, undefined, true));
        changes[type].added.push(record.slug);
        continue;
      }
      const parsed = SCHEMAS[type].safeParse(home.item.data);
      const before = parsed.success ? parsed.data : undefined;
      if (sameData(before, record)) continue;
      home.editor.replace(home.item, mergeNode(home.item.node, before, record, undefined, true));
      changes[type].updated.push(record.slug);
    }
  }

  // Everything is rendered before anything is written, so a failure leaves the files as they were.
  const outputs = [...editors.values()]
    .filter((editor) => editor.changed)
    .map((editor) => ({ path: editor.path, text: editor.render() }));
  for (const { path, text } of outputs) {
    const absolute = join(base, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  const manifests = replaceChangedSlugsInManifests(seedsDir, renames);
  const files = [...outputs.map(({ path }) => path), ...manifests];
  return { files, ...changes, manifests, problems: validateSeeds(seedsDir).problems };
}

/** Current slug -> slug in the files, for records the API renamed since they were loaded. */
function renamedSlugs(store: Store, type: RecordType): Map<string, string> {
  const table = TABLES[type] as typeof events;
  const rows = store
    .select({ slug: table.slug, seedSlug: table.seedSlug })
    .from(table)
    .where(and(isNotNull(table.seedSlug), ne(table.seedSlug, table.slug)))
    .all();
  return new Map(rows.map((row) => [row.slug, row.seedSlug!]));
}

/**
 * Keeps the coverage manifests pointing at records that exist: a slug renamed through the API, or
 * an actor merged away, is replaced in the manifests' `events`, `actors` and `figures` lists.
 * Returns the files changed, relative like `files`.
 */
function replaceChangedSlugsInManifests(seedsDir: string, { renamed: renamedByType, merged }: SeedRenames): string[] {
  const renamed = (type: RecordType) => new Map([...renamedByType[type]].map(([slug, seedSlug]) => [seedSlug, slug]));
  const replacements: Record<string, ReadonlyMap<string, string>> = {
    events: renamed('events'),
    actors: new Map([...renamed('actors'), ...merged]),
    figures: renamed('figures'),
  };
  if (Object.values(replacements).every((map) => map.size === 0)) return [];
  return seedFilePaths(seedsDir, 'coverage').flatMap((absolute) => {
    const text = readFileSync(absolute, 'utf8');
    const edits = slugListEdits(text, replacements);
    if (!edits.length) return [];
    // Spliced into the text, last edit first, so the rest of the file keeps its bytes and comments.
    const edited = edits
      .sort((x, y) => y.start - x.start)
      .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
    writeFileSync(absolute, edited);
    return [relative(join(seedsDir, '..'), absolute)];
  });
}

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Text edits that replace slugs in a manifest's lists named like `replacements`' keys, dropping duplicates they create. */
function slugListEdits(text: string, replacements: Record<string, ReadonlyMap<string, string>>): TextEdit[] {
  const edits: TextEdit[] = [];
  visit(parseDocument(text), {
    Pair(_, pair) {
      const map = isScalar(pair.key) ? replacements[String(pair.key.value)] : undefined;
      if (!map || !isSeq(pair.value)) return;
      const list = pair.value;
      const slugs = list.items.map((item) => (isScalar(item) ? String(item.value) : ''));
      const replaced = slugs.map((slug) => map.get(slug) ?? slug);
      if (replaced.every((slug, index) => slug === slugs[index])) return;
      const kept = replaced.filter((slug, index) => replaced.indexOf(slug) === index);
      if (list.flow) {
        edits.push({ start: list.range![0], end: list.range![1], text: `[${kept.join(', ')}]` });
        return;
      }
      list.items.forEach((item, index) => {
        const [start, end] = (item as { range: [number, number] }).range;
        if (replaced.indexOf(replaced[index]!) !== index) {
          const lineStart = text.lastIndexOf('\n', start) + 1;
          const lineEnd = text.indexOf('\n', end);
          edits.push({ start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1, text: '' });
        } else if (replaced[index] !== slugs[index]) {
          edits.push({ start, end, text: replaced[index]! });
        }
      });
    },
  });
  return edits;
}

function newRecordFile(type: RecordType, record: unknown, files: string[]): string {
  switch (type) {
    case 'events':
      return eventFile(record as EventRecord, files);
    case 'actors':
      return actorFile(record as ActorRecord);
    default:
      return singleFile(type, files);
  }
}

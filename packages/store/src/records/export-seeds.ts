/**
 * Writes the store back to seed files, so that edits made through the API can be reviewed in git
 * and the files stay the source of truth. A record already in a file under the directory is
 * rewritten where it is, and only when its content changed; a new record is appended to the file
 * seed-placement.ts names; a record the files hold but the store no longer does is removed.
 * Archived events are left out: the seed format has no archive flag. Coverage manifests are not
 * in the store and are never touched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Store } from '../db/client.ts';
import { events } from '../db/schema.ts';
import { actorRecord, eventRecord, figureRecord, sourceRecord, type ActorRecord, type EventRecord } from '../seed/format.ts';
import { SeedValidationError, type SeedProblem } from '../seed/problems.ts';
import { seedFilePaths } from '../seed/read.ts';
import { validateSeeds } from '../seed/validate.ts';
import { mergeNode, sameData } from './merge-node.ts';
import { readAllRecords, type AllRecords } from './read-records.ts';
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
  /** Archived events, left out of the files (and removed from the file that held one). */
  archived: string[];
  /** What `seed:check` finds in the directory after the export, such as a coverage manifest naming a removed record. */
  problems: SeedProblem[];
}

const SCHEMAS: Record<RecordType, z.ZodType> = { sources: sourceRecord, actors: actorRecord, events: eventRecord, figures: figureRecord };
const TYPES = Object.keys(SCHEMAS) as RecordType[];

/**
 * Exports the store to `seedsDir`. Throws SeedValidationError, writing nothing, when a seed file
 * cannot be parsed as YAML or is not a list.
 */
export function exportSeeds(store: Store, seedsDir: string): ExportReport {
  const records = readAllRecords(store);
  const archived = new Set(store.select({ slug: events.slug }).from(events).where(isNotNull(events.archivedAt)).all().map(({ slug }) => slug));
  const wanted: AllRecords = { ...records, events: records.events.filter(({ slug }) => !archived.has(slug)) };

  const base = join(seedsDir, '..');
  const problems: SeedProblem[] = [];
  const editors = new Map<string, SeedFileEditor>();
  const editorOf = (path: string) => {
    if (!editors.has(path)) {
      const absolute = join(seedsDir, path);
      editors.set(path, new SeedFileEditor(relative(base, absolute), existsSync(absolute) ? readFileSync(absolute, 'utf8') : '', problems));
    }
    return editors.get(path)!;
  };
  const filesOf = Object.fromEntries(TYPES.map((type) => [type, seedFilePaths(seedsDir, type).map((absolute) => relative(seedsDir, absolute))])) as Record<RecordType, string[]>;
  for (const type of TYPES) filesOf[type].forEach(editorOf);
  if (problems.length > 0) throw new SeedValidationError(problems);

  const changes = Object.fromEntries(TYPES.map((type) => [type, { updated: [], added: [], removed: [] } as RecordChanges])) as Record<RecordType, RecordChanges>;
  for (const type of TYPES) {
    const inStore = new Set(wanted[type].map(({ slug }) => slug));
    const homes = new Map<string, { editor: SeedFileEditor; item: SeedItem }>();
    for (const editor of filesOf[type].map(editorOf)) {
      for (const item of editor.items) {
        if (item.slug === undefined || homes.has(item.slug)) continue;
        homes.set(item.slug, { editor, item });
        if (inStore.has(item.slug)) continue;
        editor.remove(item);
        if (!archived.has(item.slug)) changes[type].removed.push(item.slug);
      }
    }
    for (const record of wanted[type]) {
      const home = homes.get(record.slug);
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
  const outputs = [...editors.values()].filter((editor) => editor.changed).map((editor) => ({ path: editor.path, text: editor.render() }));
  for (const { path, text } of outputs) {
    const absolute = join(base, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  const files = outputs.map(({ path }) => path);
  return { files, ...changes, archived: [...archived], problems: validateSeeds(seedsDir).problems };
}

function newRecordFile(type: RecordType, record: unknown, files: string[]): string {
  switch (type) {
    case 'events': return eventFile(record as EventRecord, files);
    case 'actors': return actorFile(record as ActorRecord);
    default: return singleFile(type, files);
  }
}

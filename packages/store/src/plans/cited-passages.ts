/**
 * The text of each event's cited paragraphs in the events' search index, so that a word only a
 * passage holds finds its event, the same way on both databases (SQLite searches it as the fourth
 * column of `event_search`, PostgreSQL as weight D of the `search` vector). The repository ships
 * no document text: the text comes from the documents directory the store is given (the server's
 * `SOURCES_DIR`), and without one every indexed passage is taken out again, so the search never
 * finds words the server may not show. An event's passages are its own citations' and its claims'
 * paragraphs, in source and paragraph order, each once, separated by blank lines.
 */
import { documentParagraphs } from '../sources/document-paragraphs.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { db, type Plan } from './run.ts';
import type { CitedParagraph } from './statements.ts';

/** Each event's passage text from `paragraphs` (by source ID), in the order `cited` lists them. */
function passagesOf(cited: CitedParagraph[], paragraphs: Map<number, readonly string[]>): Map<number, string> {
  const texts = new Map<number, string[]>();
  for (const { eventId, sourceId, paragraph } of cited) {
    const text = paragraphs.get(sourceId)?.[paragraph - 1];
    if (text === undefined) continue;
    const found = texts.get(eventId);
    if (found) found.push(text);
    else texts.set(eventId, [text]);
  }
  return new Map([...texts].map(([eventId, parts]) => [eventId, parts.join('\n\n')]));
}

/**
 * Brings the indexed passages of `eventIds` (all events when undefined) up to the documents in `dir`
 * (none when undefined) and answers how many events changed. Only events whose text differs are written.
 */
export function* indexCitedPassages(dir: string | undefined, eventIds?: number[]): Plan<number> {
  const paragraphs = new Map<number, readonly string[]>();
  if (dir)
    for (const source of yield* db.sourceRows(undefined)) {
      const found = documentParagraphs(dir, source.file, source.paragraphStyle);
      if (found) paragraphs.set(source.id, found);
    }
  const wanted = paragraphs.size
    ? passagesOf(yield* db.citedParagraphs([...paragraphs.keys()], eventIds), paragraphs)
    : new Map<number, string>();
  const indexed = new Map((yield* db.indexedPassages(eventIds)).map((row) => [row.id, row.text]));
  const changed = [
    ...[...wanted].filter(([id, text]) => indexed.get(id) !== text).map(([id, text]) => ({ id, text })),
    ...[...indexed.keys()].filter((id) => !wanted.has(id)).map((id) => ({ id, text: null })),
  ];
  if (changed.length) yield* db.setCitedPassages(changed);
  return changed.length;
}

/**
 * Which events' passages a committed save may have changed, to index again after it: the event saved
 * (its citations or claims), every event for a source (its file may now name another document), or
 * `false` for a record no event's passages come from.
 */
export function passagesTouchedBy(type: EntityType, saved: { id: number; replayed: boolean; unchanged?: boolean }) {
  if (saved.replayed || saved.unchanged) return false;
  if (type === 'event') return [saved.id];
  return type === 'source' ? undefined : false;
}

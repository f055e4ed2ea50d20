/**
 * The text of each event's cited paragraphs in the events' search index, so that a word only a
 * passage holds finds its event, the same way on both databases (SQLite searches it as the fourth
 * column of `event_search`, PostgreSQL as weight D of the `search` vector). The repository ships
 * no document text: the text comes from the documents directory the store is given (the server's
 * `SOURCES_DIR`), and without one every indexed passage is taken out again, so the search never
 * finds words the server may not show. An event's passages are its own citations' and its claims'
 * paragraphs, in source and paragraph order, each once, separated by blank lines.
 */
import { type Column, type SQL, sql, type Table } from 'drizzle-orm';
import { documentParagraphs } from '../sources/document-paragraphs.ts';
import type { EntityType } from '../vocabulary/curation-terms.ts';
import { db, type Plan } from './run.ts';
import { type Editor, type SavedRecord, type SaveRequest, saveRecord } from './save-record.ts';
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

/** The documents directory of a store's indexed passages, once it was asked to index them (undefined: take them out). */
export interface IndexedPassages {
  dir: string | undefined;
}

/**
 * `saveRecord`, and in the same transaction the passages of the events it may have changed: the
 * event saved (its citations or claims), every event for a source (its file may now name another
 * document), none for other records or a write that changed nothing. Without `passages` (a store
 * never asked to index them), the save alone.
 */
export function* saveIndexingPassages<T extends EntityType>(
  type: T,
  request: SaveRequest<T>,
  editor: Editor,
  passages: IndexedPassages | undefined,
): Plan<SavedRecord> {
  const saved = yield* saveRecord(type, request, editor);
  if (passages && !saved.replayed && !saved.unchanged && (type === 'event' || type === 'source'))
    yield* indexCitedPassages(passages.dir, type === 'event' ? [saved.id] : undefined);
  return saved;
}

type CitationColumns = Table & { eventId: Column; sourceId: Column; paragraph: Column; claimId: Column };
type ClaimColumns = Table & { id: Column; eventId: Column };

/**
 * The statement of `Statements.citedParagraphs` over either database's tables: each event's own
 * citations and its claims' in the documents `inSources` keeps, of the events `ofEvents` keeps (all
 * without it), by event, source and paragraph.
 */
export function citedParagraphsSql(
  citations: CitationColumns,
  claims: ClaimColumns,
  inSources: (column: Column) => SQL,
  ofEvents: ((column: Column) => SQL) | undefined,
): SQL {
  const andOf = (column: Column) => (ofEvents ? sql`and ${ofEvents(column)}` : sql``);
  return sql`
    select ${citations.eventId} as "eventId", ${citations.sourceId} as "sourceId", ${citations.paragraph} as "paragraph"
      from ${citations} where ${citations.eventId} is not null and ${inSources(citations.sourceId)} ${andOf(citations.eventId)}
    union
    select ${claims.eventId}, ${citations.sourceId}, ${citations.paragraph}
      from ${citations} join ${claims} on ${claims.id} = ${citations.claimId}
      where ${claims.eventId} is not null and ${inSources(citations.sourceId)} ${andOf(claims.eventId)}
    order by 1, 2, 3`;
}

/**
 * What the two baseline servers share with Bilateral's API so that all three answer byte-for-byte
 * comparable data: the GraphQL-over-HTTP request, the global ID and cursor encodings (mirrored from
 * the API: Pothos global IDs and the store's keyset and search cursors), and the SQL of filters.
 * If the API changes an encoding, the benchmark's same-data check fails and this file follows.
 */
import { parseFuzzyDate } from '@bilateral/store';
import type { Store } from '@bilateral/store/testing';

export type Database = Store['$client'];

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A server under test without its socket: a GraphQL request in, the JSON response text out. */
export type GraphQLHandler = (request: GraphQLRequest) => Promise<string> | string;

export const globalId = (typename: string, id: number | string) => Buffer.from(`${typename}:${id}`).toString('base64');

export function decodeGlobalId(typename: string, value: string): number {
  const [name, id] = Buffer.from(value, 'base64').toString('utf8').split(':');
  if (name !== typename || !id) throw new Error(`"${value}" is not the ID of a ${typename}`);
  return Number(id);
}

/** The ordering name the store writes into cursors for the default event order. */
export const DATE_ORDERING = 'date:asc';

export interface EventKey {
  dateEarliest: string;
  dateLatest: string;
  id: number;
}

export const eventCursor = (key: EventKey) =>
  Buffer.from(JSON.stringify([DATE_ORDERING, key.dateEarliest, key.dateLatest, key.id])).toString('base64url');

export function decodeEventCursor(cursor: string): EventKey {
  const [ordering, dateEarliest, dateLatest, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (ordering !== DATE_ORDERING) throw new Error(`cursor for ${ordering}, expected ${DATE_ORDERING}`);
  return { dateEarliest, dateLatest, id };
}

export const searchCursor = (query: string, offset: number) =>
  Buffer.from(JSON.stringify(['search', query, offset])).toString('base64url');

export function decodeSearchOffset(cursor: string): number {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))[2];
}

/** Each word quoted, as the API's search syntax does for plain words (no operators in the benchmark). */
export const ftsWords = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(' AND ');

export interface EventFilterArgs {
  actors?: string[] | null;
  from?: string | null;
}

/**
 * The WHERE clause (over `events`) and its parameters for the filter subset the benchmark uses:
 * live events, `from` (within: the event starts on or after the date's earliest day) and `actors`
 * (any of them took part). Actor slugs become IDs in a subquery, so one statement does it all.
 */
export function eventFilterWhere(filter: EventFilterArgs | null | undefined): { sql: string; params: unknown[] } {
  const clauses = ['events.archived_at is null'];
  const params: unknown[] = [];
  if (filter?.from) {
    clauses.push('events.date_earliest >= ?');
    params.push(parseFuzzyDate(filter.from).earliest);
  }
  if (filter?.actors?.length) {
    clauses.push(
      `exists (select 1 from event_participants p where p.event_id = events.id
         and p.actor_id in (select id from actors where slug in (${filter.actors.map(() => '?').join(', ')})))`,
    );
    params.push(...filter.actors);
  }
  return { sql: clauses.join(' and '), params };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** FTS snippet markers, as the store uses them, and the HTML the API turns them into. */
export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';
export const highlighted = (snippet: string) =>
  escapeHtml(snippet).replaceAll(SNIPPET_START, '<mark>').replaceAll(SNIPPET_END, '</mark>');

/** The bm25 column weights of the API's event search (title, summary, place). */
export const EVENT_BM25 = 'bm25(event_search, 10.0, 3.0, 2.0)';
export const EVENT_SNIPPET = `snippet(event_search, -1, char(2), char(3), '…', 16)`;

/** A prepared statement, as far as the baselines use one. */
export interface Prepared {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}

/** Prepares each distinct SQL text once and reuses it (`pluck`: rows are their first column). */
export function statementCache(db: Database, { pluck = false } = {}): (sql: string) => Prepared {
  const prepared = new Map<string, Prepared>();
  return (sql) => {
    let found = prepared.get(sql);
    if (!found) {
      const statement = db.prepare(sql);
      found = pluck ? statement.pluck() : statement;
      prepared.set(sql, found);
    }
    return found;
  };
}

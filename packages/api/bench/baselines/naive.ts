/**
 * Baseline "naive": plain graphql-js over the same database, the way a first implementation looks.
 * Every resolver runs its own SQL statement for its own parent row (about 140 statements for a
 * page of 20 events with participants→actor and citations→source). Statements are prepared once
 * and reused, as any competent first version would do. No DataLoader, no caching of parsed queries.
 * Covers exactly the fields the benchmark's queries ask for.
 */
import { SEARCH_RANKING_LIMIT } from '@bilateral/store';
import { buildSchema, graphql } from 'graphql';
import {
  type Database,
  decodeEventCursor,
  decodeGlobalId,
  decodeSearchOffset,
  EVENT_BM25,
  EVENT_SNIPPET,
  type EventFilterArgs,
  eventCursor,
  eventFilterWhere,
  ftsWords,
  type GraphQLHandler,
  globalId,
  highlighted,
  searchCursor,
  statementCache,
} from './wire.ts';

/** The baseline's schema: exactly the fields the benchmark's queries ask for. */
export const naiveSchema = buildSchema(`
  type Query {
    event(id: ID!): Event
    events(first: Int, after: String, filter: EventFilter): EventConnection!
    search(query: String!, first: Int, after: String, types: [SearchType!]): SearchResultConnection!
    eventStats(groupBy: [StatsDimension!]!): EventStats!
  }
  input EventFilter { actors: [String!] from: String }
  enum SearchType { EVENT }
  enum StatsDimension { YEAR }
  type Event {
    id: ID!
    slug: String!
    title: String!
    summary: String!
    kind: String!
    place: String
    participants: [Participant!]!
    citations: [Citation!]!
  }
  type Participant { role: String! actor: Actor! }
  type Actor { id: ID! name: String! kind: String! }
  type Citation { paragraph: Int! source: Source! }
  type Source { id: ID! title: String! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type EventEdge { cursor: String! node: Event! }
  type EventConnection { edges: [EventEdge!]! pageInfo: PageInfo! }
  type SearchResult { id: ID! score: Float! snippet: String! record: Event! }
  type SearchResultEdge { cursor: String! node: SearchResult! }
  type SearchResultConnection { edges: [SearchResultEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type StatsBucketKey { value: String span: String }
  type StatsBucket { count: Int! keys: [StatsBucketKey!]! }
  type EventStats { totalCount: Int! buckets: [StatsBucket!]! }
`);

interface EventRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  kind: string;
  place: string | null;
  date_earliest: string;
  date_latest: string;
}

const keyOf = (row: EventRow) => ({ dateEarliest: row.date_earliest, dateLatest: row.date_latest, id: row.id });

/** The root resolvers: one statement per parent row, each prepared once. */
export function naiveRoot(db: Database) {
  const statement = statementCache(db);
  const eventById = statement('select * from events where id = ?');
  const participantsOf = statement('select * from event_participants where event_id = ? order by position');
  const actorById = statement('select * from actors where id = ?');
  const citationsOf = statement('select * from citations where event_id = ? order by position, id');
  const sourceById = statement('select * from sources where id = ?');

  // graphql-js's default resolver calls a function-valued property, so each row carries its field resolvers.
  const asEvent = (row: EventRow) => ({
    ...row,
    id: () => globalId('Event', row.id),
    kind: () => row.kind.toUpperCase(),
    participants: () =>
      (participantsOf.all(row.id) as { actor_id: number; role: string }[]).map((participant) => ({
        role: () => participant.role.toUpperCase(),
        actor: () => {
          const actor = actorById.get(participant.actor_id) as { id: number; name: string; kind: string };
          return { id: globalId('Actor', actor.id), name: actor.name, kind: actor.kind.toUpperCase() };
        },
      })),
    citations: () =>
      (citationsOf.all(row.id) as { paragraph: number; source_id: number }[]).map((citation) => ({
        paragraph: citation.paragraph,
        source: () => {
          const source = sourceById.get(citation.source_id) as { id: number; title: string };
          return { id: globalId('Source', source.id), title: source.title };
        },
      })),
  });

  const root = {
    event: ({ id }: { id: string }) => {
      const row = eventById.get(decodeGlobalId('Event', id)) as EventRow | undefined;
      return row ? asEvent(row) : null;
    },
    events: ({ first, after, filter }: { first?: number; after?: string; filter?: EventFilterArgs }) => {
      const size = first ?? 20;
      const where = eventFilterWhere(filter);
      const params = [...where.params];
      let sql = `select * from events where ${where.sql}`;
      if (after) {
        const key = decodeEventCursor(after);
        sql += ' and (date_earliest, date_latest, id) > (?, ?, ?)';
        params.push(key.dateEarliest, key.dateLatest, key.id);
      }
      sql += ' order by date_earliest, date_latest, id limit ?';
      const rows = statement(sql).all(...params, size + 1) as EventRow[];
      const page = rows.slice(0, size);
      const cursors = page.map((row) => eventCursor(keyOf(row)));
      return {
        edges: page.map((row, index) => ({ cursor: cursors[index], node: asEvent(row) })),
        pageInfo: {
          hasNextPage: rows.length > size,
          hasPreviousPage: Boolean(after),
          startCursor: cursors[0] ?? null,
          endCursor: cursors.at(-1) ?? null,
        },
      };
    },
    search: ({ query, first, after }: { query: string; first?: number; after?: string }) => {
      const size = first ?? 20;
      const offset = after ? decodeSearchOffset(after) + 1 : 0;
      const match = ftsWords(query);
      const hits = statement(
        `select id, score, snippet from (select rowid as id, ${EVENT_BM25} as score, ${EVENT_SNIPPET} as snippet
           from event_search where event_search match ? order by rowid desc limit ${SEARCH_RANKING_LIMIT})
         order by score, id limit ? offset ?`,
      ).all(match, size + 1, offset) as { id: number; score: number; snippet: string }[];
      const page = hits.slice(0, size);
      return {
        totalCount: () =>
          (
            statement(
              `select count(*) as n from event_search where event_search match ?
               and rowid not in (select id from events where archived_at is not null)`,
            ).get(match) as { n: number }
          ).n,
        edges: page.map((hit, index) => ({
          cursor: searchCursor(query.trim(), offset + index),
          node: {
            id: globalId('Event', hit.id),
            score: -hit.score,
            snippet: highlighted(hit.snippet),
            record: () => asEvent(eventById.get(hit.id) as EventRow),
          },
        })),
        pageInfo: { hasNextPage: hits.length > size, hasPreviousPage: offset > 0 },
      };
    },
    eventStats: () => {
      const rows = statement(
        'select date_earliest, date_latest from events where archived_at is null order by date_earliest, date_latest, id',
      ).all() as { date_earliest: string; date_latest: string }[];
      const buckets = new Map<string, { value: string | null; span: string | null; count: number }>();
      for (const row of rows) {
        const year = row.date_earliest.slice(0, 4);
        const certain = year === row.date_latest.slice(0, 4);
        const value = certain ? year : null;
        const span = certain ? null : `${row.date_earliest}/${row.date_latest}`;
        const key = `${value}|${span}`;
        const bucket = buckets.get(key) ?? { value, span, count: 0 };
        bucket.count++;
        buckets.set(key, bucket);
      }
      const ordered = [...buckets.values()].sort((a, b) =>
        a.value !== null && b.value !== null
          ? a.value.localeCompare(b.value)
          : a.value !== null
            ? -1
            : b.value !== null
              ? 1
              : a.span!.localeCompare(b.span!),
      );
      return {
        totalCount: rows.length,
        buckets: ordered.map((bucket) => ({ count: bucket.count, keys: [{ value: bucket.value, span: bucket.span }] })),
      };
    },
  };

  return root;
}

/** Parses and validates every request's document anew. */
export function createNaiveHandler(db: Database): GraphQLHandler {
  const rootValue = naiveRoot(db);
  return async ({ query, variables, operationName }) =>
    JSON.stringify(
      await graphql({ schema: naiveSchema, source: query, rootValue, variableValues: variables, operationName }),
    );
}

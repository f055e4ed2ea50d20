/**
 * The benchmark's queries, with variables chosen from the database being measured: an event in the
 * middle of the ID range, and cursors at several depths of each page query's order, so a cost that
 * grows with the depth of the page shows up.
 */
import { COMMON_WORD } from '@bilateral/store/synthetic';
import {
  type Database,
  type EventKey,
  eventCursor,
  eventFilterWhere,
  type GraphQLRequest,
  globalId,
} from './baselines/wire.ts';

export interface BenchQuery {
  /** Short name for tables, such as `page20 @50%`. */
  name: string;
  request: Required<Pick<GraphQLRequest, 'query' | 'operationName'>> & { variables: Record<string, unknown> };
  /** Slow by nature (ranking every match, counting every event): measured one request at a time. */
  oneAtATime: boolean;
}

const EVENT_BY_ID = `query EventById($id: ID!) { event(id: $id) { id slug title kind place } }`;

const EVENTS_PAGE = `query EventsPage($first: Int!, $after: String, $filter: EventFilter) {
  events(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        id title kind place
        participants { role actor { id name kind } }
        citations { paragraph source { id title } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SEARCH = `query Search($query: String!, $first: Int!) {
  search(query: $query, first: $first, types: [EVENT]) {
    edges { cursor node { id score snippet record { ... on Event { id title } } } }
    pageInfo { hasNextPage }
  }
}`;

const STATS = `query Stats { eventStats(groupBy: [YEAR]) { totalCount buckets { count keys { value span } } } }`;

/** The hub actor and start date of the filtered page query. */
export const HUB_FILTER = { actors: ['pakistan'], from: '2000' };

export interface QueryOptions {
  /** Fractions of each page query's result list to start the page at; 0 is the first page. */
  depths: readonly number[];
}

/**
 * The page query `label` of `first` events (with `filter`), starting at each of `depths` of its
 * result list: a page that starts deep but would be cut short by the end of the list is moved back
 * to stay full.
 */
export function pageQueries(
  db: Database,
  { depths }: QueryOptions,
  label: string,
  first: number,
  filter?: typeof HUB_FILTER,
): BenchQuery[] {
  const where = eventFilterWhere(filter);
  const count = db
    .prepare(`select count(*) from events where ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const keyAt = db.prepare<unknown[], EventKey>(
    `select date_earliest as dateEarliest, date_latest as dateLatest, id from events where ${where.sql}
     order by date_earliest, date_latest, id limit 1 offset ?`,
  );
  return depths.map((depth): BenchQuery => {
    const offset = Math.max(0, Math.min(count - first, Math.floor(depth * count)));
    const key = offset > 0 ? keyAt.get(...where.params, offset - 1) : undefined;
    const after = key && eventCursor(key);
    return {
      name: `${label} @${Math.round(depth * 100)}%`,
      request: {
        query: EVENTS_PAGE,
        operationName: 'EventsPage',
        variables: { first, ...(after && { after }), ...(filter && { filter }) },
      },
      oneAtATime: false,
    };
  });
}

export function benchQueries(db: Database, options: QueryOptions): BenchQuery[] {
  const middleEvent = db
    .prepare(
      'select id from events where archived_at is null and id >= (select max(id) / 2 from events) order by id limit 1',
    )
    .pluck()
    .get() as number;
  const pages = (label: string, first: number, filter?: typeof HUB_FILTER) =>
    pageQueries(db, options, label, first, filter);
  return [
    {
      name: 'event(id:)',
      request: { query: EVENT_BY_ID, operationName: 'EventById', variables: { id: globalId('Event', middleEvent) } },
      oneAtATime: false,
    },
    ...pages('page20', 20),
    ...pages('page20 hub+from', 20, HUB_FILTER),
    ...pages('page100', 100),
    {
      name: `search "${COMMON_WORD}"`,
      request: { query: SEARCH, operationName: 'Search', variables: { query: COMMON_WORD, first: 20 } },
      oneAtATime: true,
    },
    {
      name: 'eventStats(YEAR)',
      request: { query: STATS, operationName: 'Stats', variables: {} },
      oneAtATime: true,
    },
  ];
}

/**
 * Baseline "floor": node:http answering each benchmark query with JSON that ONE SQLite statement
 * builds (json_object / json_group_array), with no GraphQL layer at all. It knows the benchmark's
 * operations by name and answers nothing else: it is the cost of the data itself, the floor a
 * GraphQL server over this database can approach. Global IDs and cursors come from two small SQL
 * functions registered from JavaScript, since SQLite has no base64.
 */
import { SEARCH_RANKING_LIMIT } from '@bilateral/store';
import {
  DATE_ORDERING,
  type Database,
  decodeEventCursor,
  decodeGlobalId,
  decodeSearchOffset,
  EVENT_BM25,
  EVENT_SNIPPET,
  type EventFilterArgs,
  eventFilterWhere,
  ftsWords,
  type GraphQLHandler,
  statementCache,
} from './wire.ts';

/** SQL for the API's highlighted snippet: HTML-escaped text with the FTS markers turned into <mark>. */
const HIGHLIGHTED = (snippet: string) =>
  `replace(replace(replace(replace(replace(replace(${snippet}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), char(2), '<mark>'), char(3), '</mark>')`;

const EVENT_NODE = `json_object(
  'id', global_id('Event', e.id), 'title', e.title, 'kind', upper(e.kind), 'place', e.place,
  'participants', json((select json_group_array(json_object(
      'role', upper(p.role), 'actor', json_object('id', global_id('Actor', a.id), 'name', a.name, 'kind', upper(a.kind)))
      order by p.position)
    from event_participants p join actors a on a.id = p.actor_id where p.event_id = e.id)),
  'citations', json((select json_group_array(json_object(
      'paragraph', c.paragraph, 'source', json_object('id', global_id('Source', s.id), 'title', s.title))
      order by c.position, c.id)
    from citations c join sources s on s.id = c.source_id where c.event_id = e.id)))`;

const EVENT_CURSOR = `base64url(json_array('${DATE_ORDERING}', e.date_earliest, e.date_latest, e.id))`;

export function createFloorHandler(db: Database): GraphQLHandler {
  db.function('global_id', { deterministic: true }, (typename, id) =>
    Buffer.from(`${typename}:${id}`).toString('base64'),
  );
  db.function('base64url', { deterministic: true }, (text) => Buffer.from(String(text)).toString('base64url'));
  const statement = statementCache(db, { pluck: true });
  const answer = (sql: string, ...params: unknown[]) => statement(sql).get(...params) as string;

  const operations: Record<string, (variables: Record<string, unknown>) => string> = {
    EventById: ({ id }) =>
      answer(
        `select json_object('data', json_object('event', json((
           select json_object('id', global_id('Event', id), 'slug', slug, 'title', title, 'kind', upper(kind), 'place', place)
           from events where id = ?))))`,
        decodeGlobalId('Event', id as string),
      ),
    EventsPage: ({ first, after, filter }) => {
      const size = (first as number | undefined) ?? 20;
      const where = eventFilterWhere(filter as EventFilterArgs | undefined);
      const params = [...where.params];
      let bound = '';
      if (after) {
        const key = decodeEventCursor(after as string);
        bound = 'and (date_earliest, date_latest, id) > (?, ?, ?)';
        params.push(key.dateEarliest, key.dateLatest, key.id);
      }
      return answer(
        `with fetched as (
           select id, date_earliest, date_latest, row_number() over (order by date_earliest, date_latest, id) as n
           from (select id, date_earliest, date_latest from events where ${where.sql} ${bound}
                 order by date_earliest, date_latest, id limit ?)
         ),
         -- CROSS JOIN keeps SQLite from scanning all events to join them to the page (it may otherwise).
         page as (select e.*, f.n from fetched f cross join events e on e.id = f.id where f.n <= ?)
         select json_object('data', json_object('events', json_object(
           'edges', json((select json_group_array(json_object('cursor', ${EVENT_CURSOR}, 'node', ${EVENT_NODE}) order by e.n)
                          from page e)),
           'pageInfo', json_object(
             'hasNextPage', json(iif((select count(*) from fetched) > ?, 'true', 'false')),
             'endCursor', (select ${EVENT_CURSOR} from fetched e where e.n <= ? order by e.n desc limit 1)))))`,
        ...params,
        size + 1,
        size,
        size,
        size,
      );
    },
    Search: ({ query, first, after }) => {
      const size = (first as number | undefined) ?? 20;
      const offset = after ? decodeSearchOffset(after as string) + 1 : 0;
      const text = (query as string).trim();
      // Rank the newest SEARCH_RANKING_LIMIT matches, as the API does, but build snippets only for the page.
      return answer(
        `with ranked as (
           select id, score from (select rowid as id, ${EVENT_BM25} as score from event_search
             where event_search match :match order by rowid desc limit ${SEARCH_RANKING_LIMIT})
           order by score, id limit :fetch offset :offset
         ),
         page as (select id, score, row_number() over (order by score, id) - 1 as n from ranked)
         select json_object('data', json_object('search', json_object(
           'edges', json((select json_group_array(json_object(
               'cursor', base64url(json_array('search', :text, cast(:offset as integer) + page.n)),
               'node', json_object(
                 'id', global_id('Event', page.id), 'score', -page.score,
                 'snippet', (select ${HIGHLIGHTED(EVENT_SNIPPET)} from event_search
                             where event_search match :match and rowid = page.id),
                 'record', json_object('id', global_id('Event', page.id), 'title', (select title from events where id = page.id))))
               order by page.n)
             from page where page.n < :size)),
           'pageInfo', json_object('hasNextPage', json(iif((select count(*) from ranked) > :size, 'true', 'false'))))))`,
        { match: ftsWords(text), fetch: size + 1, offset, text, size },
      );
    },
    Stats: () =>
      answer(
        `with bucketed as (
           select iif(substr(date_earliest, 1, 4) = substr(date_latest, 1, 4), substr(date_earliest, 1, 4), null) as value,
                  iif(substr(date_earliest, 1, 4) = substr(date_latest, 1, 4), null, date_earliest || '/' || date_latest) as span
           from events where archived_at is null
         ),
         buckets as (select value, span, count(*) as n from bucketed group by value, span)
         select json_object('data', json_object('eventStats', json_object(
           'totalCount', (select coalesce(sum(n), 0) from buckets),
           'buckets', json((select json_group_array(
                              json_object('count', n, 'keys', json_array(json_object('value', value, 'span', span)))
                              order by value is null, value, span) from buckets)))))`,
      ),
  };

  return ({ operationName, variables }) => {
    const operation = operations[operationName ?? ''];
    if (!operation) throw new Error(`the floor server answers only ${Object.keys(operations).join(', ')}`);
    return operation(variables ?? {});
  };
}

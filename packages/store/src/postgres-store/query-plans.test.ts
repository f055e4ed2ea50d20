// PostgreSQL's twins of the plan guarantees SQLite's tests make (queries/query-plans.test.ts,
// queries/related-plans.test.ts, the network's in queries/network.test.ts). PostgreSQL takes no
// hints, so what keeps its plans right is the shape of the SQL (row-value seeks, fenced laterals,
// slugs resolved to IDs first) and the indexes, judged by the planner on real statistics: a real
// server holding 100k synthetic events, vacuumed and analyzed. Each statement the store sends for
// a request is explained with its own values and executed, so the rows it read are bounded too.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BilateralStore } from '../interface/bilateral-store.ts';
import { WALK_FROM_EVENTS } from '../paging/actor-pages.ts';
import { type EventOrder, eventSortKeys } from '../paging/event-order.ts';
import { type PageArgs, readPageRequest } from '../paging/keyset.ts';
import { openPostgresStore, type PostgresStore } from '../postgres/client.ts';
import { events } from '../postgres/schema.ts';
import {
  describePlan,
  type ExplainedStatement,
  nodesOf,
  type PlanNode,
  recordStatements,
  rowsRead,
  scansOf,
} from '../postgres/testing/plans.ts';
import { itRequiresPostgresServerInCI, postgresServerInstalled } from '../postgres/testing/server.ts';
import type { EventFilter, EventRow } from '../queries/events.ts';
import type { CitationSubject } from '../queries/related.ts';
import { SEARCH_RANKING_LIMIT } from '../search/request.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { syntheticDatabase } from '../synthetic/cache.ts';
import { PLANNED_FILTERS, PLANNED_ORDERS } from '../testing/plan-pages.ts';
import { type SyntheticServer, startSyntheticServer } from '../testing/synthetic-postgres-server.ts';
import { eventFilterSql } from './event-reads.ts';
import { postgresStore } from './postgres-store.ts';
import { toTsQuery } from './text-search.ts';

const EVENTS = 100_000;

const installed = postgresServerInstalled('the query-plan tests of postgres-store/query-plans.test.ts');
itRequiresPostgresServerInCI(installed);

const ORDERS = PLANNED_ORDERS;
// On PostgreSQL also a kind and a sector: an `= any(array)` condition beside the order's index.
const FILTERS: (EventFilter | null)[] = [...PLANNED_FILTERS, { kinds: ['visit'] }, { sectors: ['energy'] }];
/** Where in the order a page starts: the first page, the middle, and near the end. */
const DEPTHS = [0, 0.5, 0.9];

/** The index a page's events must be read through: the one whose order is the page's. */
function pageIndexOf(order: EventOrder[]): RegExp {
  const leading = order[0]?.field ?? 'date';
  if (leading === 'title') return /^events_title$/;
  if (leading === 'kind') return /^events_kind_date$/;
  return /^events_(live_)?date$/;
}

/** A scan that reads its table whole, or a sort of what it read: what no page may do. */
const unbounded = (node: PlanNode) => node['Node Type'] === 'Seq Scan' || /Sort$/.test(node['Node Type']);

/**
 * At most this many rows read from events for a page of 21. A page walks past the rows its filter
 * drops (a sector keeps about 1 event in 20 here); a scan from the start of the order, or of the
 * whole table, reads tens of thousands.
 */
const EVENT_ROWS_PER_PAGE = 1000;

describe.runIf(installed)(`query plans on a PostgreSQL server at ${EVENTS / 1000}k analyzed events`, () => {
  let synthetic: SyntheticServer;
  let database: PostgresStore;
  let store: BilateralStore;
  let plansOf: (run: () => Promise<unknown>) => Promise<ExplainedStatement[]>;

  beforeAll(async () => {
    synthetic = await startSyntheticServer(EVENTS);
    console.log(
      `query plans: PostgreSQL with ${EVENTS} synthetic events ${synthetic.built ? 'built (first run) and cached' : 'started from the cached cluster'} in ${synthetic.seconds.toFixed(1)} s`,
    );
    database = await openPostgresStore(synthetic.url, { migrate: false });
    ({ plansOf } = recordStatements(database));
    store = postgresStore(Promise.resolve(database));
  }, 1_200_000);
  afterAll(async () => {
    await store?.close();
    await synthetic?.server.remove();
  });

  /** A cursor naming the row `depth` of the way through the filter's events in `order`. */
  async function cursorAt(filter: EventFilter | null, order: EventOrder[], depth: number) {
    const { keys, ordering } = eventSortKeys<EventRow>(events, order);
    const request = readPageRequest(ordering, keys, { first: 1 });
    const condition = await eventFilterSql(database.db, filter);
    const total = await store.countEvents(filter);
    const [row] = await database.db
      .select()
      .from(events)
      .where(condition)
      .orderBy(...request.orderBy)
      .offset(Math.floor(total * depth))
      .limit(1);
    return request.finish([row as EventRow]).cursors[0]!;
  }

  /** The statement that read the page's events (not a lookup of slugs). */
  const eventPageOf = (statements: ExplainedStatement[]) => {
    const pages = statements.filter((statement) => /from "events" .*order by/.test(statement.text));
    expect(pages).toHaveLength(1);
    return pages[0]!;
  };

  describe('event pages', () => {
    for (const order of ORDERS)
      for (const filter of FILTERS)
        it(`seek their cursor in ${pageIndexOf(order).source.slice(1, -1)}, with no sort and no scan of a whole table, ordered by ${JSON.stringify(order)} and filtered by ${JSON.stringify(filter)}`, async () => {
          for (const depth of DEPTHS) {
            const cursor = depth ? await cursorAt(filter, order, depth) : undefined;
            const pages: PageArgs[] = cursor
              ? [
                  { first: 20, after: cursor },
                  { last: 20, before: cursor },
                ]
              : [{ first: 20 }];
            for (const page of pages) {
              const statements = await plansOf(() => store.listEvents(filter, order, page));
              const context = `${JSON.stringify(page)} at depth ${depth}`;
              for (const { nodes } of statements)
                expect(nodes.filter(unbounded), `${context}:\n${describePlan(nodes)}`).toEqual([]);
              const { nodes } = eventPageOf(statements);
              const [scan, ...others] = scansOf(nodes, 'events');
              expect(others, context).toEqual([]);
              expect(scan!['Index Name'], `${context}:\n${describePlan(nodes)}`).toMatch(pageIndexOf(order));
              // The cursor is sought in the index (a row value over the whole key), not filtered row by row.
              if (cursor)
                expect(scan!['Index Cond'], `${context}:\n${describePlan(nodes)}`).toMatch(/ROW\(.*\) [<>] ROW\(/);
              expect(rowsRead(scan!), `${context}:\n${describePlan(nodes)}`).toBeLessThanOrEqual(EVENT_ROWS_PER_PAGE);
            }
          }
        });
  });

  describe('the joined lookups of a page', () => {
    let pageIds: number[];
    beforeAll(async () => {
      pageIds = (await store.listEvents(null, [], { first: 20, after: await cursorAt(null, [], 0.5) })).rows.map(
        (row) => row.id,
      );
    });

    /** The batch's rows found through `index`, and each joined row by its primary key in a fenced nested loop. */
    function expectIndexedJoin(nodes: PlanNode[], batch: [string, RegExp], joined: string) {
      const plan = describePlan(nodes);
      expect(
        nodes.filter((node) => node['Node Type'] === 'Seq Scan' || /Hash|Merge/.test(node['Node Type'])),
        plan,
      ).toEqual([]);
      const [table, index] = batch;
      expect(
        scansOf(nodes, table).map((node) => node['Index Name']),
        plan,
      ).toEqual([expect.stringMatching(index)]);
      expect(scansOf(nodes, table)[0]!['Index Cond'], plan).toMatch(/= ANY/);
      const lookups = scansOf(nodes, joined);
      expect(
        lookups.map((node) => node['Index Name']),
        plan,
      ).toEqual([`${joined}_pkey`]);
      expect(lookups[0]!['Actual Rows'], plan).toBeLessThanOrEqual(1);
    }

    it("find an event's participants by index and each one's actor by primary key", async () => {
      const [statement] = await plansOf(() => store.participantsByEventIds(pageIds));
      expectIndexedJoin(statement!.nodes, ['event_participants', /^event_participants_pkey$/], 'actors');
    });

    for (const [subject, index] of [
      ['eventId', 'citations_event'],
      ['actorId', 'citations_actor'],
      ['officeId', 'citations_office'],
      ['claimId', 'citations_claim'],
      ['figureId', 'citations_figure'],
    ] as [CitationSubject, string][])
      it(`find the citations by ${subject} through ${index}, and each one's source by primary key`, async () => {
        const ids = subject === 'eventId' ? pageIds : [1, 2, 3];
        const [statement] = await plansOf(() => store.citationsBySubjectIds(subject, ids));
        expectIndexedJoin(statement!.nodes, ['citations', new RegExp(`^${index}$`)], 'sources');
      });
  });

  describe('actor pages', () => {
    it('seek their cursor in actors_name, with no sort, at every depth and in both directions', async () => {
      // Walked to about half of the 6,667 actors, a page of 100 at a time.
      let cursor: string | undefined;
      for (let page = 0; page < 33; page++)
        cursor = (await store.listActors(null, { first: 100, ...(cursor ? { after: cursor } : {}) })).cursors.at(-1);
      const pages: PageArgs[] = [{ first: 20 }, { first: 20, after: cursor! }, { last: 20, before: cursor! }];
      for (const page of pages) {
        const [statement] = await plansOf(() => store.listActors(null, page));
        const plan = describePlan(statement!.nodes);
        expect(statement!.nodes.filter(unbounded), plan).toEqual([]);
        const [scan] = scansOf(statement!.nodes, 'actors');
        expect(scan!['Index Name'], plan).toBe('actors_name');
        if (page.after || page.before) expect(scan!['Index Cond'], plan).toMatch(/ROW\(.*\) [<>] ROW\(/);
        expect(rowsRead(scan!), plan).toBeLessThanOrEqual(21);
      }
    });
  });

  describe('the unfiltered network', () => {
    it("reads its nodes through the summaries' rank index, never sorting every actor", async () => {
      const network = await store.readActorNetwork(null, {});
      const [statement] = await plansOf(() => network.nodes(100));
      const plan = describePlan(statement!.nodes);
      expect(statement!.nodes.filter(unbounded), plan).toEqual([]);
      expect(
        scansOf(statement!.nodes, 'actor_event_counts').map((node) => node['Index Name']),
        plan,
      ).toEqual(['actor_event_counts_rank']);
      expect(rowsRead(scansOf(statement!.nodes, 'actor_event_counts')[0]!), plan).toBe(100);
    });

    it('reads the edges among its nodes by index, never scanning the pairs', async () => {
      const network = await store.readActorNetwork(null, {});
      await network.nodes(100);
      const statements = await plansOf(() => network.edges(100, 100));
      const { nodes } = statements.at(-1)!;
      const plan = describePlan(nodes);
      expect(
        nodes.filter((node) => node['Node Type'] === 'Seq Scan'),
        plan,
      ).toEqual([]);
      const [scan] = scansOf(nodes, 'actor_pair_counts');
      expect(scan!['Index Name'], plan).toMatch(/^actor_pair_counts_/);
      // The heaviest pairs are among the most connected actors: the walk stops soon after the 100th.
      expect(rowsRead(scan!), plan).toBeLessThanOrEqual(1000);
    });

    it('counts its edges in the weight index alone', async () => {
      const network = await store.readActorNetwork(null, { minWeight: 2 });
      const [statement] = await plansOf(() => network.edgeCount());
      const plan = describePlan(statement!.nodes);
      expect(
        statement!.nodes.filter((node) => node['Node Type'] === 'Seq Scan'),
        plan,
      ).toEqual([]);
      expect(scansOf(statement!.nodes, 'actor_pair_counts')[0], plan).toMatchObject({
        'Node Type': 'Index Only Scan',
        'Index Name': 'actor_pair_counts_weight',
      });
    });
  });

  describe("each actor's page of events", () => {
    /** Actor IDs by kept event count: two hubs walked in page order, two gathered from their own events, one in none. */
    let walked: number[];
    let gathered: number[];
    beforeAll(async () => {
      const ranked = await store.readActorNetwork(null, {}).then((network) => network.nodes(200));
      walked = ranked
        .filter((node) => node.eventCount >= WALK_FROM_EVENTS)
        .map((node) => node.actorId)
        .slice(0, 2);
      gathered = ranked
        .filter((node) => node.eventCount < WALK_FROM_EVENTS && node.eventCount > 30)
        .map((node) => node.actorId)
        .slice(0, 2);
    });

    it('are the pages of the events list filtered by that actor, walked or gathered, in every order and both directions', async () => {
      expect(walked).toHaveLength(2);
      expect(gathered).toHaveLength(2);
      const actorIds = [...walked, ...gathered];
      const slugs = new Map((await store.actorsByIds(actorIds)).map((actor) => [actor.id, actor.slug]));
      for (const order of ORDERS.slice(0, 4)) {
        const first = await store.eventPagesByActorIds(actorIds, order, { first: 10 });
        for (const actorId of actorIds) {
          const filter = { actors: [slugs.get(actorId)!] };
          const listed = await store.listEvents(filter, order, { first: 10 });
          expect(first.get(actorId), `${actorId} ${JSON.stringify(order)}`).toEqual(listed);
          const cursor = listed.cursors.at(-1)!;
          for (const page of [
            { first: 5, after: cursor },
            { last: 5, before: cursor },
          ]) {
            const [nested, flat] = [
              await store.eventPagesByActorIds([actorId], order, page),
              await store.listEvents(filter, order, page),
            ];
            expect(nested.get(actorId), `${actorId} ${JSON.stringify(order)} ${JSON.stringify(page)}`).toEqual(flat);
          }
        }
      }
      expect((await store.eventPagesByActorIds([999_999], [], { first: 10 })).get(999_999)!.rows).toEqual([]);
    });

    it('read a bounded number of events whatever the actor, never every event of a hub', async () => {
      const statements = await plansOf(() => store.eventPagesByActorIds([...walked, ...gathered], [], { first: 10 }));
      for (const { nodes } of statements) {
        const plan = describePlan(nodes);
        expect(
          nodes.filter((node) => node['Node Type'] === 'Seq Scan'),
          plan,
        ).toEqual([]);
        for (const scan of scansOf(nodes, 'events')) {
          // A page of 11 for each of two actors: walked, a hub's events are dense in the order; gathered, an actor has fewer than WALK_FROM_EVENTS.
          expect(rowsRead(scan), plan).toBeLessThanOrEqual(2 * Math.max(EVENT_ROWS_PER_PAGE, WALK_FROM_EVENTS));
        }
      }
      const walks = statements
        .flatMap(({ nodes }) => scansOf(nodes, 'events'))
        .filter((scan) => scan['Index Name'] === 'events_live_date');
      expect(walks).toHaveLength(1);
    });
  });

  describe("search's ranking of events (newest_event_matches)", () => {
    // Any weights: the function must score as ts_rank does with the weights it is given.
    const WEIGHTS = '{0.1, 0.2, 0.3, 1}';
    const query = (statement: { text: string; values: unknown[] }) => {
      if (database.backend.kind !== 'server') throw new Error('a server store');
      return database.backend.pool.query(statement);
    };
    const newest = (search: string, wanted: number) => ({
      text: 'select id, score from newest_event_matches($1::tsquery, $2::float4[], $3) order by id desc limit $3',
      values: [toTsQuery(search, 'query'), WEIGHTS, wanted],
    });

    /** What `statement` returns, and the plans of the statements it ran inside functions, as auto_explain logs them. */
    async function runLogged(statement: { text: string; values: unknown[] }) {
      const client = new pg.Client({ connectionString: synthetic.url });
      const logged: { 'Query Text': string; Plan: PlanNode }[] = [];
      client.on('notice', (notice) => {
        const plan = notice.message?.match(/plan:\n([\s\S]*)$/)?.[1];
        if (plan) logged.push(JSON.parse(plan));
      });
      await client.connect();
      try {
        await client.query(`load 'auto_explain'; set auto_explain.log_min_duration = 0;
          set auto_explain.log_nested_statements = on; set auto_explain.log_analyze = on;
          set auto_explain.log_format = json; set client_min_messages = log`);
        const { rows } = await client.query(statement);
        return { rows, windows: logged.filter((entry) => /e\.id >= \$3/.test(entry['Query Text'])) };
      } finally {
        await client.end();
      }
    }

    it('returns the newest matches with their ts_rank, as ordering every live match by ID does, whatever the number wanted', async () => {
      for (const search of [
        'pipeline',
        '"gas pipeline"',
        'energ*',
        'Karachi OR Lahore',
        'cooperation',
        'cooperation NOT pipeline',
        'zzzzzz',
      ])
        for (const wanted of [1, 100, 2000, 10_000]) {
          const { rows } = await query(newest(search, wanted));
          const { rows: expected } = await query({
            text: `select id, (-ts_rank($2::float4[], search, $1::tsquery, 1))::float8 as score from events
              where archived_at is null and search @@ $1::tsquery order by id desc limit $3`,
            values: newest(search, wanted).values,
          });
          expect(rows, `${search} ${wanted}`).toEqual(expected);
        }
    });

    it("gives the search the same page and counts as ranking and counting every match would, and SQLite's counts", async () => {
      const sqlite = openSqliteStore(syntheticDatabase({ events: EVENTS }).path, { readOnly: true });
      try {
        for (const search of ['cooperation', 'pipeline', 'energ*', 'cooperation NOT pipeline', 'Mi-35']) {
          const first = await store.search(search, ['event'], { first: 20 });
          const second = await store.search(search, ['event'], { first: 20, after: first.cursors.at(-1) });
          const { rows: expected } = await query({
            text: `select id from (select id, (-ts_rank($2::float4[], search, $1::tsquery, 1))::float8 as score from events
                where archived_at is null and search @@ $1::tsquery order by id desc limit ${SEARCH_RANKING_LIMIT}) as ranked
              order by score, id limit 40`,
            values: newest(search, 0).values.slice(0, 2),
          });
          expect(
            [...first.rows, ...second.rows].map((hit) => hit.id),
            search,
          ).toEqual(expected.map((row) => row.id));
          for (const types of [['event'] as const, null]) {
            const [onPostgres, onSqlite] = [
              await store.search(search, types, {}),
              await sqlite.search(search, types, {}),
            ];
            expect([await onPostgres.totalCount(), await onPostgres.rankingLimited()], `${search} ${types}`).toEqual([
              await onSqlite.totalCount(),
              await onSqlite.rankingLimited(),
            ]);
          }
        }
      } finally {
        await sqlite.close();
      }
    });

    it('visits only the matches of a window of IDs where matches are sparse, never every match nor every event', async () => {
      // pipeline is in about 4% of events: 1,000 of them lie among the newest 24,000.
      const wanted = 1000;
      const { rows, windows } = await runLogged(newest('pipeline', wanted));
      expect(rows).toHaveLength(wanted);
      expect(windows.length).toBeGreaterThan(0);
      for (const window of windows) {
        const nodes = nodesOf(window.Plan);
        const plan = describePlan(nodes);
        const indexes = nodes
          .filter((node) => node['Node Type'] === 'Bitmap Index Scan')
          .map((node) => node['Index Name']);
        expect(
          nodes.map((node) => node['Node Type']),
          plan,
        ).toContain('BitmapAnd');
        expect(indexes.sort(), plan).toEqual(['events_pkey', 'events_search']);
      }
      const visited = windows.reduce((sum, window) => sum + rowsRead(scansOf(nodesOf(window.Plan), 'events')[0]!), 0);
      expect(visited).toBeGreaterThanOrEqual(wanted);
      expect(visited).toBeLessThanOrEqual(1.5 * wanted);
    });

    it('walks the primary key over the few events it tests where matches are dense', async () => {
      // cooperation is in about 40% of events.
      const wanted = 1000;
      const { rows, windows } = await runLogged(newest('cooperation', wanted));
      expect(rows).toHaveLength(wanted);
      for (const window of windows) {
        const nodes = nodesOf(window.Plan);
        expect(scansOf(nodes, 'events'), describePlan(nodes)).toMatchObject([
          { 'Node Type': 'Index Scan', 'Index Name': 'events_pkey' },
        ]);
      }
      const tested = windows.reduce((sum, window) => sum + rowsRead(scansOf(nodesOf(window.Plan), 'events')[0]!), 0);
      expect(tested).toBeLessThanOrEqual(4 * wanted);
    });
  });
});

import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
// The SQLite tables, read only to check that PostgreSQL's mirror them.
import * as sqliteSchema from '../db/schema.ts';
import { toTsQuery } from '../postgres-store/text-search.ts';
import type { PostgresStore } from './client.ts';
import * as schema from './schema.ts';
import { emptyPgliteStore } from './testing/pglite.ts';

const tablesOf = <T>(module: Record<string, unknown>, isTable: (value: unknown) => value is T) =>
  Object.values(module).filter(isTable);

const shape = (table: SQLiteTable | PgTable) =>
  Object.fromEntries(Object.values(getTableColumns(table)).map((column) => [column.name, { notNull: column.notNull }]));

describe('the PostgreSQL tables', () => {
  it('are the SQLite tables, with the same column names and nullability, so rows copy across unchanged', () => {
    const sqlite = tablesOf(sqliteSchema, (value): value is SQLiteTable => is(value, SQLiteTable));
    const postgres = tablesOf(schema, (value): value is PgTable => is(value, PgTable));
    expect(postgres.map(getTableName).sort()).toEqual(sqlite.map(getTableName).sort());
    for (const table of sqlite) {
      const twin = postgres.find((candidate) => getTableName(candidate) === getTableName(table))!;
      expect(shape(twin), getTableName(table)).toEqual(shape(table));
    }
  });
});

describe('the PostgreSQL schema on PGlite', () => {
  let store: PostgresStore;
  beforeEach(async () => {
    store = await emptyPgliteStore();
  });
  const run = (query: ReturnType<typeof sql>) => store.db.execute(query);
  const insertEvents = (count: number) =>
    run(sql`insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest, archived_at)
      select 'e' || n, 'Title ' || (n % 97), 'summary', case when n % 2 = 0 then 'meet' else 'sign' end, '2020',
        to_char(date '2000-01-01' + n, 'YYYY-MM-DD'), to_char(date '2000-01-01' + n + 3, 'YYYY-MM-DD'),
        case when n % 50 = 0 then '2026-01-01T00:00:00Z' end
      from generate_series(1, ${count}) n`);

  it('refuses a citation of two subjects or none, and a claim of both an event and a figure', async () => {
    await insertEvents(1);
    await run(sql`insert into sources (slug, file, title, genre) values ('s', 's.txt', 'S', 'report')`);
    await run(sql`insert into figures (slug, label, indicator, period_edtf, period_earliest, period_latest, value)
      values ('f', 'F', 'trade', '2020', '2020-01-01', '2020-12-31', '1')`);
    const cite = (subjects: string) =>
      run(sql.raw(`insert into citations (source_id, paragraph, position, ${subjects}) values (1, 1, 0, 1, 1)`));
    await expect(cite('event_id, figure_id')).rejects.toMatchObject({ cause: { code: '23514' } });
    await expect(
      run(sql`insert into citations (source_id, paragraph, position) values (1, 1, 0)`),
    ).rejects.toMatchObject({ cause: { constraint: 'citations_one_subject' } });
    await expect(
      run(
        sql`insert into claims (event_id, figure_id, field, value, status, position) values (1, 1, 'date', 'x', 'disputed', 0)`,
      ),
    ).rejects.toMatchObject({ cause: { constraint: 'claims_one_subject' } });
    await expect(run(sql`update events set amount_value = '5' where id = 1`)).rejects.toMatchObject({
      cause: { constraint: 'events_amount_pair' },
    });
  });

  it('orders titles by their bytes, as SQLite does, whatever the database collation', async () => {
    for (const [index, title] of ['b', 'á', 'B', 'a', 'Z'].entries())
      await run(sql`insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest)
        values (${`e${index}`}, ${title}, 's', 'meet', '2020', '2020-01-01', '2020-01-01')`);
    const { rows } = await store.db.execute<{ title: string }>(sql`select title from events order by title`);
    expect(rows.map((row) => row.title)).toEqual(['B', 'Z', 'a', 'b', 'á']);
  });

  // Each page order seeks its cursor (a row value over the whole key, ID included) in an index and
  // needs no sort, forwards and backwards.
  // Live events may be read through either date index: the archived few are filtered out as they come.
  const PAGES: [string, string, string, RegExp][] = [
    ['events by date', 'events', '(date_earliest, date_latest, id)', /events_date/],
    ['live events by date', 'events', '(date_earliest, date_latest, id)', /events_(live_)?date/],
    ['events by title', 'events', '(title, id)', /events_title/],
    ['events by kind', 'events', '(kind, date_earliest, date_latest, id)', /events_kind_date/],
    ['actors by name', 'actors', '(name, id)', /actors_name/],
    ['figures by period', 'figures', '(period_earliest, id)', /figures_period/],
  ];
  it.each(PAGES)('seeks a page of %s in its index, with no sort', async (name, table, key, index) => {
    await insertEvents(3000);
    await run(sql`insert into actors (slug, name, name_folded, kind)
      select 'a' || n, 'Actor ' || (n % 89), 'actor', 'person' from generate_series(1, 3000) n`);
    await run(sql`insert into figures (slug, label, indicator, period_edtf, period_earliest, period_latest, value)
      select 'f' || n, 'F', 'trade', '2020', to_char(date '2000-01-01' + n % 400, 'YYYY-MM-DD'), '2021-01-01', '1'
      from generate_series(1, 3000) n`);
    await run(sql`analyze`);
    const live = name.startsWith('live') ? 'and archived_at is null' : '';
    const columns = key.slice(1, -1).split(', ');
    const cursor = columns.map((column) =>
      column === 'id' ? '1500' : `(select ${column} from ${table} where id = 1500)`,
    );
    for (const [comparison, direction] of [
      ['>', 'asc'],
      ['<', 'desc'],
    ]) {
      const order = columns.map((column) => `${column} ${direction}`).join(', ');
      const { rows } = await run(
        sql.raw(`explain (format json) select * from ${table} where ${key} ${comparison} (${cursor.join(', ')}) ${live}
          order by ${order} limit 20`),
      );
      const plan = JSON.stringify(rows[0]);
      const seek = new RegExp(`"Index Name":"${index.source}","Relation Name":"${table}","Alias":"${table}"`);
      expect(plan, `${name} ${direction}`).toMatch(seek);
      expect(plan, `${name} ${direction}`).toContain('"Index Cond":"(ROW(');
      expect(plan, `${name} ${direction}`).not.toContain('"Node Type":"Sort"');
    }
  });
});

describe('the search vectors', () => {
  let store: PostgresStore;
  beforeEach(async () => {
    store = await emptyPgliteStore();
  });
  const matches = async (table: 'events' | 'actors' | 'sources' | 'figures', words: string) => {
    const { rows } = await store.db.execute<{ id: number }>(
      sql`select id from ${sql.identifier(table)} where search @@ ${toTsQuery(words, 'q') as string}::tsquery order by id`,
    );
    return rows.map((row) => row.id);
  };

  it('fold case and accents both ways, as SQLite’s remove_diacritics 2 does', async () => {
    await store.db.execute(sql`insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest, place)
      values ('a', 'Lavróv visits', 'Talks in Islamabad', 'meet', '2020', '2020-01-01', '2020-01-01', 'Ştefan Hall'),
             ('b', 'LAVROV again', 'x', 'meet', '2020', '2020-01-01', '2020-01-01', null)`);
    expect(await matches('events', 'lavrov')).toEqual([1, 2]);
    expect(await matches('events', 'LAVRÓV')).toEqual([1, 2]);
    expect(await matches('events', 'stefan')).toEqual([1]);
    expect(await matches('events', 'islamabad')).toEqual([1]);
  });

  it('weigh the title above the summary and the place', async () => {
    await store.db.execute(sql`insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest, place)
      values ('a', 'Trade', 'Pipeline', 'meet', '2020', '2020-01-01', '2020-01-01', 'Karachi')`);
    const { rows } = await store.db.execute<{ weights: string }>(sql`select search::text as weights from events`);
    // Each column's positions start one past the gap after the last: no phrase spans two columns.
    expect(rows[0]!.weights).toBe("'karachi':6C 'pipeline':4B 'trade':2A");
  });

  it('index only live events, and read an actor’s aliases kept on it', async () => {
    await store.db.execute(sql`insert into events (slug, title, summary, kind, date_edtf, date_earliest, date_latest, archived_at)
      values ('a', 'Gas', 's', 'meet', '2020', '2020-01-01', '2020-01-01', '2026-01-01')`);
    const { rows } = await store.db.execute<{ indexdef: string }>(
      sql`select indexdef from pg_indexes where indexname = 'events_search'`,
    );
    expect(rows[0]!.indexdef).toMatch(/USING gin \(search\) WHERE \(archived_at IS NULL\)/);

    await store.db.execute(
      sql`insert into actors (slug, name, name_folded, kind) values ('p', 'Putin', 'putin', 'person')`,
    );
    await store.db.execute(sql`insert into actor_aliases (actor_id, name, name_folded, kind, position)
      values (1, 'Vladimir Vladimirovich', 'vladimir vladimirovich', 'name', 0), (1, 'VVP', 'vvp', 'abbreviation', 1)`);
    expect(await matches('actors', 'vladimirovich')).toEqual([1]);
    await store.db.execute(sql`update actor_aliases set name = 'Volodya' where name = 'VVP'`);
    expect(await matches('actors', 'vvp')).toEqual([]);
    expect(await matches('actors', 'volodya')).toEqual([1]);
    await store.db.execute(sql`delete from actor_aliases`);
    expect(await matches('actors', 'vladimirovich')).toEqual([]);
    expect(await matches('actors', 'putin')).toEqual([1]);
  });

  it('read a figure’s indicator as words and a source’s author and outlet', async () => {
    await store.db.execute(sql`insert into figures (slug, label, indicator, period_edtf, period_earliest, period_latest, value)
      values ('f', 'Bilateral trade', 'trade_volume', '2020', '2020-01-01', '2020-12-31', '1')`);
    await store.db.execute(sql`insert into sources (slug, file, title, author, outlet, genre)
      values ('s', 's.txt', 'Report', 'Müller', 'Dawn', 'report')`);
    expect(await matches('figures', 'volume')).toEqual([1]);
    expect(await matches('sources', 'muller dawn')).toEqual([1]);
  });
});

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listEvents } from '../queries/events.ts';
import { removeTemporaryDirectories, temporaryDirectory } from '../testing/database-files.ts';
import { closeStore, databaseSize, openStore } from './client.ts';
import { observeStatements } from './statement-timing.ts';

afterAll(removeTemporaryDirectories);

describe('statement timing', () => {
  it('reports each run of a statement with its SQL and duration, each step of an iteration, until the observer stops', () => {
    const store = openStore(':memory:');
    const seen: { sql: string; milliseconds: number }[] = [];
    const connection = store.$client;
    const stop = observeStatements(connection, (sql, _startedAt, milliseconds) => seen.push({ sql, milliseconds }));
    connection.prepare('create table numbers (n integer)').run();
    const insert = connection.prepare('insert into numbers values (?)');
    for (const n of [1, 2, 3]) insert.run(n);
    expect(connection.prepare('select count(*) as count from numbers').get()).toEqual({ count: 3 });
    expect([...connection.prepare('select n from numbers').iterate()]).toHaveLength(3);
    expect(seen.map((entry) => entry.sql)).toEqual([
      'create table numbers (n integer)',
      ...Array(3).fill('insert into numbers values (?)'),
      'select count(*) as count from numbers',
      // three rows, then the step that finds none left
      ...Array(4).fill('select n from numbers'),
    ]);
    expect(seen.every((entry) => entry.milliseconds >= 0 && entry.milliseconds < 1000)).toBe(true);
    stop();
    connection.prepare('select 1').get();
    expect(seen).toHaveLength(9);
    closeStore(store);
  });

  it('times the statements drizzle prepares too (the store query functions)', () => {
    const store = openStore(':memory:');
    let count = 0;
    const stop = observeStatements(store.$client, () => count++);
    listEvents(store, {}, [], { first: 5 });
    stop();
    expect(count).toBeGreaterThan(0);
    closeStore(store);
  });

  it("reports only the observed connection's statements, not another store's", () => {
    const observed = openStore(':memory:');
    const other = openStore(':memory:');
    const seen: string[] = [];
    const stop = observeStatements(observed.$client, (sql) => seen.push(sql));
    other.$client.prepare('select 2').get();
    observed.$client.prepare('select 1').get();
    stop();
    expect(seen).toEqual(['select 1']);
    closeStore(observed);
    closeStore(other);
  });
});

describe('databaseSize', () => {
  it('is the file and its write-ahead log, and 0 in memory', () => {
    const store = openStore(join(temporaryDirectory(), 'size.db'));
    const before = databaseSize(store);
    expect(before).toBeGreaterThan(0);
    store.$client.exec(
      'create table filler (text text); with recursive n(i) as (select 1 union all select i + 1 from n where i < 200) insert into filler select hex(randomblob(1000)) from n',
    );
    expect(databaseSize(store)).toBeGreaterThan(before + 200_000);
    closeStore(store);
    const memory = openStore(':memory:');
    expect(databaseSize(memory)).toBe(0);
    closeStore(memory);
  });
});

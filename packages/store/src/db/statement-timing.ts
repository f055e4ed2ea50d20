/**
 * How long each SQL statement takes, for whoever observes (the API's metrics and traces). Every
 * statement a connection prepares is wrapped once (prepared statements are cached and reused, see
 * statement-cache.ts), and each run of it (`run`, `get`, `all`, each step of `iterate`) is timed and
 * reported to the observers. With no observer the wrapper only checks that and calls through.
 * better-sqlite3 has no timing hook of its own (its `verbose` callback fires before a statement runs).
 */
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';

/** Called after a statement ran, with its SQL text, when it started (performance.now()) and how long it took. */
export type StatementObserver = (sql: string, startedAt: number, milliseconds: number) => void;

const observers = new Set<StatementObserver>();

/** Reports every statement run on any store in this process to `observer` until the returned function is called. */
export function observeStatements(observer: StatementObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

function report(sql: string, startedAt: number) {
  const milliseconds = performance.now() - startedAt;
  for (const observer of observers) observer(sql, startedAt, milliseconds);
}

type Runner = (...args: unknown[]) => unknown;

function timed(statement: Database.Statement, method: 'run' | 'get' | 'all'): Runner {
  const original = (statement[method] as Runner).bind(statement);
  return (...args) => {
    if (observers.size === 0) return original(...args);
    const startedAt = performance.now();
    try {
      return original(...args);
    } finally {
      report(statement.source, startedAt);
    }
  };
}

function timedIterate(statement: Database.Statement): Runner {
  const original = (statement.iterate as Runner).bind(statement);
  return (...args) => {
    if (observers.size === 0) return original(...args);
    const iterator = original(...args) as IterableIterator<unknown>;
    const next = iterator.next.bind(iterator);
    iterator.next = () => {
      const startedAt = performance.now();
      try {
        return next();
      } finally {
        report(statement.source, startedAt);
      }
    };
    return iterator;
  };
}

/** Wraps `prepare` on one connection so that its statements are timed; call before statements are cached. */
export function timeStatements(connection: Database.Database): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((source: string) => {
    const statement = prepare(source);
    Object.assign(statement, {
      run: timed(statement, 'run'),
      get: timed(statement, 'get'),
      all: timed(statement, 'all'),
      iterate: timedIterate(statement),
    });
    return statement;
  }) as typeof connection.prepare;
}

/**
 * How long each SQL statement takes, for whoever observes a connection (the API's metrics and
 * traces, through `BilateralStore.observeStatements`). Every
 * statement a connection prepares is wrapped once (prepared statements are cached and reused, see
 * statement-cache.ts), and each run of it (`run`, `get`, `all`, each step of `iterate`) is timed and
 * reported to the observers. With no observer the wrapper only checks that and calls through.
 * better-sqlite3 has no timing hook of its own (its `verbose` callback fires before a statement runs).
 */
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';

/**
 * Called after a statement ran, with its SQL text, when it started (performance.now()), how long it
 * took, and the scope it ran for (`BilateralStore.withStatementScope`: the request), if any.
 */
export type StatementObserver = (
  sql: string,
  startedAt: number,
  milliseconds: number,
  scope: object | undefined,
) => void;

// SQLite runs every statement synchronously, inside the store method that asked for it: the scope of
// the method running now is the scope of the statement, with no AsyncLocalStorage (whose promise hooks
// would tax every promise of the process, several percent of a request's CPU).
let currentScope: object | undefined;

/** Runs `call` with its statements reported under `scope` (for the synchronous part of it, which on SQLite is all of it). */
export function inStatementScope<T>(scope: object | undefined, call: () => T): T {
  const previous = currentScope;
  currentScope = scope;
  try {
    return call();
  } finally {
    currentScope = previous;
  }
}

/** The scope of the store method running now, to run its answer's deferred parts under later. */
export const currentStatementScope = (): object | undefined => currentScope;

type Observers = Set<StatementObserver>;
const observersOf = new WeakMap<Database.Database, Observers>();

/**
 * Reports every statement run on `connection` to `observer` until the returned function is called;
 * the connection must have been passed to `timeStatements` when opened.
 */
export function observeStatements(connection: Database.Database, observer: StatementObserver): () => void {
  const observers = observersOf.get(connection);
  if (!observers) throw new TypeError('this connection was opened without statement timing (timeStatements)');
  observers.add(observer);
  return () => observers.delete(observer);
}

function report(observers: Observers, sql: string, startedAt: number) {
  const milliseconds = performance.now() - startedAt;
  for (const observer of observers) observer(sql, startedAt, milliseconds, currentScope);
}

type Runner = (...args: unknown[]) => unknown;

function timed(observers: Observers, statement: Database.Statement, method: 'run' | 'get' | 'all'): Runner {
  const original = statement[method].bind(statement);
  return (...args) => {
    if (observers.size === 0) return original(...args);
    const startedAt = performance.now();
    try {
      return original(...args);
    } finally {
      report(observers, statement.source, startedAt);
    }
  };
}

function timedIterate(observers: Observers, statement: Database.Statement): Runner {
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
        report(observers, statement.source, startedAt);
      }
    };
    return iterator;
  };
}

/** Wraps `prepare` on one connection so that its statements are timed; call before statements are cached. */
export function timeStatements(connection: Database.Database): void {
  const observers: Observers = new Set();
  observersOf.set(connection, observers);
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((source: string) => {
    const statement = prepare(source);
    Object.assign(statement, {
      run: timed(observers, statement, 'run'),
      get: timed(observers, statement, 'get'),
      all: timed(observers, statement, 'all'),
      iterate: timedIterate(observers, statement),
    });
    return statement;
  }) as typeof connection.prepare;
}

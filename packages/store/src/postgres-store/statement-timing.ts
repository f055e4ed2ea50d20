/**
 * How long each SQL statement takes on PostgreSQL, for `BilateralStore.observeStatements` (the
 * API's metrics and traces). drizzle's logger hears a statement before it runs, so it cannot time
 * it; instead the client's own `query` (the node-postgres pool's, or PGlite's) is wrapped once, and
 * each call is reported when its promise settles. Transactions on the pool run on a client checked
 * out of it, which this does not wrap: the reads are timed, writes are not yet.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { StatementObserver } from '../db/statement-timing.ts';
import type { PostgresStore } from '../postgres/client.ts';

type Query = (...args: unknown[]) => unknown;

// A statement on PostgreSQL runs after awaits, so its scope is carried through them. The hooks of an
// AsyncLocalStorage start with the first scoped call (METRICS or tracing on), not before.
const scopes = new AsyncLocalStorage<object>();

/** Runs `call` with the statements it runs, through every await, reported under `scope`. */
export const inStatementScope = <T>(scope: object, call: () => T): T => scopes.run(scope, call);

const sqlTextOf = (first: unknown) =>
  typeof first === 'string' ? first : String((first as { text?: unknown } | undefined)?.text ?? '');

/** Wraps the store's client so every query is reported to `observers` while any are registered. */
export function timeStatements(store: PostgresStore, observers: ReadonlySet<StatementObserver>) {
  const client = (store.backend.kind === 'server' ? store.backend.pool : store.backend.pglite) as unknown as {
    query: Query;
  };
  const original = client.query.bind(client);
  client.query = (...args) => {
    if (observers.size === 0) return original(...args);
    const startedAt = performance.now();
    const scope = scopes.getStore();
    const report = () => {
      for (const observer of observers) observer(sqlTextOf(args[0]), startedAt, performance.now() - startedAt, scope);
    };
    const result = original(...args);
    if (result instanceof Promise) result.then(report, report);
    else report();
    return result;
  };
}

/**
 * SQL statements each server runs per request, counted in-process over the same database file:
 * the API through the store's statement hook, the baselines through the same hook on their
 * connection. A page of 100 should cost no more statements than a page of 20.
 */
import { type BilateralStore, openSqliteStore } from '@bilateral/store';
import { sqliteDatabaseOf } from '@bilateral/store/testing';
import { createBilateralYoga } from '../src/yoga.ts';
import { createFloorHandler } from './baselines/floor.ts';
import { createNaiveHandler } from './baselines/naive.ts';
import type { GraphQLHandler } from './baselines/wire.ts';
import type { BenchQuery } from './queries.ts';
import type { ServerName } from './servers.ts';

/** Our API in this process, over `store`. */
function apiHandler(store: BilateralStore): GraphQLHandler {
  const yoga = createBilateralYoga({ store, logging: false });
  return async (request) =>
    (
      await yoga.fetch('http://bench.local/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      })
    ).text();
}

export async function countStatements(
  databasePath: string,
  queries: readonly BenchQuery[],
): Promise<Map<string, Record<ServerName, number>>> {
  let count = 0;
  const open = () => openSqliteStore(databasePath, { onStatement: () => count++ });
  const stores = [open(), open(), open()] as const;
  const handlers: Record<ServerName, GraphQLHandler> = {
    ours: apiHandler(stores[0]),
    naive: createNaiveHandler(sqliteDatabaseOf(stores[1]).$client),
    floor: createFloorHandler(sqliteDatabaseOf(stores[2]).$client),
  };
  const counts = new Map<string, Record<ServerName, number>>();
  try {
    for (const query of queries) {
      const row = {} as Record<ServerName, number>;
      for (const [name, handler] of Object.entries(handlers) as [ServerName, GraphQLHandler][]) {
        await handler(query.request); // prepares statements once, as a warm server has
        count = 0;
        await handler(query.request);
        row[name] = count;
      }
      counts.set(query.name, row);
    }
  } finally {
    for (const store of stores) await store.close();
  }
  return counts;
}

/**
 * SQL statements our API runs per request over the store `open` returns (which must call
 * `onStatement` for each): for the PostgreSQL store, which no baseline reads.
 */
export async function countOurStatements(
  open: (onStatement: () => void) => BilateralStore,
  queries: readonly BenchQuery[],
): Promise<Map<string, number>> {
  let count = 0;
  const store = open(() => count++);
  const send = apiHandler(store);
  const counts = new Map<string, number>();
  try {
    for (const query of queries) {
      await send(query.request); // prepares statements once, as a warm server has
      count = 0;
      const answer = JSON.parse(await send(query.request)) as { errors?: unknown };
      if (answer.errors) throw new Error(`${query.name} failed: ${JSON.stringify(answer.errors)}`);
      counts.set(query.name, count);
    }
  } finally {
    await store.close();
  }
  return counts;
}

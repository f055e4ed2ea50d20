/**
 * What one HTTP request did inside the store: how many SQL statements it ran and how long they
 * took. The store reports every statement it runs (`BilateralStore.observeStatements`); an AsyncLocalStorage scope,
 * entered by the HTTP server around each request, says which request a statement belongs to,
 * including statements run later by a DataLoader batch of that request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BilateralStore } from '@bilateral/store';

export interface RequestStats {
  statements: number;
  databaseMs: number;
  /** Filled in by tracing, when on: each statement's SQL, start and duration. */
  onStatement?: (sql: string, startedAt: number, milliseconds: number) => void;
}

const scope = new AsyncLocalStorage<RequestStats>();

/** Runs `handle` with a fresh set of request stats, which `currentRequestStats` returns within it. */
export const withRequestStats = <T>(handle: () => T): T => scope.run({ statements: 0, databaseMs: 0 }, handle);

export const currentRequestStats = (): RequestStats | undefined => scope.getStore();

/** Statements run outside any request (start-up, seed loading) are counted in the totals only. */
export interface StatementTotals {
  statements: number;
  databaseMs: number;
}

const observed = new WeakSet<BilateralStore>();
const totals: StatementTotals = { statements: 0, databaseMs: 0 };

/** The process's statement totals, over every store passed to `attributeStatements`. */
export const statementTotals = (): Readonly<StatementTotals> => totals;

/** Counts `store`'s statements in the totals and in the request they run for (once per store, however often called). */
export function attributeStatements(store: BilateralStore): void {
  if (observed.has(store)) return;
  observed.add(store);
  store.observeStatements((sql, startedAt, milliseconds) => {
    totals.statements++;
    totals.databaseMs += milliseconds;
    const stats = scope.getStore();
    if (!stats) return;
    stats.statements++;
    stats.databaseMs += milliseconds;
    stats.onStatement?.(sql, startedAt, milliseconds);
  });
}

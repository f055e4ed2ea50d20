/**
 * What one HTTP request did inside the store: how many SQL statements it ran and how long they
 * took. The store reports every statement it runs (`observeStatements`); an AsyncLocalStorage scope,
 * entered by the HTTP server around each request, says which request a statement belongs to,
 * including statements run later by a DataLoader batch of that request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { observeStatements } from '@bilateral/store';

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

let listening = false;
const totals: StatementTotals = { statements: 0, databaseMs: 0 };

/** The process's statement totals; the first call starts observing the store. */
export function statementTotals(): Readonly<StatementTotals> {
  if (!listening) {
    listening = true;
    observeStatements((sql, startedAt, milliseconds) => {
      totals.statements++;
      totals.databaseMs += milliseconds;
      const stats = scope.getStore();
      if (!stats) return;
      stats.statements++;
      stats.databaseMs += milliseconds;
      stats.onStatement?.(sql, startedAt, milliseconds);
    });
  }
  return totals;
}

/**
 * What one HTTP request did inside the store: how many SQL statements it ran and how long they
 * took. The store reports every statement it runs (`BilateralStore.observeStatements`) with the
 * scope it ran under; each GraphQL request's context holds a view of the store scoped to that
 * request's stats (`scopedStore`), so its resolvers' and DataLoader batches' statements are counted
 * for it. No AsyncLocalStorage: on Node 20 its promise hooks cost every promise of the process,
 * several percent of a request's CPU (docs/operating.md, "What they cost").
 */
import type { BilateralStore } from '@bilateral/store';

export class RequestStats {
  statements = 0;
  databaseMs = 0;
  /** Filled in by tracing, when on: each statement's SQL, start and duration. */
  onStatement?: (sql: string, startedAt: number, milliseconds: number) => void;
}

const statsOf = new WeakMap<Request, RequestStats>();

/** The stats of `request`, begun on first asking (by the tracing's first hook or the context). */
export function requestStatsOf(request: Request): RequestStats {
  let stats = statsOf.get(request);
  if (!stats) {
    stats = new RequestStats();
    statsOf.set(request, stats);
  }
  return stats;
}

/** The stats of `request` if anything counted for it. */
export const countedStatsOf = (request: Request): RequestStats | undefined => statsOf.get(request);

/** `store` with the statements it runs counted in `request`'s stats. */
export const scopedStore = (store: BilateralStore, request: Request): BilateralStore =>
  store.withStatementScope(requestStatsOf(request));

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
  store.observeStatements((sql, startedAt, milliseconds, scope) => {
    totals.statements++;
    totals.databaseMs += milliseconds;
    if (!(scope instanceof RequestStats)) return;
    scope.statements++;
    scope.databaseMs += milliseconds;
    scope.onStatement?.(sql, startedAt, milliseconds);
  });
}

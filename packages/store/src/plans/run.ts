/**
 * Runs a plan: the one copy of a write's (or a seed-format read's) logic, shared by SQLite and
 * PostgreSQL, written as a generator that yields each database operation it needs and receives
 * its result. The two databases cannot share a function that reaches the database directly:
 * drizzle's better-sqlite3 driver refuses an async transaction callback, so a SQLite write must run
 * as one synchronous block, while PostgreSQL's driver answers every statement with a Promise.
 * A generator is neither: `runPlan` answers each yielded operation synchronously inside SQLite's
 * transaction, `runPlanAsync` awaits each one inside PostgreSQL's. A port object of async
 * functions would have forced SQLite's writes to be async; a per-database copy of the logic is
 * what this replaces. Each database supplies only its statements (`Statements`, `statements.ts`).
 */
import type { Statements } from './statements.ts';

type Operation = keyof Statements;

/** One database operation a plan asks for: a method of `Statements` and its arguments. */
export interface Step {
  operation: Operation;
  args: unknown[];
}

/** A plan that ends with a `Result`; `yield*` one plan inside another to run it as a part. */
export type Plan<Result> = Generator<Step, Result, unknown>;

/** The statements as a plan sees them: each call is a step to `yield*`, typed by what the statement answers. */
export type Asked = {
  [Name in Operation]: (...args: Parameters<Statements[Name]>) => Plan<ReturnType<Statements[Name]>>;
};

const stepsByName = new Map<Operation, (...args: unknown[]) => Plan<unknown>>();
/** `yield* db.readX(...)` in a plan asks the database for `readX` and evaluates to its answer. */
export const db = new Proxy({} as Asked, {
  get(_, name: Operation) {
    let step = stepsByName.get(name);
    if (!step) {
      step = function* (...args: unknown[]) {
        return yield { operation: name, args };
      };
      stepsByName.set(name, step);
    }
    return step;
  },
});

/** The statements of a database whose driver answers with Promises (PostgreSQL). */
export type AsyncStatements = {
  [Name in Operation]: (...args: Parameters<Statements[Name]>) => Promise<ReturnType<Statements[Name]>>;
};

type Answer = (...args: unknown[]) => unknown;

/** Runs the plan to its end, each step answered synchronously (SQLite, inside its transaction). */
export function runPlan<Result>(plan: Plan<Result>, statements: Statements): Result {
  let next = plan.next();
  while (!next.done) {
    const { operation, args } = next.value;
    next = plan.next((statements[operation] as Answer)(...args));
  }
  return next.value;
}

/** Runs the plan to its end, awaiting each step in turn (PostgreSQL, inside its transaction). */
export async function runPlanAsync<Result>(plan: Plan<Result>, statements: AsyncStatements): Promise<Result> {
  let next = plan.next();
  while (!next.done) {
    const { operation, args } = next.value;
    next = plan.next(await (statements[operation] as Answer)(...args));
  }
  return next.value;
}

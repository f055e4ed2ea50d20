/**
 * Query plans of the statements the PostgreSQL store really runs, for the plan tests: the pool's
 * `query` is wrapped to record each statement's text and bound values (the store's statement
 * observer hears the text only), and each is explained with those values, executed
 * (`EXPLAIN (ANALYZE, FORMAT JSON)`), so a test can bound the rows a plan actually read.
 */
import type pg from 'pg';
import type { PostgresStore } from '../client.ts';

export interface RecordedStatement {
  text: string;
  values: unknown[];
}

/** One node of PostgreSQL's JSON plan (the fields the tests read). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

export interface ExplainedStatement extends RecordedStatement {
  plan: PlanNode;
  /** Every node of the plan, depth first. */
  nodes: PlanNode[];
}

type Query = (...args: unknown[]) => unknown;

/** Every node of a plan, depth first. */
export function nodesOf(node: PlanNode, into: PlanNode[] = []): PlanNode[] {
  into.push(node);
  for (const child of node.Plans ?? []) nodesOf(child, into);
  return into;
}

/** Rows a scan node read from its table or index, kept or filtered out, over all its loops. */
export const rowsRead = (node: PlanNode) =>
  (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) *
  node['Actual Loops'];

/** The scans of `table` in a plan. */
export const scansOf = (nodes: PlanNode[], table: string) => nodes.filter((node) => node['Relation Name'] === table);

/** A short readable plan, for failure messages. */
export const describePlan = (nodes: PlanNode[]) =>
  nodes
    .map(
      (node) =>
        `${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} (rows read ${rowsRead(node)})`,
    )
    .join('\n');

/**
 * Records the statements `store` (a server store) sends from now on. `plansOf(run)` runs `run`
 * and explains what it sent, in order.
 */
export function recordStatements(store: PostgresStore) {
  if (store.backend.kind !== 'server') throw new Error('plans are tested on a PostgreSQL server, not PGlite');
  const pool = store.backend.pool as unknown as { query: Query };
  const original = pool.query.bind(pool);
  const recorded: RecordedStatement[] = [];
  pool.query = (...args) => {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    recorded.push(
      typeof first === 'string'
        ? { text: first, values: second ?? [] }
        : { text: first.text, values: second ?? first.values ?? [] },
    );
    return original(...args);
  };
  const explain = async (statement: RecordedStatement): Promise<ExplainedStatement> => {
    const result = (await original({
      text: `explain (analyze, format json) ${statement.text}`,
      values: statement.values,
    })) as pg.QueryResult<{ 'QUERY PLAN': { Plan: PlanNode }[] }>;
    const plan = result.rows[0]!['QUERY PLAN'][0]!.Plan;
    return { ...statement, plan, nodes: nodesOf(plan) };
  };
  return {
    async plansOf(run: () => Promise<unknown>): Promise<ExplainedStatement[]> {
      recorded.length = 0;
      await run();
      const statements = recorded.splice(0);
      const explained: ExplainedStatement[] = [];
      for (const statement of statements) explained.push(await explain(statement));
      return explained;
    },
  };
}

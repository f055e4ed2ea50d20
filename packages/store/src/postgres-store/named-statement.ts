/**
 * Runs a drizzle query as a named prepared statement (on a server; PGlite ignores the name). The
 * name is drizzle's hash of the SQL text and parameter types, so each shape of a query is parsed
 * once per connection, and after five executions PostgreSQL may keep one generic plan for it instead
 * of planning every request (`plan_cache_mode = auto`). Only for statements whose generic plan is as
 * good for every parameter: not for a filter on actors, whose best plan depends on the actor (a
 * generic plan for a hub took seconds: docs/performance.md).
 */
export const runNamed = <Result>(query: { prepare(): { execute(): Promise<Result> } }): Promise<Result> =>
  query.prepare().execute();

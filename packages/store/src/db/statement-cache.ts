/**
 * Reuses prepared statements. drizzle prepares a new better-sqlite3 statement for every query it
 * runs, and preparing (parsing and planning the SQL) cost more than running the small indexed
 * queries a GraphQL request makes. The same query shape always produces the same SQL text, so
 * statements are cached by their text, the least recently used dropped past `capacity`.
 * better-sqlite3 has no cache of its own; this wraps `prepare` on one connection.
 */
import type Database from 'better-sqlite3';

export function cacheStatements(connection: Database.Database, capacity = 500): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Database.Statement>();
  connection.prepare = ((source: string) => {
    const cached = cache.get(source);
    // A statement still being iterated cannot run again; such callers get a fresh one.
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      // Modes set by a previous caller stick to the statement; start every caller from the defaults.
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof connection.prepare;
}

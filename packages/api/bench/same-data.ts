/**
 * The benchmark's correctness check: before anything is timed, every query must return the same
 * data from all three servers. Responses are compared as parsed JSON (so key order does not
 * matter) with floats rounded to 9 significant digits (SQLite's JSON prints 15 digits, JavaScript
 * up to 17).
 */
import { isDeepStrictEqual } from 'node:util';
import type { BenchQuery } from './queries.ts';

export type Answer = (query: BenchQuery) => Promise<string>;

export interface Mismatch {
  query: string;
  server: string;
  detail: string;
}

const normalise = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value)
    ? Number(value.toPrecision(9))
    : Array.isArray(value)
      ? value.map(normalise)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalise(item)]))
        : value;

/** The first place two JSON values differ, as a path and the two values. */
function firstDifference(expected: unknown, actual: unknown, path = '$'): string {
  if (isDeepStrictEqual(expected, actual)) return '';
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      const found = firstDifference(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
  }
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 200);
  return `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

/**
 * Sends every query to every server and compares each answer with the first server's. A response
 * with `errors`, or without data, is a mismatch too. Returns the response sizes of the first server.
 */
export async function checkSameData(
  queries: readonly BenchQuery[],
  servers: Record<string, Answer>,
): Promise<{ mismatches: Mismatch[]; bytes: Map<string, Record<string, number>> }> {
  const mismatches: Mismatch[] = [];
  const bytes = new Map<string, Record<string, number>>();
  const [reference, ...others] = Object.keys(servers);
  for (const query of queries) {
    const texts = Object.fromEntries(
      await Promise.all(Object.entries(servers).map(async ([name, answer]) => [name, await answer(query)] as const)),
    );
    bytes.set(
      query.name,
      Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, Buffer.byteLength(text)])),
    );
    const parsed = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, normalise(JSON.parse(text))]));
    for (const [name, body] of Object.entries(parsed)) {
      const { data, errors } = body as { data?: unknown; errors?: unknown };
      if (errors || data == null)
        mismatches.push({ query: query.name, server: name, detail: `answered ${JSON.stringify(body).slice(0, 300)}` });
    }
    // The data must match; `extensions` (our per-response cost) is metadata the baselines do not compute.
    const dataOf = (name: string) => (parsed[name] as { data?: unknown }).data;
    for (const name of others) {
      const detail = firstDifference(dataOf(reference!), dataOf(name));
      if (detail) mismatches.push({ query: query.name, server: name, detail: `differs from ${reference}: ${detail}` });
    }
  }
  return { mismatches, bytes };
}

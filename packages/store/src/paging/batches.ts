/**
 * Rows read a batch at a time, the same on both databases: how many an export reads per batch, and
 * a batch's related rows grouped by the row they belong to.
 */

/** Rows per batch of an export: one batch is what an export holds in memory at a time. */
export const EXPORT_BATCH_SIZE = 500;

/** Groups rows by a key, keeping each group in the order the rows came in. */
export function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const value = key(row);
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

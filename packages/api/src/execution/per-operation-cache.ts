/**
 * Work done once per parsed document and operation name: Yoga keeps one parsed document per query
 * text (and per server, so per schema), so a value kept against the document lives as long as Yoga's
 * parse cache keeps the text. Only values `keep` accepts are stored, so operation names a document
 * does not hold (anyone can send any number of them) are worked out again each time rather than
 * filling the cache.
 */
import type { DocumentNode, ExecutionArgs } from 'graphql';

export function perOperation<T>(
  compute: (args: ExecutionArgs) => T,
  keep: (value: T) => boolean,
): (args: ExecutionArgs) => T {
  const byDocument = new WeakMap<DocumentNode, Map<string, T>>();
  return (args) => {
    let byName = byDocument.get(args.document);
    if (!byName) {
      byName = new Map();
      byDocument.set(args.document, byName);
    }
    const key = args.operationName ?? '';
    const known = byName.get(key);
    if (known !== undefined) return known;
    const value = compute(args);
    if (keep(value)) byName.set(key, value);
    return value;
  };
}

/**
 * Writes a record's new value over the YAML node it was parsed from, changing only what differs:
 * fields and list items that are equal keep their nodes, so their comments and styles survive and
 * the diff of an edited record shows the edit, not a reformatted record.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Node, Pair, Scalar, type YAMLMap } from 'yaml';
import { BLOCK_ITEM_KEYS, isDefault, styledNode } from './seed-style.ts';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Leaves out what the seed format treats as absent (null, defaults, empty lists). */
const comparable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(comparable)
    : isFields(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key, field]) => !isDefault(key, field))
            .map(([key, field]) => [key, comparable(field)]),
        )
      : value;

/** Equal as seed data: a field that is null, absent or at its default reads the same either way. */
export const sameData = (a: unknown, b: unknown) => isDeepStrictEqual(comparable(a), comparable(b));

/**
 * `after` written over `node`, whose value as the seed format reads it is `before` (undefined when
 * it did not parse). `key` is the field the node is the value of; `block` as in styledNode.
 */
export function mergeNode<N extends Node | null>(
  node: N,
  before: unknown,
  after: unknown,
  key?: string,
  block = false,
): N | Node {
  if (sameData(before, after)) return node;
  if (isMap(node) && isFields(before) && isFields(after)) {
    mergeFields(node, before, after);
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && before.length === node.items.length) {
    const itemBlock = BLOCK_ITEM_KEYS.has(key ?? '');
    node.items = after.map((item, index) =>
      index < before.length
        ? mergeNode(node.items[index] as Node | null, before[index], item, undefined, itemBlock)
        : styledNode(item, undefined, itemBlock),
    );
    return node;
  }
  const replacement = styledNode(after, key, block);
  replacement.commentBefore = node?.commentBefore;
  replacement.comment = node?.comment;
  return replacement;
}

const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);

function mergeFields(node: YAMLMap, before: Fields, after: Fields) {
  node.items = node.items.filter((pair) => {
    const key = keyOf(pair);
    return !isDefault(key, after[key]) || sameData(before[key], after[key]);
  });
  for (const pair of node.items) {
    const key = keyOf(pair);
    pair.value = mergeNode(pair.value as Node | null, before[key], after[key], key);
  }
  // A new field goes after the fields that precede it in the record's own order.
  let position = 0;
  for (const [key, value] of Object.entries(after)) {
    const index = node.items.findIndex((pair) => keyOf(pair) === key);
    if (index >= 0) position = index + 1;
    else if (!isDefault(key, value))
      node.items.splice(position++, 0, new Pair(new Scalar(key), styledNode(value, key)));
  }
}

import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

/** SHA-256 of a value's JSON: the seed hash of a record, or the fingerprint of a request. */
export const jsonHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Equal as stored: absent and undefined fields alike, key order ignored. */
export const sameRecord = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

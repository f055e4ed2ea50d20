/**
 * What an API key is, whichever database keeps it: shown once as `blt_<random>`, stored only as its
 * SHA-256, so the database alone never yields a usable key.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { KeyScope } from './curation-terms.ts';

export const KEY_PREFIX = 'blt_';

export interface ApiKey {
  id: number;
  label: string;
  scope: KeyScope;
  createdAt: string;
  revokedAt: string | null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new secret: the prefix and 32 random bytes. */
export const newSecret = () => KEY_PREFIX + randomBytes(32).toString('base64url');

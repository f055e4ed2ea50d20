/**
 * API keys. A key is shown once, when it is created, as `blt_<random>`; the store keeps only its
 * SHA-256, so the database alone never yields a usable key. Scopes nest: `admin` can do what
 * `write` can, and `write` what `read` can.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Store } from '../db/client.ts';
import { apiKeys } from '../db/schema.ts';
import { guardStorage } from '../db/storage-error.ts';
import { type ApiKey, hashSecret, KEY_PREFIX, newSecret } from '../vocabulary/api-key-secrets.ts';
import type { KeyScope } from '../vocabulary/curation-terms.ts';

export type { ApiKey } from '../vocabulary/api-key-secrets.ts';

/** Creates a key and returns it with its secret, which is never stored and cannot be shown again. */
export function createApiKey(store: Store, scope: KeyScope, label: string): { key: ApiKey; secret: string } {
  const secret = newSecret();
  const row = guardStorage(store, () =>
    store
      .insert(apiKeys)
      .values({ label, scope, secretHash: hashSecret(secret), createdAt: new Date().toISOString() })
      .returning()
      .get(),
  );
  return { key: toApiKey(row), secret };
}

/** Revokes a key; returns false when no unrevoked key has that ID. */
export function revokeApiKey(store: Store, id: number): boolean {
  const revoked = guardStorage(store, () =>
    store
      .update(apiKeys)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id })
      .all(),
  );
  return revoked.length > 0;
}

export function listApiKeys(store: Store): ApiKey[] {
  return store.select().from(apiKeys).orderBy(apiKeys.id).all().map(toApiKey);
}

/** The live key a secret belongs to, or null for an unknown, malformed or revoked secret. */
export function authenticateApiKey(store: Store, secret: string): ApiKey | null {
  if (!secret.startsWith(KEY_PREFIX)) return null;
  const row = store
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashSecret(secret)), isNull(apiKeys.revokedAt)))
    .get();
  return row ? toApiKey(row) : null;
}

function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    label: row.label,
    scope: row.scope,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}

/**
 * API keys on PostgreSQL, as `curation/keys.ts` keeps them on SQLite: only the SHA-256 of a secret
 * is stored, and a key is shown once, when it is created.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { PostgresDatabase } from '../postgres/client.ts';
import { apiKeys } from '../postgres/schema.ts';
import { guardPostgres } from '../postgres/storage-error.ts';
import { type ApiKey, hashSecret, KEY_PREFIX, newSecret } from '../vocabulary/api-key-secrets.ts';
import type { KeyScope } from '../vocabulary/curation-terms.ts';

const toApiKey = (row: typeof apiKeys.$inferSelect): ApiKey => ({
  id: row.id,
  label: row.label,
  scope: row.scope,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

export async function createApiKey(db: PostgresDatabase, scope: KeyScope, label: string) {
  const secret = newSecret();
  const [row] = await guardPostgres(() =>
    db
      .insert(apiKeys)
      .values({ label, scope, secretHash: hashSecret(secret), createdAt: new Date().toISOString() })
      .returning(),
  );
  return { key: toApiKey(row!), secret };
}

/** False when no unrevoked key has that ID. */
export async function revokeApiKey(db: PostgresDatabase, id: number): Promise<boolean> {
  const revoked = await guardPostgres(() =>
    db
      .update(apiKeys)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id }),
  );
  return revoked.length > 0;
}

export async function listApiKeys(db: PostgresDatabase): Promise<ApiKey[]> {
  return (await db.select().from(apiKeys).orderBy(apiKeys.id)).map(toApiKey);
}

/** The live key a secret belongs to, or null for an unknown, malformed or revoked secret. */
export async function authenticateApiKey(db: PostgresDatabase, secret: string): Promise<ApiKey | null> {
  if (!secret.startsWith(KEY_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashSecret(secret)), isNull(apiKeys.revokedAt)));
  return row ? toApiKey(row) : null;
}

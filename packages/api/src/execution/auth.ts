/**
 * Who is calling. Reads are public; writes need an API key sent as `Authorization: Bearer <key>`.
 * A denied write is reported to the audit log with the reason and the key's ID when one was
 * recognised, never with the key itself.
 */
import { type ApiKey, type BilateralStore, type KeyScope, scopeAllows } from '@bilateral/store';
import { userError } from '../errors.ts';

export interface Caller {
  /** The key the request carried, when it is a live key. */
  readonly key: ApiKey | null;
  /** Why the credentials were refused, when the request carried some that are not a live key. */
  readonly refused: string | null;
}

export interface DeniedWrite {
  operation: string;
  reason: 'no_key' | 'invalid_key' | 'insufficient_scope';
  keyId: number | null;
}

export type AuditLog = (entry: DeniedWrite) => void;

export const consoleAuditLog: AuditLog = (entry) =>
  console.warn(JSON.stringify({ at: new Date().toISOString(), event: 'write_denied', ...entry }));

const ANONYMOUS: Caller = { key: null, refused: null };

/** Who sent `request`; only a request with credentials waits on the store. */
export function callerOf(store: BilateralStore, request: Request | undefined): Caller | Promise<Caller> {
  const header = request?.headers.get('authorization');
  return header ? callerWithCredentials(store, header) : ANONYMOUS;
}

async function callerWithCredentials(store: BilateralStore, header: string): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return { key: null, refused: 'The Authorization header must be "Bearer <API key>".' };
  const key = await store.authenticateApiKey(match[1]!);
  return key
    ? { key, refused: null }
    : { key: null, refused: 'The API key is not valid: it is unknown or was revoked.' };
}

/** The caller's key if it holds `scope`; otherwise UNAUTHENTICATED or FORBIDDEN, logged. */
export function requireScope(caller: Caller, scope: KeyScope, operation: string, audit: AuditLog): ApiKey {
  if (!caller.key) {
    audit({ operation, reason: caller.refused ? 'invalid_key' : 'no_key', keyId: null });
    throw userError(
      'UNAUTHENTICATED',
      caller.refused ??
        `${operation} changes data and needs an API key with the "${scope}" scope, sent as "Authorization: Bearer <key>". Ask an admin to create one with \`bilateral keys create --scope ${scope}\`.`,
    );
  }
  if (!scopeAllows(caller.key.scope, scope)) {
    audit({ operation, reason: 'insufficient_scope', keyId: caller.key.id });
    throw userError(
      'FORBIDDEN',
      `${operation} needs a key with the "${scope}" scope; this key has only "${caller.key.scope}".`,
    );
  }
  return caller.key;
}

/**
 * PostgreSQL's storage faults as StorageError, with the same four codes SQLite's map to: a full disk,
 * a read-only server, a lock or statement timeout or a conflict with another writer, and a lost or
 * refused connection. The fault is told by its SQLSTATE (the server's error code, which node-postgres
 * and PGlite both put in `code`) or, for a connection that never got that far, by the socket's errno.
 * Anything else (a bug, a constraint) is not a storage fault and passes through unchanged.
 */
import { causes, StorageError, type StorageErrorCode } from '../errors/storage-error.ts';

interface Mapping {
  code: StorageErrorCode;
  /** For the caller, when the code's usual message (written for SQLite's file) would mislead. */
  message?: string;
  /** For the operator's log. */
  remedy: string;
}

const SAME_KEY = 'Nothing was written; a retry with the same idempotency key is safe.';

const LOCK_WAIT: Mapping = {
  code: 'BUSY',
  remedy:
    'a statement waited for a lock past lock_timeout: look for a long transaction holding locks (pg_stat_activity, pg_locks)',
};
const CONFLICT: Mapping = {
  code: 'BUSY',
  message: `The write met another write to the same records and was rolled back. ${SAME_KEY} Retry in a moment.`,
  remedy: 'two transactions conflicted (a deadlock or a serialization failure) and PostgreSQL rolled one back',
};
const UNREACHABLE: Mapping = {
  code: 'STORAGE_UNAVAILABLE',
  message:
    'The database could not be reached, so the write was not acknowledged. Retry later with the same idempotency key: the change is applied once, whatever the failed attempt left.',
  remedy:
    'the connection to PostgreSQL was refused, lost or shut down (a restart, a failover, the network): check that the server is up and reachable at DATABASE_URL',
};

/** By SQLSTATE (PostgreSQL's appendix "Error Codes"); class 08 (connection exceptions) is matched below. */
const SQLSTATES: Record<string, Mapping> = {
  '53100': {
    code: 'STORAGE_FULL',
    remedy: "free space on the PostgreSQL server's data or WAL volume (disk_full); writes resume without a restart",
  },
  '25006': {
    code: 'STORAGE_READ_ONLY',
    message:
      'The database accepts no writes here (a read-only standby or read-only transactions), so nothing was written. Retrying will not help; send writes to the writable server.',
    remedy:
      'PostgreSQL refused a write in a read-only transaction: the server is a hot standby, or default_transaction_read_only is on; point DATABASE_URL at the primary',
  },
  '55P03': LOCK_WAIT,
  '57014': {
    code: 'BUSY',
    message: `The database took longer than the server waits for one statement. ${SAME_KEY} Retry in a moment.`,
    remedy:
      'a statement ran past statement_timeout (or was cancelled): look for load on the server or a lock it waited on',
  },
  '40001': CONFLICT,
  '40P01': CONFLICT,
  '57P01': UNREACHABLE, // admin_shutdown
  '57P02': UNREACHABLE, // crash_shutdown
  '57P03': UNREACHABLE, // cannot_connect_now (starting up, or in recovery)
  '53300': UNREACHABLE, // too_many_connections
  '58030': {
    code: 'STORAGE_UNAVAILABLE',
    remedy: "the PostgreSQL server's disk reported an I/O error; check its logs and disk",
  },
};

/** A socket that never reached the server, or lost it. */
const ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// node-postgres reports a connection that ends under a query, or a query sent on a connection
// that has ended (the rest of a transaction whose connection the server dropped), with an Error
// that has no code.
const TERMINATED =
  /^Connection terminated|^Client (has encountered a connection error|was closed) and is not queryable/;

function mappingOf(candidate: unknown): { mapping: Mapping; state: string } | undefined {
  const raw = (candidate as { code?: unknown }).code;
  if (typeof raw === 'string') {
    if (ERRNOS.has(raw)) return { mapping: UNREACHABLE, state: raw };
    const mapping = SQLSTATES[raw] ?? (/^08[0-9A-Z]{3}$/.test(raw) ? UNREACHABLE : undefined);
    if (mapping) return { mapping, state: raw };
  }
  if (candidate instanceof Error && TERMINATED.test(candidate.message))
    return { mapping: UNREACHABLE, state: 'connection terminated' };
  return undefined;
}

/** The storage fault behind `error`, if there is one, as a StorageError; undefined for any other error. */
export function toPostgresStorageError(error: unknown): StorageError | undefined {
  for (const candidate of causes(error)) {
    if (candidate instanceof StorageError) return candidate;
    const found = mappingOf(candidate);
    if (!found) continue;
    const { mapping, state } = found;
    return new StorageError(mapping.code, `PostgreSQL ${state}: ${(candidate as Error).message}`, {
      cause: candidate,
      remedy: mapping.remedy,
      ...(mapping.message ? { message: mapping.message } : {}),
    });
  }
  return undefined;
}

/** Runs `work` against PostgreSQL, turning a storage fault into a StorageError. */
export async function guardPostgres<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toPostgresStorageError(error) ?? error;
  }
}

/**
 * Storage faults as part of the error contract: the four codes callers and operators see, whatever
 * database reported the fault. Each database maps its own codes onto them in one place:
 * `db/storage-error.ts` for SQLite and the file system, `postgres/storage-error.ts` for PostgreSQL.
 */
export const STORAGE_ERROR_CODES = ['STORAGE_FULL', 'STORAGE_READ_ONLY', 'STORAGE_UNAVAILABLE', 'BUSY'] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

interface Contract {
  /** True when sending the same request again later can succeed: the fault passes (a lock) or is one an operator fixes while the server runs (space). */
  retryable: boolean;
  /** Seconds a client should wait before retrying, sent as `Retry-After`; absent when retrying does not help. */
  retryAfterSeconds?: number;
  /** For the caller: what happened and what to do, without paths or SQLite detail. */
  message: string;
  /** For the operator's log: what to do about it. */
  remedy: string;
}

const SAME_KEY = 'Nothing was written; a retry with the same idempotency key is safe.';

const CONTRACTS: Record<StorageErrorCode, Contract> = {
  STORAGE_FULL: {
    retryable: true,
    retryAfterSeconds: 60,
    message: `The server's disk is full. ${SAME_KEY} Retry later: writes resume once the operator frees space.`,
    remedy: 'free space on the volume that holds the database; writes resume without a restart',
  },
  STORAGE_READ_ONLY: {
    retryable: false,
    message:
      'The database cannot be written here (its file or file system is read-only), so nothing was written. Retrying will not help until an operator makes it writable; send writes to a writable server.',
    remedy:
      'the database file, its directory or its file system does not accept writes (permissions, a read-only mount, or ext4 remounted read-only after a disk error: check dmesg)',
  },
  STORAGE_UNAVAILABLE: {
    retryable: true,
    retryAfterSeconds: 30,
    // An fsync that fails after the WAL frames were written can leave the commit on disk; the
    // idempotency key, stored in the same transaction, makes the retry return it instead of writing twice.
    message:
      "The server's storage failed, so the write was not acknowledged. Retry later with the same idempotency key: the change is applied once, whatever the failed attempt left.",
    remedy: 'the disk or file system reported an I/O error or the file could not be opened; check dmesg and the disk',
  },
  BUSY: {
    retryable: true,
    retryAfterSeconds: 1,
    message: `The database was locked by another writer for longer than the server waits. ${SAME_KEY} Retry in a moment.`,
    remedy:
      'another connection held the write lock past the busy timeout: look for a long bilateral command (restore) or another process writing the same file',
  },
};

/** The caller's message in read-only mode, where refusing writes is the design, not a fault. */
export const READ_ONLY_MODE_MESSAGE =
  'This server serves the database read-only, so nothing was written. Send writes to the writable server.';

/** A storage fault with its code. `message` is for the caller; `detail` (SQLite's own words, the file) is for the operator's log. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  /** For the operator's log: what to do about it (the code's usual remedy unless the database knows better). */
  readonly remedy: string;

  constructor(
    readonly code: StorageErrorCode,
    /** What happened at the storage level and what the operator should do, on one line. */
    readonly detail: string,
    options: {
      message?: string;
      remedy?: string;
      cause?: unknown;
      /** Makes a fault the code's contract calls lasting retryable after these seconds (a standby being promoted). */
      retryAfterSeconds?: number;
    } = {},
  ) {
    const contract = CONTRACTS[code];
    super(options.message ?? contract.message, { cause: options.cause });
    this.retryable = options.retryAfterSeconds !== undefined || contract.retryable;
    this.retryAfterSeconds = options.retryAfterSeconds ?? contract.retryAfterSeconds;
    this.remedy = options.remedy ?? contract.remedy;
  }

  /** One log line for the operator: code, cause and remedy, never a stack. */
  logLine(): string {
    return `storage error ${this.code} (retryable: ${this.retryable}): ${this.detail}; ${this.remedy}`;
  }
}

/** Errors are wrapped on their way up (drizzle's DrizzleQueryError, GraphQL's originalError); the fault is at the bottom. */
export function* causes(error: unknown): Generator<unknown> {
  for (let current = error, depth = 0; current != null && depth < 8; depth++) {
    yield current;
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
}

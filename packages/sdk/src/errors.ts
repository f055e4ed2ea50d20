import type { ErrorCode } from './generated/graphql.ts';

/**
 * A `BilateralError`'s code: one of the server's codes (the schema's `ErrorCode` enum), or one the
 * client sets itself, NETWORK_ERROR (the server could not be reached) or HTTP_ERROR (it answered
 * without a GraphQL response). A newer server may send a code this version does not list: keep a
 * `default` branch in a `switch`.
 */
export type BilateralErrorCode = ErrorCode | 'NETWORK_ERROR' | 'HTTP_ERROR';

/** One error as the Bilateral API reports it. `code` is always set by the server. */
export interface BilateralGraphQLError {
  message: string;
  path?: (string | number)[] | undefined;
  extensions?:
    | {
        code?: BilateralErrorCode | undefined;
        argument?: string | undefined;
        retryable?: boolean | undefined;
        [key: string]: unknown;
      }
    | undefined;
}

/**
 * Thrown by every client method when the request fails: a GraphQL error (with the server's
 * codes, such as NOT_FOUND or BAD_USER_INPUT), an HTTP error (HTTP_ERROR), or a network failure
 * (NETWORK_ERROR).
 */
export class BilateralError extends Error {
  override readonly name = 'BilateralError';
  /** The first error's code, for the common single-error case. */
  readonly code: BilateralErrorCode;
  /** Every error's code, in order. */
  readonly codes: BilateralErrorCode[];
  /**
   * True when the server said sending the same request again later can succeed: storage faults
   * such as BUSY, STORAGE_FULL and STORAGE_UNAVAILABLE (`extensions.retryable`). Nothing was
   * written; retry a write with the same `idempotencyKey`, after `retryAfterSeconds` if given.
   */
  readonly retryable: boolean;
  /** The server's `Retry-After`, in seconds, when it sent one. */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    readonly errors: BilateralGraphQLError[],
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.codes = errors.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    this.code = this.codes[0] ?? 'INTERNAL_SERVER_ERROR';
    this.retryable = errors.length > 0 && errors.every((error) => error.extensions?.retryable === true);
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** One error as the Bilateral API reports it. `code` is always set by the server. */
export interface BilateralGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; argument?: string; retryable?: boolean; [key: string]: unknown };
}

/**
 * Thrown by every client method when the request fails: a GraphQL error (with the server's
 * codes, such as NOT_FOUND or BAD_USER_INPUT), an HTTP error, or a network failure
 * (code NETWORK_ERROR).
 */
export class BilateralError extends Error {
  override readonly name = 'BilateralError';
  /** The first error's code, for the common single-error case. */
  readonly code: string;
  /** Every error's code, in order. */
  readonly codes: string[];
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
    this.codes = errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
    this.code = this.codes[0] ?? 'UNKNOWN';
    this.retryable = errors.length > 0 && errors.every((error) => error.extensions?.retryable === true);
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

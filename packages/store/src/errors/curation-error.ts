/** Problems a caller can fix by changing the input, reported together rather than one at a time. */
export const USER_ERROR_CODES = ['INVALID', 'NOT_FOUND', 'TAKEN', 'STALE_VERSION', 'IDEMPOTENCY_KEY_REUSED'] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export interface UserError {
  /** Dotted path of the input field at fault, such as `participants[1].actor`; empty for the input as a whole. */
  readonly field: string;
  readonly message: string;
  readonly code: UserErrorCode;
}

/** Thrown inside a write's transaction to roll it back and report the user errors instead. */
export class CurationError extends Error {
  override readonly name = 'CurationError';
  constructor(readonly userErrors: readonly UserError[]) {
    super(userErrors.map((error) => `${error.field || 'input'}: ${error.message}`).join('; '));
  }
}

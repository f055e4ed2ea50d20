import { ERROR_CODES } from '../errors.ts';
import { vocabularyEnum } from './vocabulary.ts';

/**
 * The codes in `extensions.code` of an error, as an enum so clients can type them (the SDK's
 * `BilateralError.code` is this union). No field returns it; it documents the error contract.
 */
export const ErrorCodeEnum = vocabularyEnum(
  'ErrorCode',
  "Every value an error's `extensions.code` can take, with what it means and what to do about it. Errors in a mutation's input come back as `userErrors` instead (see `UserErrorCode`).",
  ERROR_CODES,
);

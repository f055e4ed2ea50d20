/** The user errors of a write live with the other error types both databases raise (`errors/curation-error.ts`). */
export { CurationError, USER_ERROR_CODES, type UserError, type UserErrorCode } from '../errors/curation-error.ts';

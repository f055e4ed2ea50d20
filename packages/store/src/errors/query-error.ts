/**
 * An error in what a caller asked for (not in the store): a page size out of range, a cursor
 * from another query, a date that cannot be read, an unknown slug. The API turns these into
 * GraphQL errors with `extensions.code` set to `code`.
 */
export type QueryErrorCode = 'BAD_USER_INPUT' | 'INVALID_CURSOR' | 'INVALID_DATE' | 'NOT_FOUND' | 'INVALID_SEARCH';

export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    /** The argument or input field the error is about, such as `first` or `filter.from`. */
    readonly argument?: string,
  ) {
    super(message);
  }
}

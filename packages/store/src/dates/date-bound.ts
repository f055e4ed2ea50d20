import { QueryError } from '../errors/query-error.ts';
import { FuzzyDateError, parseFuzzyDate } from './fuzzy-date.ts';

/** Parses a filter date, turning a bad one into the caller's INVALID_DATE error naming `argument`. */
export function dateBound(value: string, argument: string) {
  try {
    return parseFuzzyDate(value);
  } catch (error) {
    if (error instanceof FuzzyDateError) throw new QueryError('INVALID_DATE', error.message, argument);
    throw error;
  }
}

/** One thing wrong with the seed files, located precisely enough to fix it without searching. */
export interface SeedProblem {
  /** Path of the file, relative to the repository root. */
  readonly file: string;
  /** The record, as `event "2014-..."`, or `record 3` when it has no readable slug. */
  readonly record: string;
  /** Dotted path of the field inside the record, such as `participants[1].actor`. */
  readonly field: string;
  readonly message: string;
}

export const formatProblem = (problem: SeedProblem) =>
  `${problem.file}: ${problem.record}${problem.field ? `: ${problem.field}` : ''}: ${problem.message}`;

export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';
  constructor(readonly problems: readonly SeedProblem[]) {
    super(
      `The seed files have ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

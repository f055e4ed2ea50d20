/** What kind of thing is wrong, so that a caller (the API's write path) can tell them apart without reading the message. */
export const SEED_PROBLEM_CODES = {
  UNREADABLE: 'The file is not valid YAML, or does not hold a list of records.',
  INVALID: 'A field breaks the seed format or a rule between fields of one record.',
  DUPLICATE: 'A slug, name or list entry that must be unique is used twice.',
  UNKNOWN_REFERENCE: 'The record refers to a source, actor or event that does not exist.',
  DOCUMENT_MISMATCH: 'A citation or coverage manifest does not fit the source document itself.',
  IMPRECISE: "The record breaks the curation standard's precision checks (seeds/README.md).",
} as const;
export type SeedProblemCode = keyof typeof SEED_PROBLEM_CODES;

/** One thing wrong with the seed files, located precisely enough to fix it without searching. */
export interface SeedProblem {
  /** Path of the file, relative to the repository root. */
  readonly file: string;
  /** The record, as `event "2014-..."`, or `record 3` when it has no readable slug. */
  readonly record: string;
  /** Dotted path of the field inside the record, such as `participants[1].actor`. */
  readonly field: string;
  readonly message: string;
  readonly code: SeedProblemCode;
}

/** A breach of the curation standard's precision checks in one field of one record. */
export const imprecision = (
  located: { readonly file: string; readonly label: string },
  field: string,
  message: string,
): SeedProblem => ({ file: located.file, record: located.label, field, message, code: 'IMPRECISE' });

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

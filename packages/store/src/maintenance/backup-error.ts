export type BackupErrorCode =
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'SAME_FILE'
  | 'NOT_SQLITE'
  | 'UNREADABLE'
  | 'CORRUPT'
  | 'NOT_BILATERAL'
  | 'NEWER_SCHEMA';

/** A backup or restore that was refused or failed. The message says what to do in an operator's terms. */
export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

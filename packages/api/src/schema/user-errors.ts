/**
 * The write convention shared by every mutation: the caller needs a key with the `write` scope
 * (else a top-level UNAUTHENTICATED or FORBIDDEN error); anything the caller can fix in the
 * input comes back as `userErrors` in the payload, with nothing written; otherwise the payload
 * holds the changed record as it now stands.
 */
import { CurationError, type Editor, type SavedRecord, type UserError, type UserErrorCode } from '@bilateral/store';
import type { ObjectRef } from '@pothos/core';
import { requireScope } from '../execution/auth.ts';
import type { Context } from '../execution/context.ts';
import { type BuilderTypes, builder } from './builder.ts';
import { vocabularyEnum } from './vocabulary.ts';

const USER_ERROR_MEANINGS: Record<UserErrorCode, string> = {
  INVALID: "The value breaks a rule stated in the field's description (format, length, range, duplicates).",
  NOT_FOUND: 'The value refers to a record that does not exist: check the slug or ID.',
  TAKEN: 'The slug is already used by another record of the same type.',
  STALE_VERSION:
    'Someone changed the record after you read it. Read it again, reapply your change, and send its new `version` as `expectedVersion`.',
  IDEMPOTENCY_KEY_REUSED:
    'The idempotency key was already used for a different request. Use a fresh key for each distinct change.',
};

export const UserErrorCodeEnum = vocabularyEnum(
  'UserErrorCode',
  'Why a mutation rejected its input.',
  USER_ERROR_MEANINGS,
);

export const UserErrorType = builder.objectRef<UserError>('UserError').implement({
  description:
    "A problem with a mutation's input that the caller can fix. When a payload has any, nothing was written.",
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'Path of the input field at fault, such as `participants[1].actor` (inside `input` or `patch`); empty when the input as a whole is at fault.',
    }),
    message: t.exposeString('message', { description: 'What is wrong and how to fix it, in plain words.' }),
    code: t.expose('code', {
      type: UserErrorCodeEnum,
      description: 'Machine-readable kind of problem.',
    }),
  }),
});

export interface Payload<Row> {
  record: Row | null;
  userErrors: readonly UserError[];
  replayed: boolean;
  /** True when this request wrote something: not rejected, not a replay, not a change that left the record as it was. */
  changed: boolean;
}

/** A mutation payload type: the changed record (null when rejected), its user errors, and whether it was an idempotent replay. */
export function payloadType<Row>(name: string, field: string, ref: ObjectRef<BuilderTypes, Row>, description: string) {
  return builder.objectRef<Payload<Row>>(name).implement({
    description,
    fields: (t) => ({
      [field]: t.expose('record', {
        type: ref,
        nullable: true,
        description: `The ${field} as it stands after the change; null when the input was rejected.`,
      }),
      userErrors: t.expose('userErrors', {
        type: [UserErrorType],
        description: 'Problems with the input. Empty on success; when not empty, nothing was written.',
      }),
      replayed: t.exposeBoolean('replayed', {
        description:
          'True when this answers a retry with an idempotency key already used for the same input: the change was made once, by the first request.',
      }),
    }),
  });
}

/** Runs a write for a caller with the `write` scope and shapes the outcome as a payload. */
export async function runWrite<Row>(
  context: Context,
  operation: string,
  write: (editor: Editor) => Promise<SavedRecord>,
  load: (id: number) => Promise<Row | undefined>,
): Promise<Payload<Row>> {
  const key = requireScope(context.caller, 'write', operation, context.audit);
  try {
    const saved = await write({ keyId: key.id });
    return {
      record: (await load(saved.id)) ?? null,
      userErrors: [],
      replayed: saved.replayed,
      changed: !saved.replayed && saved.unchanged !== true,
    };
  } catch (error) {
    if (error instanceof CurationError)
      return { record: null, userErrors: error.userErrors, replayed: false, changed: false };
    throw error;
  }
}

/**
 * The mutations every record type has, declared once: `create<Type>` and `update<Type>` with
 * their input, patch and payload types, and for types with claims `add<Type>Claim` and
 * `setPreferred<Type>Claim`.
 */
import type { CitationRecord, ClaimRecord, EntityType } from '@bilateral/store';
import type { InputFieldMap, ObjectRef } from '@pothos/core';
import { type BuilderTypes, builder } from './builder.ts';
import { CitationInput, ClaimInput, expectedVersionArg, idempotencyArg, recordIdArg } from './mutation-inputs.ts';
import {
  type CurrentRecord,
  createRecord,
  editRecord,
  patched,
  preferClaim,
  type RecordKind,
  withoutNulls,
} from './record-writes.ts';
import { payloadType } from './user-errors.ts';
import { ClaimFieldEnum } from './vocabulary.ts';

/** The field builder Pothos hands to an input object type's `fields`. */
export type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

const nounOf = (kind: { typename: string }) => kind.typename.toLowerCase();
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Declares `<Type>Input`, `<Type>Patch` and `<Type>Payload`, and the create and update mutations; returns the payload for the type's other mutations. */
export function recordMutations<T extends EntityType, Row>(
  kind: RecordKind<T, Row>,
  types: {
    ref: ObjectRef<BuilderTypes, Row>;
    inputDescription: string;
    /** The kind's input fields, required when creating and optional when patching. */
    fields: (required: boolean) => (t: InputFieldBuilder) => InputFieldMap;
  },
) {
  const { typename } = kind;
  const noun = nounOf(kind);
  const Input = builder.inputType(`${typename}Input`, {
    description: types.inputDescription,
    fields: types.fields(true),
  });
  const Patch = builder.inputType(`${typename}Patch`, {
    description: `Changes to ${withArticle(noun)}. Omitted fields stay as they are; a given list replaces the whole list; null clears an optional field.`,
    fields: types.fields(false),
  });
  const Payload = payloadType(`${typename}Payload`, noun, types.ref, `The outcome of a write to ${withArticle(noun)}.`);
  builder.mutationFields((t) => ({
    [`create${typename}`]: t.field({
      type: Payload,
      description: `Adds ${withArticle(noun)}. Needs a key with the \`write\` scope. The new ${noun} starts at version 1, with a revision recording who created it.`,
      args: {
        input: t.arg({ type: Input, required: true, description: `The ${noun}.` }),
        idempotencyKey: idempotencyArg(t),
      },
      resolve: (_root, args, context) => createRecord(context, kind, `create${typename}`, args),
    }),
    [`update${typename}`]: t.field({
      type: Payload,
      description: `Changes fields of ${withArticle(noun)}. Needs the \`write\` scope. Send \`expectedVersion\` to avoid overwriting someone else's change. A patch that leaves the ${noun} as it was writes nothing: its version stays and no revision is added.`,
      args: {
        id: recordIdArg(t, typename),
        patch: t.arg({ type: Patch, required: true, description: 'The fields to change.' }),
        expectedVersion: expectedVersionArg(t, noun),
        idempotencyKey: idempotencyArg(t),
      },
      resolve: (_root, args, context) =>
        editRecord(context, kind, `update${typename}`, args, (current) => patched(current, args.patch)),
    }),
  }));
  return Payload;
}

type Claimed = { claims: ClaimRecord[] };

/** Declares `add<Type>Claim` and `setPreferred<Type>Claim`. `preferredValue` copies a preferred value into the record's own field. */
export function claimMutations<T extends EntityType, Row>(
  kind: RecordKind<T, Row>,
  Payload: ObjectRef<BuilderTypes, unknown>,
  options: {
    fieldsTakingValue: string;
    preferredValue: (current: CurrentRecord<T>, field: string, value: string) => Partial<CurrentRecord<T>>;
  },
) {
  const { typename } = kind;
  const noun = nounOf(kind);
  const [add, prefer] = [`add${typename}Claim`, `setPreferred${typename}Claim`];
  builder.mutationFields((t) => ({
    [add]: t.field({
      type: Payload,
      description: `Records a value a source gives for a disputed field of ${withArticle(noun)}, beside the values already claimed. Nothing is resolved: the preferred claim stays until \`${prefer}\` changes it. Needs the \`write\` scope.`,
      args: {
        id: recordIdArg(t, typename),
        claim: t.arg({
          type: ClaimInput,
          required: true,
          description: 'The claim. Leave `preferred` false unless the field has no claims yet.',
        }),
        expectedVersion: expectedVersionArg(t, noun),
        idempotencyKey: idempotencyArg(t),
      },
      resolve: (_root, args, context) =>
        editRecord(context, kind, add, args, (current) => ({
          ...current,
          claims: [...(current as Claimed).claims, withoutNulls(args.claim) as ClaimRecord],
        })),
    }),
    [prefer]: t.field({
      type: Payload,
      description: `Makes one claimed value the one the ${noun} shows, with a stated reason; the other claims stay visible. ${options.fieldsTakingValue} Needs the \`write\` scope.`,
      args: {
        id: recordIdArg(t, typename),
        field: t.arg({ type: ClaimFieldEnum, required: true, description: 'The disputed field.' }),
        value: t.arg.string({
          required: true,
          description: 'The claimed value to prefer, exactly as in `Claim.value`.',
        }),
        reason: t.arg.string({
          required: true,
          description: 'Why this value is preferred, in your own words (at most 1000 characters).',
        }),
        expectedVersion: expectedVersionArg(t, noun),
        idempotencyKey: idempotencyArg(t),
      },
      resolve: (_root, args, context) =>
        editRecord(context, kind, prefer, args, (current) => {
          const { field, value } = args;
          const claims = preferClaim(
            (current as Claimed).claims,
            field,
            value,
            args.reason,
            `The ${noun} has no ${field} claim with the value "${value}". Add it with ${add} first.`,
          );
          return { ...current, ...options.preferredValue(current, field, value), claims };
        }),
    }),
  }));
}

/** Declares `add<Type>Citation`: one more passage supporting the record as a whole. */
export function citationMutation<T extends EntityType, Row>(
  kind: RecordKind<T, Row>,
  Payload: ObjectRef<BuilderTypes, unknown>,
) {
  const { typename } = kind;
  const noun = nounOf(kind);
  const name = `add${typename}Citation`;
  builder.mutationFields((t) => ({
    [name]: t.field({
      type: Payload,
      description: `Adds a passage that supports ${withArticle(noun)}. Needs the \`write\` scope.`,
      args: {
        id: recordIdArg(t, typename),
        citation: t.arg({ type: CitationInput, required: true, description: 'The passage.' }),
        expectedVersion: expectedVersionArg(t, noun),
        idempotencyKey: idempotencyArg(t),
      },
      resolve: (_root, args, context) =>
        editRecord(context, kind, name, args, (current) => ({
          ...current,
          citations: [
            ...(current as { citations: CitationRecord[] }).citations,
            withoutNulls(args.citation) as CitationRecord,
          ],
        })),
    }),
  }));
}

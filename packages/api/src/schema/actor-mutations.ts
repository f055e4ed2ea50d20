/**
 * Writes to actors: create and update, and mergeActors, which folds a duplicate actor into
 * another and moves every reference to it (the store's mergeActors does it in one transaction).
 */
import type { ActorRow } from '@bilateral/store';
import { builder } from './builder.ts';
import { decodeId } from './lookup.ts';
import {
  CitationInput,
  DATE_RULES,
  expectedVersionArg,
  idempotencyArg,
  MULTILINE_TEXT_RULES,
  SLUG_RULES,
  TEXT_RULES,
} from './mutation-inputs.ts';
import { citationMutation, type InputFieldBuilder, recordMutations } from './record-mutation-fields.ts';
import { idempotencyOf, type RecordKind } from './record-writes.ts';
import { ActorRef } from './refs.ts';
import { runWrite } from './user-errors.ts';
import { ActorKindEnum, AliasKindEnum } from './vocabulary.ts';

const AliasInput = builder.inputType('AliasInput', {
  description: 'Another name sources use for the actor. A name or alias leads to one actor only.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: `The name as written, at most 200 characters. No other actor may have it as name or alias (ignoring case and accents). ${TEXT_RULES}`,
    }),
    kind: t.field({ type: AliasKindEnum, required: true, description: 'Why the name differs from the canonical one.' }),
    outsideReason: t.string({
      description: `Only for a name no source document uses: why it is added anyway, at most 500 characters. ${MULTILINE_TEXT_RULES}`,
    }),
  }),
});

const OfficeInput = builder.inputType('OfficeInput', {
  description: 'A post the actor held, as the sources state it.',
  fields: (t) => ({
    title: t.string({
      required: true,
      description: `The post, such as "Prime Minister", at most 200 characters. ${TEXT_RULES}`,
    }),
    organization: t.string({
      description: 'Slug of the state or organisation the post belongs to, such as "pakistan". Must exist.',
    }),
    from: t.string({ description: `When the holder took the post, ${DATE_RULES}` }),
    to: t.string({ description: 'When the holder left the post, in the same form as `from`; not before `from`.' }),
    citations: t.field({ type: [CitationInput], description: 'Passages that state the office.' }),
  }),
});

const actorInputFields = (required: boolean) => (t: InputFieldBuilder) => ({
  slug: t.string({
    required,
    description: `Stable key: ${SLUG_RULES}, such as "vladimir-putin". Unique among actors.`,
  }),
  name: t.string({
    required,
    description: `Canonical name, at most 200 characters. No other actor may have it as name or alias (ignoring case and accents). ${TEXT_RULES}`,
  }),
  kind: t.field({ type: ActorKindEnum, required, description: 'What kind of actor this is.' }),
  country: t.string({
    description:
      'Slug of the state a person, body, force or company belongs to. Must exist. Null clears it when patching.',
  }),
  predecessor: t.string({
    description:
      'Slug of the state this one succeeded, such as "soviet-union". Must exist and differ from this actor. Null clears it when patching.',
  }),
  aliases: t.field({
    type: [AliasInput],
    description:
      'Other names sources use, none twice (ignoring case and accents). Replaces all aliases when given in a patch.',
  }),
  offices: t.field({
    type: [OfficeInput],
    description: 'Posts the actor held. Replaces all offices when given in a patch.',
  }),
  citations: t.field({
    type: [CitationInput],
    description: 'Passages that state facts about the actor itself. Replaces all its citations when given in a patch.',
  }),
});

const actorKind: RecordKind<'actor', ActorRow> = {
  type: 'actor',
  typename: 'Actor',
  load: async (context, id) => (await context.store.actorsByIds([id]))[0],
};

const ActorPayload = recordMutations(actorKind, {
  ref: ActorRef,
  inputDescription: 'A new actor: a state, person, body, force, company or organisation.',
  fields: actorInputFields,
});
citationMutation(actorKind, ActorPayload);

builder.mutationFields((t) => ({
  mergeActors: t.field({
    type: ActorPayload,
    description:
      "Folds a duplicate actor into another: the `from` actor's name and aliases become aliases of `into`, its offices and citations move to `into`, and every reference to it moves to `into` " +
      "(event participants and participant claims, figures, other actors' country, predecessor and office organisation; duplicates that result are dropped). Then `from` is removed. " +
      'Every record that changed gets a MERGE revision and a new version, so the change feed shows them all. All or nothing: on a user error nothing is written. Needs the `write` scope. Returns `into`.',
    args: {
      from: t.arg.id({ required: true, description: 'Global ID of the actor that disappears.' }),
      into: t.arg.id({ required: true, description: 'Global ID of the actor that remains. Must differ from `from`.' }),
      reason: t.arg.string({
        description: `Why the two are one actor, kept in every revision the merge writes (at most 1000 characters). ${MULTILINE_TEXT_RULES}`,
      }),
      expectedVersion: expectedVersionArg(t, '`into` actor'),
      idempotencyKey: idempotencyArg(t),
    },
    resolve: (_root, args, context) => {
      const { expectedVersion, idempotencyKey } = args as {
        expectedVersion?: number | null;
        idempotencyKey?: string | null;
      };
      return runWrite(
        context,
        'mergeActors',
        async (editor) => {
          const [from, into] = [decodeId('Actor', args.from, 'from'), decodeId('Actor', args.into, 'into')];
          const merged = await context.store.mergeActors(
            {
              from,
              into,
              expectedVersion,
              reason: args.reason ?? undefined,
              idempotency: idempotencyOf('mergeActors', { idempotencyKey }, args),
            },
            editor,
          );
          return merged;
        },
        (id) => actorKind.load(context, id),
      );
    },
  }),
}));

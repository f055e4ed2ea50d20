import { type AliasRow, MAX_PAGE_SIZE } from '@bilateral/store';
import { builder } from './builder.ts';
import { toConnection, totalCountField } from './connections.ts';
import { EventConnection, eventListArgs, toEventOrder } from './event.ts';
import { lookupKey, notFound } from './lookup.ts';
import { ActorRef, CitationRef, EventRef, loadNodes, OfficeRef } from './refs.ts';
import { SEARCH_SYNTAX } from './search-syntax.ts';
import { ActorKindEnum, AliasKindEnum } from './vocabulary.ts';

const OUTSIDE_REASON =
  'Null for a name a source document uses. Otherwise no document uses it, and this is why the curators added it ' +
  '(for example, the common English name of a body the documents name only in another form).';

builder.node(ActorRef, {
  description:
    'A party to events: a state, a person, a government body, an armed force, a company, an alliance or an international organisation. ' +
    'A state and the state it succeeded (the Soviet Union and Russia) are separate actors linked by `predecessor` and `successors`.',
  id: { resolve: (actor) => actor.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.actor, ids),
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: 'Stable, human-readable key, such as `russia` or `vladimir-putin`. Use it in filters and URLs.',
    }),
    name: t.exposeString('name', { description: 'Canonical name.' }),
    kind: t.expose('kind', {
      type: ActorKindEnum,
      description: 'What kind of actor this is.',
    }),
    aliases: t.field({
      type: [AliasType],
      description:
        'Other names sources use for the actor: spelling variants, abbreviations, misspellings and metonyms such as a capital standing for its state.',
      resolve: (actor, _args, { loaders }) => loaders.aliases.load(actor.id),
    }),
    country: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The state a person, body, force or company belongs to.',
      resolve: (actor, _args, { loaders }) => (actor.countryId ? loaders.actor.load(actor.countryId) : null),
    }),
    predecessor: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The state this one succeeded, such as the Soviet Union for Russia.',
      resolve: (actor, _args, { loaders }) => (actor.predecessorId ? loaders.actor.load(actor.predecessorId) : null),
    }),
    successors: t.field({
      type: [ActorRef],
      description: 'States that succeeded this one.',
      resolve: (actor, _args, { loaders }) => loaders.successors.load(actor.id),
    }),
    offices: t.field({
      type: [OfficeRef],
      description: 'Posts this person held, as the sources state them.',
      resolve: (actor, _args, { loaders }) => loaders.offices.load(actor.id),
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'Passages that state facts about the actor itself (not its events).',
      resolve: (actor, _args, { loaders }) => loaders.actorCitations.load(actor.id),
    }),
    eventCount: t.int({
      description: 'Number of events the actor took part in.',
      resolve: (actor, _args, { loaders }) => loaders.actorEventCounts.load(actor.id),
    }),
    events: t.connection(
      {
        type: EventRef,
        description: `Events the actor took part in, in any role, one page at a time (at most ${MAX_PAGE_SIZE} per page).`,
        args: eventListArgs(),
        resolve: async (actor, args, { loaders }) => {
          const page = await loaders
            .actorEvents({
              order: toEventOrder(args.orderBy),
              page: { first: args.first, after: args.after, last: args.last, before: args.before },
            })
            .load(actor.id);
          return toConnection(page, () => loaders.actorEventCounts.load(actor.id));
        },
      },
      EventConnection,
    ),
  }),
});

const AliasType = builder.objectRef<AliasRow>('Alias').implement({
  description:
    'Another name for an actor: as a source document uses it, or, where `outsideReason` is set, from outside them.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name as written.' }),
    outsideReason: t.exposeString('outsideReason', {
      nullable: true,
      description: OUTSIDE_REASON,
    }),
    kind: t.expose('kind', {
      type: AliasKindEnum,
      description: 'Why the name differs from the canonical one.',
    }),
  }),
});

const ActorFilterInput = builder.inputType('ActorFilter', {
  description: 'Narrows a list of actors. All given conditions must hold.',
  fields: (t) => ({
    text: t.string({
      description: `Words that must each begin a word of the actor's name or one of its aliases: "mos" finds Russia through its alias Moscow. Otherwise read as \`search(query:)\` reads its query. ${SEARCH_SYNTAX}`,
    }),
    kinds: t.field({ type: [ActorKindEnum], description: 'Only actors of any of these kinds.' }),
  }),
});

builder.queryFields((t) => ({
  actors: t.connection(
    {
      type: ActorRef,
      description: `Actors in name order, one page at a time (at most ${MAX_PAGE_SIZE} per page).`,
      args: { filter: t.arg({ type: ActorFilterInput, description: 'Conditions actors must meet.' }) },
      resolve: async (_root, args, { store }) =>
        toConnection(await store.listActors(args.filter, args), () => store.countActors(args.filter)),
    },
    {
      name: 'ActorConnection',
      description: 'A page of actors, with cursors and the total count.',
      fields: totalCountField('Number of actors matching the filter, across all pages.'),
    },
    { name: 'ActorEdge', description: 'An actor on a page, with its cursor.' },
  ),
  actor: t.field({
    type: ActorRef,
    nullable: true,
    description: 'One actor, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error.',
    args: {
      id: t.arg.id({ description: "The actor's global ID." }),
      slug: t.arg.string({ description: "The actor's slug." }),
    },
    resolve: async (_root, args, { store, loaders }) => {
      const key = lookupKey('Actor', args);
      const actor = 'id' in key ? await loaders.actor.load(key.id) : await store.actorBySlug(key.slug);
      if (!actor) throw notFound('Actor', key, args);
      return actor;
    },
  }),
}));

import { MAX_PAGE_SIZE, parseFuzzyDate } from '@bilateral/store';
import { builder } from './builder.ts';
import { ConflictType, conflictsOf } from './claim.ts';
import { toConnection, totalCountField } from './connections.ts';
import { FuzzyDateType } from './fuzzy-date.ts';
import { lookupKey, notFound } from './lookup.ts';
import { ActorRef, CitationRef, ClaimRef, FigureRef, loadNodes } from './refs.ts';

builder.node(FigureRef, {
  description:
    'A number that describes the relationship over a period, such as bilateral trade in a year, with the sources that give it and any disagreement between them.',
  id: { resolve: (figure) => figure.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.figure, ids),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable key, such as `pakistan-russia-trade-2018`.' }),
    label: t.exposeString('label', { description: 'What the figure measures, for display.' }),
    indicator: t.exposeString('indicator', {
      description:
        'Machine name of what is measured, such as `bilateral_trade`; figures with the same indicator form a series.',
    }),
    period: t.field({
      type: FuzzyDateType,
      description: 'The period the figure covers.',
      resolve: (figure) => parseFuzzyDate(figure.periodEdtf),
    }),
    value: t.expose('value', {
      type: 'Decimal',
      description: 'The preferred value, as an exact decimal string in the main unit of `currency` or in `unit`.',
    }),
    currency: t.exposeString('currency', {
      nullable: true,
      description: 'ISO 4217 currency code when the figure is money.',
    }),
    unit: t.exposeString('unit', { nullable: true, description: 'Unit when the figure is not money.' }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the source gives the figure as an estimate.',
    }),
    actors: t.field({
      type: [ActorRef],
      description: 'The actors the figure is between.',
      resolve: async (figure, _args, { loaders }) => {
        const rows = await loaders.figureActors.load(figure.id);
        const actors = await Promise.all(rows.map((row) => loaders.actor.load(row.actorId)));
        // The foreign key keeps every row's actor; the loader's null is only its type for unknown IDs.
        return actors.filter((actor) => actor !== null);
      },
    }),
    citations: t.field({
      type: [CitationRef],
      description: 'Passages that give the figure.',
      resolve: (figure, _args, { loaders }) => loaders.figureCitations.load(figure.id),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Every value sources give for the figure.',
      resolve: (figure, _args, { loaders }) => loaders.figureClaims.load(figure.id),
    }),
    conflicts: t.field({
      type: [ConflictType],
      description: 'Disagreements between sources on the value, with every competing claim.',
      resolve: async (figure, _args, { loaders }) => conflictsOf(await loaders.figureClaims.load(figure.id)),
    }),
  }),
});

const FigureFilterInput = builder.inputType('FigureFilter', {
  description: 'Narrows a list of figures.',
  fields: (t) => ({
    indicator: t.string({ description: 'Only figures of this indicator, such as `bilateral_trade`.' }),
    from: t.string({
      description: 'Only figures whose period overlaps a range starting at this date ("2018", "2018-06").',
    }),
    to: t.string({ description: 'Only figures whose period overlaps a range ending at this date (its last day).' }),
  }),
});

builder.queryFields((t) => ({
  figures: t.connection(
    {
      type: FigureRef,
      description: `Figures in period order (at most ${MAX_PAGE_SIZE} per page).`,
      args: { filter: t.arg({ type: FigureFilterInput, description: 'Conditions figures must meet.' }) },
      resolve: async (_root, args, { store }) =>
        toConnection(await store.listFigures(args.filter, args), () => store.countFigures(args.filter)),
    },
    {
      name: 'FigureConnection',
      description: 'A page of figures, with cursors and the total count.',
      fields: totalCountField('Number of figures matching the filter, across all pages.'),
    },
    { name: 'FigureEdge', description: 'A figure on a page, with its cursor.' },
  ),
  figure: t.field({
    type: FigureRef,
    nullable: true,
    description:
      'One figure, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error.',
    args: {
      id: t.arg.id({ description: "The figure's global ID." }),
      slug: t.arg.string({ description: "The figure's slug." }),
    },
    resolve: async (_root, args, { store, loaders }) => {
      const key = lookupKey('Figure', args);
      const figure = 'id' in key ? await loaders.figure.load(key.id) : await store.figureBySlug(key.slug);
      if (!figure) throw notFound('Figure', key, args);
      return figure;
    },
  }),
}));

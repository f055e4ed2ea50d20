import { MAX_PAGE_SIZE } from '@bilateral/store';
import { builder } from './builder.ts';
import { asksOnlyForCount, toConnection, totalCountField, UNREAD_PAGE } from './connections.ts';
import { FuzzyDateType, fuzzyDate } from './fuzzy-date.ts';
import { lookupKey, notFound } from './lookup.ts';
import { CitationRef, loadNodes, SourceRef } from './refs.ts';
import { ParagraphStyleEnum, SourceGenreEnum } from './vocabulary.ts';

builder.node(SourceRef, {
  description:
    "A document that Bilateral's records cite: a news report, op-ed, blog post or journal article. Bilateral keeps its metadata, not its text.",
  id: { resolve: (source) => source.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.source, ids),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable key for the document.' }),
    file: t.exposeString('file', {
      description:
        "File name of the document in the project's shared sources folder, which paragraph numbers refer to.",
    }),
    title: t.exposeString('title', { description: 'Title as the document gives it.' }),
    author: t.exposeString('author', { nullable: true, description: 'Author, when the document names one.' }),
    outlet: t.exposeString('outlet', {
      nullable: true,
      description: 'Publication, site or journal, when the document shows it.',
    }),
    genre: t.expose('genre', {
      type: SourceGenreEnum,
      description: 'What kind of document it is.',
    }),
    url: t.exposeString('url', {
      nullable: true,
      description:
        'Where the document can be read online (http or https), when known. The five shipped documents have none: their text came without an address.',
    }),
    paragraphs: t.expose('paragraphStyle', {
      type: ParagraphStyleEnum,
      description: 'How the document is cut into the numbered paragraphs that citations point at.',
    }),
    publishedOn: t.field({
      type: FuzzyDateType,
      nullable: true,
      description: 'Publication date at the precision the document shows; null when it shows none.',
      resolve: (source) => fuzzyDate(source.publishedEdtf),
    }),
    citations: t.connection(
      {
        type: CitationRef,
        description: `Every citation of this document, in paragraph order, one page at a time (at most ${MAX_PAGE_SIZE} per page). Each says what record it supports.`,
        resolve: async (source, args, { loaders }, info) => {
          const page = asksOnlyForCount(info)
            ? UNREAD_PAGE
            : await loaders
                .sourceCitations({ first: args.first, after: args.after, last: args.last, before: args.before })
                .load(source.id);
          return toConnection(page, () => loaders.sourceCitationCounts.load(source.id));
        },
      },
      {
        name: 'CitationConnection',
        description: 'A page of citations, with cursors and the total count.',
        fields: totalCountField('Number of citations of the document, across all pages.'),
      },
      { name: 'CitationEdge', description: 'A citation on a page, with its cursor.' },
    ),
  }),
});

builder.queryFields((t) => ({
  sources: t.connection(
    {
      type: SourceRef,
      description: `The documents Bilateral cites, in the order they were added (at most ${MAX_PAGE_SIZE} per page).`,
      resolve: async (_root, args, { store }) =>
        toConnection(await store.listSources(args), () => store.countSources()),
    },
    {
      name: 'SourceConnection',
      description: 'A page of sources, with cursors and the total count.',
      fields: totalCountField('Number of sources, across all pages.'),
    },
    { name: 'SourceEdge', description: 'A source on a page, with its cursor.' },
  ),
  source: t.field({
    type: SourceRef,
    nullable: true,
    description:
      'One source, by global ID or by slug (give exactly one). Unknown keys give null and a NOT_FOUND error.',
    args: {
      id: t.arg.id({ description: "The source's global ID." }),
      slug: t.arg.string({ description: "The source's slug." }),
    },
    resolve: async (_root, args, { store, loaders }) => {
      const key = lookupKey('Source', args);
      const source = 'id' in key ? await loaders.source.load(key.id) : await store.sourceBySlug(key.slug);
      if (!source) throw notFound('Source', key, args);
      return source;
    },
  }),
}));

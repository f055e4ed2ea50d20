import {
  type ActorRow,
  DEFAULT_PAGE_SIZE,
  type EventRow,
  type FigureRow,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  MAX_PAGE_SIZE,
  SEARCH_COUNT_LIMIT,
  SEARCH_RANKING_LIMIT,
  type SearchHit,
  type SourceRow,
} from '@bilateral/store';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { pagedPrice, SCAN_FIELD_COST } from '../limits/pricing.ts';
import { builder } from './builder.ts';
import { forwardPageArgs, toConnection, totalCountField } from './connections.ts';
import { ActorRef, EventRef, FigureRef, SourceRef } from './refs.ts';
import { SEARCH_LIMITS, SEARCH_SYNTAX } from './search-syntax.ts';

const SearchTypeEnum = builder.enumType('SearchType', {
  description: 'Kinds of record full-text search can return.',
  values: {
    EVENT: {
      value: 'event',
      description:
        'Events, matched on title, summary and place, and, when the server is given the source documents (`SOURCES_DIR`), on the text of the paragraphs they and their claims cite.',
    },
    ACTOR: { value: 'actor', description: 'Actors, matched on name and every alias.' },
    FIGURE: { value: 'figure', description: 'Figures, matched on label and indicator (trade 2018, bilateral trade).' },
    SOURCE: { value: 'source', description: 'Source documents, matched on title, author and outlet.' },
  },
});

interface LoadedHit extends SearchHit {
  record: EventRow | ActorRow | FigureRow | SourceRow;
}

const TYPENAMES = { event: 'Event', actor: 'Actor', figure: 'Figure', source: 'Source' } as const;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The snippet as safe HTML with each match in <mark>. */
export const highlighted = (snippet: string) =>
  escapeHtml(snippet).replaceAll(HIGHLIGHT_START, '<mark>').replaceAll(HIGHLIGHT_END, '</mark>');

const SearchHitUnion = builder.unionType('SearchHitRecord', {
  description: 'The record a search result points at.',
  types: [EventRef, ActorRef, FigureRef, SourceRef],
  resolveType: (record) =>
    'summary' in record ? EventRef : 'genre' in record ? SourceRef : 'indicator' in record ? FigureRef : ActorRef,
});

const SearchResultRef = builder.objectRef<LoadedHit>('SearchResult').implement({
  description: 'One full-text search hit.',
  fields: (t) => ({
    type: t.expose('type', {
      type: SearchTypeEnum,
      description: 'Whether the hit is an event, an actor, a figure or a source.',
    }),
    record: t.expose('record', {
      type: SearchHitUnion,
      description: 'The matching event, actor, figure or source.',
    }),
    id: t.id({
      description: 'Global ID of the matching record.',
      resolve: (hit) => encodeGlobalID(TYPENAMES[hit.type], hit.id),
    }),
    score: t.float({
      description:
        'Relevance, higher is better, comparable only within one query: bm25 (sign flipped) where the server runs on SQLite, ts_rank where it runs on PostgreSQL.',
      resolve: (hit) => -hit.score,
    }),
    snippet: t.string({
      description:
        "The best-matching passage (of our own text, a source's title, author or outlet, or, for an event matched by a cited paragraph, that paragraph's text) as HTML-escaped text, with each match wrapped in <mark>…</mark>. Safe to insert as HTML.",
      resolve: (hit) => highlighted(hit.snippet),
    }),
  }),
});

/** What the search resolver adds to the connection it returns, for the `rankingLimited` field. */
interface RankingLimit {
  rankingLimited: () => Promise<boolean>;
}

const SearchResultConnection = builder.connectionObject<typeof SearchResultRef, RankingLimit>(
  {
    type: SearchResultRef,
    name: 'SearchResultConnection',
    description: 'A page of search hits, best first, with the total number of hits.',
    fields: (t) => ({
      ...totalCountField(
        `Number of records that match, across all pages, counted up to ${SEARCH_COUNT_LIMIT.toLocaleString('en')} of each kind (as many as are ranked, see \`rankingLimited\`): ` +
          `a kind with more matches counts ${SEARCH_COUNT_LIMIT.toLocaleString('en')}, so past that the total is a lower bound (counting is bounded so that a very common word stays fast).`,
      )(t),
      rankingLimited: t.boolean({
        description:
          `True when a kind of record had more than ${SEARCH_RANKING_LIMIT.toLocaleString('en')} matches (a very common word): ` +
          `only its ${SEARCH_RANKING_LIMIT.toLocaleString('en')} most recently added matches were ranked, so the pages hold those, best first, and end there. ` +
          'The other matches count in `totalCount` but are not listed; add words, a phrase or `types` to narrow the query.',
        resolve: (connection) => connection.rankingLimited(),
      }),
    }),
  },
  { name: 'SearchResultEdge', description: 'A search hit with its cursor.' },
);

builder.queryFields((t) => ({
  search: t.field({
    type: SearchResultConnection,
    complexity: pagedPrice(DEFAULT_PAGE_SIZE, SCAN_FIELD_COST),
    description:
      `Full-text search over events, actors, figures and sources, best match first (bm25 on SQLite, ts_rank on PostgreSQL: the same matches, ranked each its own way; a title or name match outranks a summary or alias match). ` +
      `Ranking is bounded: at most ${SEARCH_RANKING_LIMIT.toLocaleString('en')} matches of each kind are ranked, the most recently added; \`rankingLimited\` tells when a query matched more. ` +
      `${SEARCH_SYNTAX} Pages forward only (\`first\` and \`after\`), at most ${MAX_PAGE_SIZE} hits per page.`,
    args: {
      query: t.arg.string({
        required: true,
        description: `What to look for, such as \`pipeline\`, \`"arms embargo"\`, \`pipe*\`, \`Mi-35\` or \`Putin OR Lavrov\`. ${SEARCH_LIMITS}`,
      }),
      types: t.arg({ type: [SearchTypeEnum], description: 'Kinds of record to search; all kinds when omitted.' }),
      ...forwardPageArgs(),
    },
    resolve: async (_root, args, { store, loaders }) => {
      const found = await store.search(args.query, args.types, args);
      const records = await Promise.all(found.rows.map((hit) => loaders[hit.type].load(hit.id)));
      const page = { ...found, rows: found.rows.map((hit, index) => ({ ...hit, record: records[index]! })) };
      return {
        ...toConnection(page, () => found.totalCount()),
        rankingLimited: () => found.rankingLimited(),
      };
    },
  }),
}));

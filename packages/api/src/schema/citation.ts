import { type CitationRow, paragraphText } from '@bilateral/store';
import { builder } from './builder.ts';
import { ActorRef, CitationRef, ClaimRef, EventRef, FigureRef, OfficeRef, SourceRef } from './refs.ts';

export const CitedRecordUnion = builder.unionType('CitedRecord', {
  description: 'The record a citation supports.',
  types: () => [EventRef, ActorRef, OfficeRef, ClaimRef, FigureRef],
  resolveType: (record) => (record as unknown as { __typename: string }).__typename,
});

const subjectOf = async (citation: CitationRow, context: import('../execution/context.ts').Context) => {
  const { loaders } = context;
  const found =
    citation.eventId != null
      ? { __typename: 'Event', row: await loaders.event.load(citation.eventId) }
      : citation.actorId != null
        ? { __typename: 'Actor', row: await loaders.actor.load(citation.actorId) }
        : citation.officeId != null
          ? { __typename: 'Office', row: await loaders.office.load(citation.officeId) }
          : citation.claimId != null
            ? { __typename: 'Claim', row: await loaders.claim.load(citation.claimId) }
            : { __typename: 'Figure', row: await loaders.figure.load(citation.figureId!) };
  return { ...found.row!, __typename: found.__typename };
};

CitationRef.implement({
  description:
    "A pointer to the passage of a source document that supports a record: the document and the paragraph number. Bilateral stores no text of the documents; `passage` gives the paragraph's text when the server is given them, otherwise open the source and count paragraphs as described in seeds/README.md.",
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      description: 'The document cited.',
      resolve: (citation, _args, { loaders }) =>
        citation.source ?? loaders.source.load(citation.sourceId).then((source) => source!),
    }),
    paragraph: t.exposeInt('paragraph', { description: 'Paragraph number in the document, counted from 1.' }),
    locator: t.string({
      description: 'Where in the document to look, for display: "paragraph 29".',
      resolve: (citation) => `paragraph ${citation.paragraph}`,
    }),
    passage: t.string({
      nullable: true,
      description:
        "The text of the cited paragraph, cut the way seeds/README.md counts paragraphs (its lines joined by single spaces), when this server is given the source documents (the `SOURCES_DIR` setting). Null when it is not, or when the document or paragraph is missing there: then show the document's title and the `locator`. Render it as text: it is the source's own wording, quoted, not ours.",
      resolve: async (citation, _args, { loaders, sourcesDir }) => {
        if (!sourcesDir) return null;
        const source = citation.source ?? (await loaders.source.load(citation.sourceId));
        return (source && paragraphText(sourcesDir, source.file, source.paragraphStyle, citation.paragraph)) ?? null;
      },
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'What the passage supports or a caveat about it, in our own words.',
    }),
    supports: t.field({
      type: CitedRecordUnion,
      description: 'The event, actor, office, claim or figure this citation supports.',
      resolve: (citation, _args, context) => subjectOf(citation, context),
    }),
  }),
});

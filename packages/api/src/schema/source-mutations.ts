/** Writes to sources: the metadata of a document that records cite (never its text). */
import { DATE_RULES, SLUG_RULES, TEXT_RULES } from './mutation-inputs.ts';
import { type InputFieldBuilder, recordMutations } from './record-mutation-fields.ts';
import { SourceRef } from './refs.ts';
import { ParagraphStyleEnum, SourceGenreEnum } from './vocabulary.ts';

const sourceInputFields = (required: boolean) => (t: InputFieldBuilder) => ({
  slug: t.string({
    required,
    description: `Stable key: ${SLUG_RULES}, such as "policyeast-2024-cold-war-rivals". Unique among sources.`,
  }),
  file: t.string({
    required,
    description:
      'File name of the document in the shared sources folder, such as "000_a5a9ecb81bb08c62.txt": letters, digits, dots, hyphens and underscores, ending in ".txt". Unique among sources. When the server has the documents directory, the file must be in it (NOT_FOUND otherwise).',
  }),
  title: t.string({ required, description: `Title as the document gives it, at most 300 characters. ${TEXT_RULES}` }),
  author: t.string({
    description: `Author, when the document names one; at most 200 characters. Null clears it when patching. ${TEXT_RULES}`,
  }),
  outlet: t.string({
    description: `Publication, site or journal, when the document shows it; at most 200 characters. Null clears it when patching. ${TEXT_RULES}`,
  }),
  genre: t.field({ type: SourceGenreEnum, required, description: 'What kind of document it is.' }),
  published: t.string({ description: `Publication date, ${DATE_RULES} Null clears it when patching.` }),
  paragraphs: t.field({
    type: ParagraphStyleEnum,
    description:
      'How the document is cut into numbered paragraphs. Defaults to BLANK_LINES. Changing it renumbers the paragraphs existing citations point at.',
  }),
  url: t.string({
    description:
      'Where the document can be read online: an absolute http:// or https:// URL, at most 2000 characters. Other schemes are refused. Null clears it when patching.',
  }),
});

recordMutations(
  { type: 'source', typename: 'Source', load: async (context, id) => (await context.store.sourcesByIds([id]))[0] },
  {
    ref: SourceRef,
    inputDescription:
      'A new source document: where its file is and what it is. Records cite it by slug and paragraph number.',
    fields: sourceInputFields,
  },
);

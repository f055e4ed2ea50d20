/**
 * Curation standard, rule 1 and class 4 of issue #25: a record relies on every document its title,
 * summary or claim reasons name ("the 2019 blog says ...", "The PolicyEast dates ..."), so it cites
 * a paragraph of each. The names are read from sources.yaml rather than listed by hand: a source's
 * outlet, and the word for its genre ("op-ed", "journal article"), bare when no other source shares
 * the genre and always with the year it was published ("the 2022 blog"). A genre word that two
 * sources share and that comes without a year ("the blog") names neither, so it is not checked.
 */
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { SourceGenre } from '../vocabulary/terms.ts';
import type { CitationRecord, ClaimRecord, SourceRecord } from './format.ts';
import { imprecision, type SeedProblem } from './problems.ts';
import type { Located, SeedDataset } from './validate.ts';

/** How the dataset's prose refers to a document of each genre. */
const GENRE_WORDS: Record<SourceGenre, readonly string[]> = {
  news: ['news analysis', 'news article'],
  op_ed: ['op-ed'],
  analysis: ['policy analysis'],
  journal_article: ['journal article'],
  blog: ['blog', 'blog post'],
};

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordPattern = (phrase: string) => new RegExp(`(?<![\\w-])${escapeForPattern(phrase)}(?![\\w-])`, 'i');

/** Each source with the patterns that name it, and only it, in the dataset's prose. */
export function documentNames(sources: readonly SourceRecord[]): { slug: string; names: RegExp[] }[] {
  const genreCount = new Map<SourceGenre, number>();
  for (const source of sources) genreCount.set(source.genre, (genreCount.get(source.genre) ?? 0) + 1);
  return sources.map((source) => {
    const year = source.published ? parseFuzzyDate(source.published).earliest.slice(0, 4) : undefined;
    const words = GENRE_WORDS[source.genre];
    const phrases = [
      ...(source.outlet ? [source.outlet.replace(/^the\s+/i, '')] : []),
      ...(genreCount.get(source.genre) === 1 ? words : []),
      ...(year ? words.map((word) => `${year} ${word}`) : []),
    ];
    return { slug: source.slug, names: phrases.map(wordPattern) };
  });
}

interface Prose {
  readonly title?: string;
  readonly label?: string;
  readonly summary?: string;
  readonly citations: readonly CitationRecord[];
  readonly claims: readonly ClaimRecord[];
}

/** Events and figures whose title, summary or claim reasons name a document they cite no paragraph of. */
export function namedDocumentsUncited(dataset: SeedDataset): SeedProblem[] {
  const documents = documentNames(dataset.sources.map(({ record }) => record));
  const records: Located<Prose>[] = [...dataset.events, ...dataset.figures];
  return records.flatMap((located) => {
    const record = located.record;
    const cited = new Set(
      [...record.citations, ...record.claims.flatMap((claim) => claim.citations)].map(({ source }) => source),
    );
    const fields: [string, string | undefined][] = [
      [record.title === undefined ? 'label' : 'title', record.title ?? record.label],
      ['summary', record.summary],
      ...record.claims.map((claim, index): [string, string | undefined] => [`claims[${index}].reason`, claim.reason]),
    ];
    return fields.flatMap(([field, text]) =>
      documents
        .filter(({ slug, names }) => !cited.has(slug) && names.some((name) => name.test(text ?? '')))
        .map(({ slug }) =>
          imprecision(
            located,
            field,
            `names the document ${slug} but cites none of its paragraphs; cite the paragraph it relies on, or leave the document out (seeds/README.md, rule 1)`,
          ),
        ),
    );
  });
}

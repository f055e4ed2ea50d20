// A record cites every document its prose names (seeds/README.md, rule 1; issue #25, class 4).
import { describe, expect, it } from 'vitest';
import { defaultSeedsDir } from '../sources/documents.ts';
import { documentNames, namedDocumentsUncited } from './document-mentions.ts';
import { eventRecord, figureRecord, sourceRecord } from './format.ts';
import { type SeedDataset, validateSeeds } from './validate.ts';

const located = <T>(label: string, record: T) => ({ file: 'seeds/test.yaml', label, record });

const sources = [
  sourceRecord.parse({ slug: 'blog-a', file: 'a.txt', title: 'A', genre: 'blog', published: '2019-04-13' }),
  sourceRecord.parse({ slug: 'blog-b', file: 'b.txt', title: 'B', genre: 'blog', published: '2022~' }),
  sourceRecord.parse({ slug: 'paper', file: 'c.txt', title: 'C', genre: 'journal_article' }),
  sourceRecord.parse({ slug: 'east', file: 'd.txt', title: 'D', genre: 'news', outlet: 'The PolicyEast' }),
];

const event = (summary: string, citations: object[], claims: object[] = []) =>
  eventRecord.parse({
    slug: '2014-arabian-monsoon',
    title: 'Arabian Monsoon naval exercise',
    summary,
    kind: 'military_exercise',
    date: '2014',
    sectors: ['defence'],
    participants: [{ actor: 'russia', role: 'participant' }],
    citations,
    claims,
  });

const dataset = (events: ReturnType<typeof event>[], figures: object[] = []): SeedDataset => ({
  sources: sources.map((source) => located(`source "${source.slug}"`, source)),
  actors: [],
  events: events.map((record) => located(`event "${record.slug}"`, record)),
  figures: figures.map((figure) => located('figure "trade"', figureRecord.parse(figure))),
  coverage: [],
});

const problems = (data: SeedDataset) =>
  namedDocumentsUncited(data).map(({ field, message }) => `${field}: ${message.split(';')[0]}`);

describe('the documents a record names', () => {
  it('are told apart by outlet, by genre where only one source has it, and by year where two share it', () => {
    const names = new Map(documentNames(sources).map(({ slug, names }) => [slug, names]));
    const named = (text: string) =>
      [...names].filter(([, patterns]) => patterns.some((p) => p.test(text))).map(([slug]) => slug);
    expect(named('the 2019 blog says')).toEqual(['blog-a']);
    expect(named('the 2022 blog counts')).toEqual(['blog-b']);
    expect(named('the blog says')).toEqual([]);
    expect(named('the journal article dates it')).toEqual(['paper']);
    expect(named('The PolicyEast has it')).toEqual(['east']);
    expect(named('as the news analysis says')).toEqual(['east']);
    expect(named('a weblog and a journal')).toEqual([]);
  });
});

describe('namedDocumentsUncited', () => {
  it('catches a summary that sets the record against a document it does not cite', () => {
    const bad = event('Held in 2014, before the drills the 2019 blog calls the first.', [
      { source: 'paper', paragraph: 25 },
    ]);
    expect(problems(dataset([bad]))).toEqual(['summary: names the document blog-a but cites none of its paragraphs']);
    const good = event(bad.summary, [...bad.citations, { source: 'blog-a', paragraph: 4 }]);
    expect(problems(dataset([good]))).toEqual([]);
  });

  it('catches a claim reason that relies on a document the record does not cite, and counts claim citations as cited', () => {
    const claims = (reason: string) => [
      {
        field: 'date',
        value: '2014',
        status: 'asserted',
        preferred: true,
        reason,
        citations: [{ source: 'paper', paragraph: 25 }],
      },
    ];
    const bad = event('Held in 2014.', [{ source: 'paper', paragraph: 25 }], claims('The PolicyEast agrees.'));
    expect(problems(dataset([bad]))).toEqual([
      'claims[0].reason: names the document east but cites none of its paragraphs',
    ]);
    const viaClaim = event(
      'The journal article dates it to 2014.',
      [{ source: 'east', paragraph: 3 }],
      claims('Only one date.'),
    );
    expect(problems(dataset([viaClaim]))).toEqual([]);
  });

  it("checks a figure's label too", () => {
    const figure = {
      slug: 'trade',
      label: 'Trade in 2018, as the 2022 blog has it',
      indicator: 'bilateral_trade',
      period: '2018',
      actors: ['pakistan', 'russia'],
      value: '800000000',
      currency: 'USD',
      citations: [{ source: 'blog-a', paragraph: 8 }],
    };
    expect(problems(dataset([], [figure]))).toEqual([
      'label: names the document blog-b but cites none of its paragraphs',
    ]);
  });

  it('finds nothing in the real seed files', () => {
    const { dataset: seeds } = validateSeeds(defaultSeedsDir());
    expect(namedDocumentsUncited(seeds)).toEqual([]);
  });
});

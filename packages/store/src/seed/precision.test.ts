// The curation standard's automated checks (seeds/README.md, "Curation standard"): first that each
// check catches a bad record, on a small made-up dataset; then the real dataset against the real
// documents, which live beside the repository (../shared/sources) and are only there in CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeedsDir, defaultSourcesDir } from '../sources/documents.ts';
import { itRequiresSourceDocumentsInCI, sourceDocumentsPresent } from '../testing/source-documents.ts';
import { actorRecord, claim, eventRecord, figureRecord, sourceRecord } from './format.ts';
import {
  actorsNoDocumentNames,
  checkPrecision,
  citationsWithoutKeyTerms,
  claimValuesOutOfContext,
  claimValuesUnstated,
  type DocumentTexts,
  hostsWithoutStatement,
  readDocumentTexts,
  readPrecisionExceptions,
  thinCorroborations,
  tombstonesWithoutReason,
  unexplainedAliases,
  unexplainedDates,
} from './precision.ts';
import { formatProblem } from './problems.ts';
import { type SeedDataset, validateSeeds } from './validate.ts';

const located = <T>(label: string, record: T) => ({ file: 'seeds/test.yaml', label, record });

/** Two made-up documents: "news" with three paragraphs, "blog" with one. */
const PARAGRAPHS: Record<string, string[]> = {
  news: [
    'In June 2014 Moscow lifted its arms embargo on Pakistan.',
    'Relations between Russia and Pakistan improved steadily.',
    'Sergei Shoigu visited Islamabad and signed a deal worth $153 million for four helicopters.',
  ],
  blog: ['The embargo ended in 2014, the blog says.'],
};
const documents: DocumentTexts = {
  paragraph: (source, paragraph) => PARAGRAPHS[source]?.[paragraph - 1],
  texts: Object.values(PARAGRAPHS).map((paragraphs) => paragraphs.join('\n\n')),
};

const baseEvent = {
  slug: '2014-russia-lifts-arms-embargo',
  title: 'Russia lifts its arms embargo on Pakistan',
  summary: 'Moscow ended its ban on arms sales to Pakistan.',
  kind: 'sanction_lifted',
  date: '2014-06',
  sectors: ['defence'],
  participants: [
    { actor: 'russia', role: 'initiator' },
    { actor: 'pakistan', role: 'recipient' },
  ],
  citations: [{ source: 'news', paragraph: 1 }],
};
const dataset = (overrides: { event?: object; aliases?: object[] } = {}): SeedDataset => ({
  sources: [
    located('source "news"', sourceRecord.parse({ slug: 'news', file: 'news.txt', title: 'News', genre: 'news' })),
  ],
  actors: [
    located('actor "russia"', actorRecord.parse({ slug: 'russia', name: 'Russia', kind: 'state' })),
    located('actor "pakistan"', actorRecord.parse({ slug: 'pakistan', name: 'Pakistan', kind: 'state' })),
    located(
      'actor "sergei-shoigu"',
      actorRecord.parse({
        slug: 'sergei-shoigu',
        name: 'Sergei Shoigu',
        kind: 'person',
        aliases: overrides.aliases ?? [],
      }),
    ),
  ],
  events: [located('event "2014-russia-lifts-arms-embargo"', eventRecord.parse({ ...baseEvent, ...overrides.event }))],
  figures: [],
  coverage: [],
});
const messages = (problems: { field: string; message: string }[]) =>
  problems.map((problem) => `${problem.field}: ${problem.message}`);

describe('the precision checks', () => {
  it('accept a record whose citations state it, with its date and names as the documents give them', () => {
    expect(checkPrecision(dataset(), documents, { citations: new Map(), names: new Map() })).toEqual([]);
  });

  it('catch a citation whose paragraph names none of the key terms, unless an exception gives a reason', () => {
    const bad = dataset({
      event: {
        citations: [
          { source: 'news', paragraph: 1 },
          { source: 'news', paragraph: 2 },
        ],
      },
    });
    expect(messages(citationsWithoutKeyTerms(bad, documents))).toEqual([
      expect.stringMatching(/^citations\[1\]\.paragraph: news#2 names none of the record's key terms \(2014, June\)/),
    ]);
    const excused = new Map([['event 2014-russia-lifts-arms-embargo news#2', 'Continues paragraph 1.']]);
    expect(citationsWithoutKeyTerms(bad, documents, excused)).toEqual([]);
  });

  it('report an exception that no longer matches, so the list cannot silently grow stale', () => {
    const stale = new Map([['event 2014-russia-lifts-arms-embargo news#1', 'No longer needed.']]);
    expect(messages(citationsWithoutKeyTerms(dataset(), documents, stale))).toEqual([
      'citations: this exception no longer matches a citation without key terms; remove it',
    ]);
  });

  it('catch a claim cited from a paragraph that does not give its value', () => {
    const claims = [
      claim.parse({
        field: 'amount',
        value: '160000000 USD',
        status: 'asserted',
        citations: [{ source: 'news', paragraph: 3 }],
      }),
    ];
    expect(messages(citationsWithoutKeyTerms(dataset({ event: { claims } }), documents))).toEqual([
      expect.stringMatching(/^claims\[0\]\.citations\[0\]\.paragraph: news#3 names none/),
    ]);
  });

  it('catch a claim cited from a paragraph that gives only part of its value', () => {
    const claims = [
      claim.parse({
        field: 'date',
        value: '2014-05',
        status: 'asserted',
        citations: [{ source: 'news', paragraph: 1 }],
      }),
    ];
    // Paragraph 1 gives June 2014: the year matches, the month does not.
    expect(messages(claimValuesUnstated(dataset({ event: { claims } }), documents))).toEqual([
      expect.stringMatching(
        /^claims\[0\]\.citations\[0\]\.paragraph: news#1 does not give the claim's value 2014-05 \(missing May\)/,
      ),
    ]);
    const whole = [{ ...claims[0]!, value: '2014-06' }];
    expect(claimValuesUnstated(dataset({ event: { claims: whole } }), documents)).toEqual([]);
  });

  it('catch a claim whose value the paragraph gives only for something nearby', () => {
    const deal = {
      slug: '2014-helicopter-deal',
      title: 'Russia sells helicopters to Pakistan',
      kind: 'arms_deal',
      date: '2014',
      claims: [
        claim.parse({
          field: 'date',
          value: '2014',
          status: 'asserted',
          preferred: true,
          reason: 'Given with the embargo.',
          citations: [{ source: 'news', paragraph: 4 }],
        }),
      ],
      citations: [{ source: 'news', paragraph: 4 }],
    };
    const proximity: DocumentTexts = {
      ...documents,
      paragraph: (source, paragraph) =>
        paragraph === 4
          ? 'The embargo ended in 2014. That paved the way for a sale of helicopters.'
          : documents.paragraph(source, paragraph),
    };
    expect(messages(claimValuesOutOfContext(dataset({ event: deal }), proximity))).toEqual([
      expect.stringMatching(
        /^claims\[0\]\.citations\[0\]\.paragraph: news#4 gives 2014 only in a sentence that does not name this event/,
      ),
    ]);
    const dated: DocumentTexts = {
      ...documents,
      paragraph: (source, paragraph) =>
        paragraph === 4 ? 'Russia agreed the helicopter sale in 2014.' : documents.paragraph(source, paragraph),
    };
    expect(claimValuesOutOfContext(dataset({ event: deal }), dated)).toEqual([]);
  });

  it('catch a host or visitor in a meeting whose paragraphs say no one hosted it', () => {
    const meeting = {
      slug: '2014-shoigu-meeting',
      title: 'Shoigu meets officials in Islamabad',
      kind: 'meeting',
      date: '2014',
      place: 'Islamabad',
      participants: [
        { actor: 'pakistan', role: 'host' },
        { actor: 'sergei-shoigu', role: 'visitor' },
      ],
      citations: [{ source: 'news', paragraph: 3 }],
    };
    expect(messages(hostsWithoutStatement(dataset({ event: meeting }), documents))).toEqual([
      expect.stringMatching(
        /^participants\[0\]\.role: pakistan is host of a meeting, but no cited paragraph says anyone hosted it/,
      ),
      expect.stringMatching(
        /^participants\[1\]\.role: sergei-shoigu is visitor of a meeting, but only a visit has visitors/,
      ),
    ]);
    const visit = { ...meeting, kind: 'visit' };
    expect(hostsWithoutStatement(dataset({ event: visit }), documents)).toEqual([]);
  });

  it('catch a corroborated claim that only one document gives', () => {
    const claims = [
      claim.parse({
        field: 'date',
        value: '2014-06',
        status: 'corroborated',
        preferred: true,
        reason: 'Stated twice.',
        citations: [
          { source: 'news', paragraph: 1 },
          { source: 'news', paragraph: 3 },
        ],
      }),
    ];
    expect(messages(thinCorroborations(dataset({ event: { claims } })))).toEqual([
      'claims[0].status: is corroborated but only news gives the value; corroborated needs two documents',
    ]);
    const twoDocuments = [{ ...claims[0]!, citations: [...claims[0]!.citations, { source: 'blog', paragraph: 1 }] }];
    expect(thinCorroborations(dataset({ event: { claims: twoDocuments } }))).toEqual([]);
  });

  it('catch a figure corroborated from one document', () => {
    const figure = figureRecord.parse({
      slug: 'trade-2018',
      label: 'Trade, 2018',
      indicator: 'bilateral_trade',
      period: '2018',
      actors: ['pakistan', 'russia'],
      value: '800000000',
      currency: 'USD',
      citations: [{ source: 'news', paragraph: 1 }],
      claims: [
        {
          field: 'value',
          value: '800000000',
          status: 'corroborated',
          preferred: true,
          reason: 'One source.',
          citations: [{ source: 'news', paragraph: 1 }],
        },
      ],
    });
    expect(thinCorroborations({ ...dataset(), figures: [located('figure "trade-2018"', figure)] })).toHaveLength(1);
  });

  it('catch a date more precise than its citations, unless dateBasis says what it rests on', () => {
    expect(messages(unexplainedDates(dataset({ event: { date: '2014-05' } }), documents))).toEqual([
      'date: 2014-05: no cited paragraph gives May; cite the paragraph that does, or say in dateBasis what the date rests on',
    ]);
    expect(messages(unexplainedDates(dataset({ event: { date: '2013' } }), documents))).toHaveLength(1);
    const explained = { date: '2014-05', dateBasis: 'A report of that month, outside the documents.' };
    expect(unexplainedDates(dataset({ event: explained }), documents)).toEqual([]);
  });

  it('hold archived records to the same checks: a tombstone keeps only what its paragraphs state', () => {
    const archived = dataset({
      event: { date: '2013', citations: [{ source: 'news', paragraph: 2 }], archived: true },
    });
    expect(citationsWithoutKeyTerms(archived, documents)).toHaveLength(1);
    expect(unexplainedDates(archived, documents)).toHaveLength(1);
  });

  it('catch a tombstone that does not say it was withdrawn, and why', () => {
    const silent = dataset({ event: { archived: true } });
    expect(messages(tombstonesWithoutReason(silent)).map((message) => message.split(':')[0])).toEqual([
      'title',
      'summary',
    ]);
    const said = dataset({
      event: {
        archived: true,
        title: 'Withdrawn: an embargo the documents date differently',
        summary: 'Withdrawn: the record gave a month no document gives; the year 2014 remains supported.',
      },
    });
    expect(tombstonesWithoutReason(said)).toEqual([]);
  });

  it('catch an alias no document uses, unless it carries its outsideReason', () => {
    const outside = dataset({ aliases: [{ name: 'Sergey Shoigu', kind: 'variant' }] });
    expect(messages(unexplainedAliases(outside, documents))).toEqual([
      'aliases[0]: "Sergey Shoigu" appears in no document; remove it or give its outsideReason',
    ]);
    const marked = dataset({
      aliases: [{ name: 'Sergey Shoigu', kind: 'variant', outsideReason: 'The other transliteration.' }],
    });
    expect(unexplainedAliases(marked, documents)).toEqual([]);
  });

  it('catch an actor that no document names, and a names exception that is no longer needed', () => {
    const unnamed = {
      ...dataset(),
      actors: [
        ...dataset().actors,
        located('actor "navy"', actorRecord.parse({ slug: 'navy', name: 'Navy', kind: 'armed_force' })),
      ],
    };
    expect(messages(actorsNoDocumentNames(unnamed, documents))).toEqual([
      expect.stringMatching(/^name: no document uses "Navy"/),
    ]);
    expect(actorsNoDocumentNames(unnamed, documents, new Map([['navy', 'Named only by its chief.']]))).toEqual([]);
    expect(messages(actorsNoDocumentNames(dataset(), documents, new Map([['russia', 'Stale.']])))).toEqual([
      'names: a document now names this actor (or it is gone); remove the exception',
    ]);
  });
});

const sourcesPresent = sourceDocumentsPresent("the dataset's precision checks are");

describe('the seed dataset against the curation standard', () => {
  itRequiresSourceDocumentsInCI(sourcesPresent);

  it('marks no claim corroborated unless two documents give its value', () => {
    const { dataset: seeds } = validateSeeds(defaultSeedsDir());
    expect(thinCorroborations(seeds).map(formatProblem)).toEqual([]);
  });

  describe.skipIf(!sourcesPresent)('with the documents', () => {
    const { dataset: seeds } = validateSeeds(defaultSeedsDir());
    const texts = sourcesPresent ? readDocumentTexts(seeds, defaultSourcesDir()) : undefined;

    it('meets every check, with only the listed, justified exceptions', () => {
      const exceptions = readPrecisionExceptions(defaultSeedsDir());
      expect(checkPrecision(seeds, texts, exceptions).map(formatProblem)).toEqual([]);
    });

    it('keeps its exception list short', () => {
      const exceptions = readPrecisionExceptions(defaultSeedsDir());
      // Every citation the key-term check reads: events', claims', figures' and actors' (offices included).
      const claimed = [...seeds.events, ...seeds.figures].flatMap(({ record }) => [
        ...record.citations,
        ...record.claims.flatMap((claim) => claim.citations),
      ]);
      const actors = seeds.actors.flatMap(({ record }) => [
        ...record.citations,
        ...record.offices.flatMap((office) => office.citations),
      ]);
      expect(exceptions.citations.size).toBeLessThan((claimed.length + actors.length) / 10);
    });

    it('repeats no run of seven words from a document in any seed file (facts carry over, sentences do not)', () => {
      const words = (text: string) =>
        text
          .toLowerCase()
          .replace(/’/g, "'")
          .match(/[a-z0-9]+/g) ?? [];
      const runs = new Set(
        texts!.texts.flatMap((text) => {
          const list = words(text);
          return list.slice(0, Math.max(0, list.length - 6)).map((_, index) => list.slice(index, index + 7).join(' '));
        }),
      );
      const seedFiles = validateSeeds(defaultSeedsDir()).dataset;
      const files = [
        ...new Set(
          [seedFiles.sources, seedFiles.actors, seedFiles.events, seedFiles.figures, seedFiles.coverage].flatMap(
            (list) => list.map(({ file }) => file),
          ),
        ),
        'seeds/precision-exceptions.yaml',
      ];
      const repeated = files.flatMap((file) => {
        const list = words(readFileSync(join(defaultSeedsDir(), '..', file), 'utf8'));
        return list
          .slice(0, Math.max(0, list.length - 6))
          .map((_, index) => list.slice(index, index + 7).join(' '))
          .filter((run) => runs.has(run))
          .map((run) => `${file}: "${run}"`);
      });
      expect(repeated).toEqual([]);
    });
  });
});

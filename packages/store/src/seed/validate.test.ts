import { describe, expect, it } from 'vitest';
import { eventRecord, figureRecord } from './format.ts';
import type { SeedProblem } from './problems.ts';
import { checkReferences, type KnownRecords, type SeedDataset } from './validate.ts';

const known: KnownRecords = {
  sources: new Set(['news']),
  actors: new Set(['pakistan', 'russia']),
  events: new Set(['2019-visit', '2018-talks']),
  figures: new Set(),
  actorNames: new Map(),
};
const problemObjectsIn = (dataset: Partial<SeedDataset>) => {
  const problems: SeedProblem[] = [];
  checkReferences({ sources: [], actors: [], events: [], figures: [], coverage: [], ...dataset }, known, problems);
  return problems;
};
const problemsIn = (dataset: Partial<SeedDataset>) =>
  problemObjectsIn(dataset).map((problem) => `${problem.field}: ${problem.message}`);
const located = <T>(record: T) => [{ file: 'input', label: 'record', record }];

const event = eventRecord.parse({
  slug: '2019-visit',
  title: 'A visit',
  summary: 'A visit.',
  kind: 'visit',
  date: '2019',
  sectors: ['diplomacy'],
  participants: [{ actor: 'russia', role: 'host' }],
  citations: [
    { source: 'news', paragraph: 1 },
    { source: 'news', paragraph: 2 },
    { source: 'news', paragraph: 1, note: 'Again.' },
  ],
  links: [
    { type: 'follows', event: '2018-talks' },
    { type: 'responds_to', event: '2018-talks' },
    { type: 'follows', event: '2018-talks' },
  ],
  claims: [
    {
      field: 'date',
      value: '2019',
      status: 'asserted',
      preferred: true,
      reason: 'Stated.',
      citations: [
        { source: 'news', paragraph: 4 },
        { source: 'news', paragraph: 4 },
      ],
    },
  ],
});
const figure = figureRecord.parse({
  slug: 'trade-2019',
  label: 'Trade',
  indicator: 'bilateral_trade',
  period: '2019',
  actors: ['pakistan', 'russia', 'pakistan'],
  value: '5',
  currency: 'USD',
  citations: [{ source: 'news', paragraph: 3 }],
});

describe('checkReferences', () => {
  it('refuses a link, a figure actor or a cited paragraph listed twice, as the tables hold each once', () => {
    expect(problemsIn({ events: located(event), figures: located(figure) })).toEqual([
      'citations[2]: paragraph 1 of source "news" is already cited here',
      'links[2]: the follows link to event "2018-talks" is already listed',
      'claims[0].citations[1]: paragraph 4 of source "news" is already cited here',
      'actors[2]: actor "pakistan" is already listed',
    ]);
  });
});

describe('seed problem codes', () => {
  it('tell an unknown reference from a duplicate without reading the message', () => {
    const unknownActor = eventRecord.parse({
      ...event,
      slug: '2020-visit',
      participants: [{ actor: 'atlantis', role: 'host' }],
      citations: [{ source: 'news', paragraph: 1 }],
      links: [],
      claims: [],
    });
    const codes = (dataset: Partial<SeedDataset>) =>
      problemObjectsIn(dataset).map((problem) => `${problem.field}: ${problem.code}`);
    expect(codes({ events: located(unknownActor) })).toEqual(['participants[0].actor: UNKNOWN_REFERENCE']);
    expect(codes({ figures: located(figure) })).toEqual(['actors[2]: DUPLICATE']);
  });
});

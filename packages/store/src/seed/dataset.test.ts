// Checks the curated dataset in seeds/ itself, not the loader: what a reviewer relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { defaultSeedsDir, defaultSourcesDir } from '../sources/documents.ts';
import { splitParagraphs } from '../sources/paragraphs.ts';
import { itRequiresSourceDocumentsInCI, sourceDocumentsPresent } from '../testing/source-documents.ts';
import { foldName } from '../text/fold.ts';
import { checkAgainstDocuments } from './documents-check.ts';
import { formatProblem } from './problems.ts';
import { validateSeeds } from './validate.ts';

const { dataset, problems } = validateSeeds(defaultSeedsDir());
const events = dataset.events.map(({ record }) => record);
const actors = dataset.actors.map(({ record }) => record);
const sourcesPresent = sourceDocumentsPresent(
  "the dataset's checks against the documents (years as years, locators) are",
);

describe('the seed dataset', () => {
  itRequiresSourceDocumentsInCI(sourcesPresent);

  it('passes every loader rule', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('covers the documents at the scale they call for', () => {
    expect(dataset.sources).toHaveLength(5);
    expect(events.length).toBeGreaterThan(50);
    expect(actors.length).toBeGreaterThan(40);
  });

  it('cites at least one paragraph for every event', () => {
    const uncited = events
      .filter((event) => !event.citations.some((citation) => citation.paragraph >= 1))
      .map((event) => event.slug);
    expect(uncited).toEqual([]);
  });

  it('resolves every participant, link, country and office', () => {
    const actorSlugs = new Set(actors.map((actor) => actor.slug));
    const eventSlugs = new Set(events.map((event) => event.slug));
    const dangling = [
      ...events.flatMap((event) =>
        event.participants
          .filter((participant) => !actorSlugs.has(participant.actor))
          .map((participant) => `${event.slug} -> ${participant.actor}`),
      ),
      ...events.flatMap((event) =>
        event.links.filter((link) => !eventSlugs.has(link.event)).map((link) => `${event.slug} -> ${link.event}`),
      ),
      ...actors.flatMap((actor) =>
        [actor.country, actor.predecessor, ...actor.offices.map((office) => office.organization)]
          .filter((slug): slug is string => slug !== undefined && !actorSlugs.has(slug))
          .map((slug) => `${actor.slug} -> ${slug}`),
      ),
    ];
    expect(dangling).toEqual([]);
  });

  it('never lets two actors share a name or alias', () => {
    const owners = new Map<string, Set<string>>();
    for (const actor of actors) {
      for (const name of [actor.name, ...actor.aliases.map((alias) => alias.name)]) {
        const folded = foldName(name);
        owners.set(folded, new Set([...(owners.get(folded) ?? []), actor.slug]));
      }
    }
    expect([...owners].filter(([, slugs]) => slugs.size > 1)).toEqual([]);
  });

  it('backs every disputed field with claims from at least two sources, one of them preferred with a reason', () => {
    const subjects = [
      ...events.map((event) => ({ slug: event.slug, claims: event.claims })),
      ...dataset.figures.map(({ record }) => ({ slug: record.slug, claims: record.claims })),
    ];
    const disputed = subjects
      .flatMap(({ slug, claims }) => {
        const fields = new Set(claims.map((claim) => claim.field));
        return [...fields].map((field) => ({ slug, field, claims: claims.filter((claim) => claim.field === field) }));
      })
      .filter(
        ({ field, claims }) =>
          new Set(claims.map((claim) => (field === 'date' ? parseFuzzyDate(claim.value).edtf : claim.value))).size > 1,
      );
    expect(disputed.length).toBeGreaterThan(0);
    for (const { slug, field, claims } of disputed) {
      const sources = new Set(claims.flatMap((claim) => claim.citations.map((citation) => citation.source)));
      expect(sources.size, `${slug}.${field}`).toBeGreaterThanOrEqual(2);
      const preferred = claims.filter((claim) => claim.preferred);
      expect(preferred, `${slug}.${field}`).toHaveLength(1);
      expect(preferred[0]!.reason, `${slug}.${field}`).toBeTruthy();
    }
  });

  it.skipIf(!sourcesPresent)(
    'keeps years as years: a 1 January date only where a cited paragraph names that day',
    () => {
      const paragraphsOf = new Map(
        dataset.sources.map(({ record }) => [
          record.slug,
          splitParagraphs(readFileSync(join(defaultSourcesDir(), record.file), 'utf8'), record.paragraphs),
        ]),
      );
      const statesNewYearsDay = (text: string) => /\b(January 1|1 January|New Year['’]s Day)\b/i.test(text);
      const padded = events
        .filter((event) => /^\d{4}-01-01$/.test(event.date))
        .filter(
          (event) =>
            !event.citations.some((citation) =>
              statesNewYearsDay(paragraphsOf.get(citation.source)?.[citation.paragraph - 1] ?? ''),
            ),
        )
        .map((event) => event.slug);
      expect(padded).toEqual([]);
    },
  );

  it('lists in each coverage manifest exactly the events and figures that cite each paragraph', () => {
    const citing = new Map<string, Set<string>>();
    const note = (kind: string, slug: string, citations: readonly { source: string; paragraph: number }[]) =>
      citations.forEach(({ source, paragraph }) => {
        const key = `${source} ${paragraph} ${kind}`;
        citing.set(key, new Set([...(citing.get(key) ?? []), slug]));
      });
    for (const event of events) {
      note('events', event.slug, event.citations);
      for (const claim of event.claims) note('events', event.slug, claim.citations);
    }
    for (const { record } of dataset.figures) {
      note('figures', record.slug, record.citations);
      for (const claim of record.claims) note('figures', record.slug, claim.citations);
    }
    const listed = new Map<string, Set<string>>();
    for (const { record: manifest } of dataset.coverage) {
      for (const [paragraph, entry] of Object.entries(manifest.paragraphs)) {
        if ('skip' in entry) continue;
        if (entry.events?.length) listed.set(`${manifest.source} ${paragraph} events`, new Set(entry.events));
        if (entry.figures?.length) listed.set(`${manifest.source} ${paragraph} figures`, new Set(entry.figures));
      }
    }
    const differences = [...new Set([...citing.keys(), ...listed.keys()])].sort().flatMap((key) => {
      const cited = citing.get(key) ?? new Set<string>();
      const inManifest = listed.get(key) ?? new Set<string>();
      return [
        ...[...cited]
          .filter((slug) => !inManifest.has(slug))
          .map((slug) => `${key}: ${slug} cites it but the manifest does not list it`),
        ...[...inManifest]
          .filter((slug) => !cited.has(slug))
          .map((slug) => `${key}: the manifest lists ${slug}, which does not cite it`),
      ];
    });
    expect(differences).toEqual([]);
  });

  it.skipIf(!sourcesPresent)(
    'points every locator at a paragraph that exists and accounts for every paragraph of every document',
    () => {
      expect(checkAgainstDocuments(dataset, defaultSourcesDir()).map(formatProblem)).toEqual([]);
    },
  );
});

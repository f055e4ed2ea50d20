// Citation.passage: the cited paragraph's text, cut as seeds/README.md counts paragraphs, when the
// server has the documents (SOURCES_DIR); null without them, and null for a document it lacks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BilateralStore } from '@bilateral/store';
import { openFixtureStore } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { createBilateralYoga } from '../yoga.ts';

const CITATIONS = /* GraphQL */ `
  query {
    events(first: 50) {
      edges {
        node {
          citations {
            paragraph
            passage
            source {
              slug
            }
          }
        }
      }
    }
  }
`;

interface CitationResult {
  paragraph: number;
  passage: string | null;
  source: { slug: string };
}

// fixture-news is `002_8880533634fae7ba.txt` (blank-lines); fixture-journal's file is left out.
// Paragraph n spans two lines, which the passage joins with one space.
const NEWS_FILE = '002_8880533634fae7ba.txt';
const newsText = Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1} begins\n  and ends here.`).join(
  '\n\n',
);

describe('Citation.passage', () => {
  let store: BilateralStore;
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-passages-'));
  beforeAll(() => {
    store = openFixtureStore();
    writeFileSync(join(dir, NEWS_FILE), newsText);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const citations = async (sourcesDir?: string) => {
    const yoga = createBilateralYoga({ store, logging: false, sourcesDir });
    const result = await execute(yoga, CITATIONS);
    expect(result.errors).toBeUndefined();
    return (result.data.events.edges as { node: { citations: CitationResult[] } }[]).flatMap(
      (edge) => edge.node.citations,
    );
  };

  it("gives each cited paragraph's text from the documents directory", async () => {
    const news = (await citations(dir)).filter((citation) => citation.source.slug === 'fixture-news');
    expect(news.length).toBeGreaterThan(0);
    for (const citation of news) expect(citation.passage).toBe(`Paragraph ${citation.paragraph} begins and ends here.`);
  });

  it('is null for a document the directory lacks', async () => {
    const journal = (await citations(dir)).filter((citation) => citation.source.slug === 'fixture-journal');
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.map((citation) => citation.passage)).toEqual(journal.map(() => null));
  });

  it('is null for every citation when the server has no documents directory', async () => {
    const all = await citations();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((citation) => citation.passage === null)).toBe(true);
  });
});

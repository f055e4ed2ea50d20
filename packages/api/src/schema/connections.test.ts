// A connection asked only for its count reads no page: the sources list shows each document's number
// of citations, and reading a page of every document's citations to count them cost a scan of each.
import { describe, expect, it, vi } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';

const api = useFixtureApi();

describe('Source.citations asked for its count alone', () => {
  it('counts the citations without reading a page of them, and reads the page when edges are asked for', async () => {
    const pages = vi.spyOn(api.store, 'citationPagesBySourceIds');
    const counted = await execute(
      api.yoga,
      '{ sources(first: 5) { edges { node { slug citations(first: 1) { __typename totalCount } } } } }',
    );
    expect(pages).not.toHaveBeenCalled();
    const listed = await execute(
      api.yoga,
      '{ sources(first: 5) { edges { node { slug citations(first: 1) { totalCount edges { node { paragraph } } } } } } }',
    );
    expect(pages).toHaveBeenCalled();
    pages.mockRestore();
    const counts = (result: typeof counted) =>
      (
        result.data as { sources: { edges: { node: { slug: string; citations: { totalCount: number } } }[] } }
      ).sources.edges.map(({ node }) => [node.slug, node.citations.totalCount]);
    expect(counts(counted)).toEqual(counts(listed));
    expect(counts(counted).some(([, count]) => Number(count) > 0)).toBe(true);
  });
});

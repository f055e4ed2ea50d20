import { createClient } from '@bilateral/sdk';

/**
 * An event of the served data that the explorer's tests and screenshots show: dated to a year, with
 * another year that a source gives for it (the seeds change; the shape they need does not). Asked
 * through the SDK, as the explorer asks, so it works under TRUSTED_DOCUMENTS_ONLY.
 */
export async function yearEventWithCompetingYear(
  graphqlUrl: string,
): Promise<{ slug: string; year: number; competing: number }> {
  const bilateral = createClient({ url: graphqlUrl });
  for await (const page of pages(bilateral)) {
    for (const { node } of page.edges) {
      if (node.date.precision !== 'YEAR' || !node.date.earliest) continue;
      const competing = node.conflicts
        .filter((conflict) => conflict.field === 'DATE')
        .flatMap((conflict) => conflict.claims)
        .find((claim) => !claim.preferred && claim.date?.precision === 'YEAR');
      if (competing?.date?.earliest)
        return {
          slug: node.slug,
          year: Number(node.date.earliest.slice(0, 4)),
          competing: Number(competing.date.earliest.slice(0, 4)),
        };
    }
  }
  throw new Error('no event dated to a year has another year from a source');
}

async function* pages(bilateral: ReturnType<typeof createClient>) {
  let after: string | undefined;
  do {
    const page = await bilateral.timelineEvents({
      filter: { hasConflicts: true },
      first: 100,
      ...(after ? { after } : {}),
    });
    yield page;
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  } while (after);
}

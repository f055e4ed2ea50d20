// Apollo Client with the SDK's typed documents: a normalised cache, and `relayStylePagination` merging
// the pages of `events` into one list. Run against a server with `npx tsx examples/apollo.ts`
// (BILATERAL_URL defaults to http://localhost:4000/graphql).
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { EventsDocument } from '@bilateral/sdk/documents';

export function createApolloClient(uri: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({
      // Pages of the same filter and order are one list in the cache; `first`/`after` only page it.
      typePolicies: { Query: { fields: { events: relayStylePagination(['filter', 'orderBy']) } } },
    }),
  });
}

/** Fetches `pages` pages of Pakistan–Russia events and reads them back from the cache as one list. */
export async function pagedEventSlugs(client: ApolloClient, pageSize: number, pages: number): Promise<string[]> {
  const filter = { actors: ['pakistan', 'russia'], actorsMatch: 'ALL' as const };
  let after: string | null | undefined;
  for (let page = 0; page < pages; page++) {
    // network-only: the cache already answers `events` with the pages it holds, whatever `after` says.
    const { data } = await client.query({
      query: EventsDocument,
      variables: { filter, first: pageSize, after },
      fetchPolicy: 'network-only',
    });
    after = data?.events.pageInfo.endCursor;
    if (!data?.events.pageInfo.hasNextPage) break;
  }
  const merged = client.readQuery({ query: EventsDocument, variables: { filter, first: pageSize } });
  return merged?.events.edges.map((edge) => edge.node.slug) ?? [];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const client = createApolloClient(process.env.BILATERAL_URL ?? 'http://localhost:4000/graphql');
  console.log(await pagedEventSlugs(client, 3, 2));
}

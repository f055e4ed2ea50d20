// urql (@urql/core) with the SDK's typed documents: variables and results are typed from the
// operation, and no graphql-js is needed at run time. Run against a server with
// `npx tsx examples/urql.ts` (BILATERAL_URL defaults to http://localhost:4000/graphql).
import { EventDocument, EventsDocument } from '@bilateral/sdk/documents';
import { Client, fetchExchange } from '@urql/core';

export function createUrqlClient(url: string): Client {
  return new Client({ url, exchanges: [fetchExchange] });
}

/** The titles of the first page of defence events, and the sources behind the first of them. */
export async function defenceEventsWithSources(client: Client): Promise<{ titles: string[]; sources: string[] }> {
  const page = await client.query(EventsDocument, { filter: { sectors: ['DEFENCE'] }, first: 5 }).toPromise();
  if (page.error) throw page.error;
  const events = page.data?.events.edges.map((edge) => edge.node) ?? [];
  const first = events[0];
  if (!first) return { titles: [], sources: [] };
  const detail = await client.query(EventDocument, { slug: first.slug }).toPromise();
  if (detail.error) throw detail.error;
  return {
    titles: events.map((event) => event.title),
    sources: detail.data?.event?.citations.map((citation) => citation.source.title) ?? [],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const client = createUrqlClient(process.env.BILATERAL_URL ?? 'http://localhost:4000/graphql');
  console.log(await defenceEventsWithSources(client));
}

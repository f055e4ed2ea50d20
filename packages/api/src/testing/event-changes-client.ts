import { decodeGlobalID } from '@pothos/plugin-relay';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A visit citing a real paragraph, `participants` by slug (the first visits, the others host): what the tests with several servers write. */
export const visitInput = (slug: string, participants = ['pakistan', 'russia'], year = 2019) => ({
  slug,
  title: `Talks ${slug}`,
  summary: 'Delegations held talks.',
  kind: 'VISIT',
  date: String(year),
  sectors: ['DIPLOMACY'],
  participants: participants.map((actor, n) => ({ actor, role: n ? 'HOST' : 'VISITOR' })),
  citations: [{ source: 'blog-2022-pakistan-russia-relationship', paragraph: 4 }],
});

/**
 * Subscribes to `eventChanged` (from `after`, when given) on the server whose GraphQL URL is
 * `graphqlUrl`, over graphql-ws without retries. Each delivery is reported as the changed event's
 * row ID (what the revision log speaks of) and the change's cursor; a failed delivery as its error
 * code in place of the ID, so a check that fails says why. Dispose of the client returned.
 */
export function subscribeToEventChanges(
  graphqlUrl: string,
  onChange: (id: string, cursor: string) => void,
  after?: string,
): Client {
  const client = createClient({ url: graphqlUrl.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
  client.subscribe(
    {
      query: 'subscription ($after: String) { eventChanged(after: $after) { id changeCursor } }',
      variables: { after },
    },
    {
      next: (result) => {
        const event = (result.data as { eventChanged?: { id: string; changeCursor: string } } | undefined)
          ?.eventChanged;
        if (event) onChange(decodeGlobalID(event.id).id, event.changeCursor);
        else onChange(String(result.errors?.[0]?.extensions?.code ?? 'no event'), '');
      },
      error: () => {},
      complete: () => {},
    },
  );
  return client;
}

/**
 * Under each view: the same events as CSV or JSON Lines from the server's export endpoints, with the
 * view's filter, and the view's own request as a GraphiQL tab (its document and variables).
 */
import { type EventFilter, exportUrl } from '@bilateral/sdk';
import { useEffect, useState } from 'preact/hooks';
import { GRAPHQL_PATH } from './client.ts';
import { html } from './html.ts';

/** An SDK document: its trusted-document ID names its text in the SDK's manifest. */
interface SdkDocument {
  __meta__?: Record<string, unknown> | undefined;
}

// The manifest is only needed for this link, so it is a chunk of its own (the SDK's transport loads
// the same chunk when a server does not know an ID).
let manifest: Promise<Record<string, string>> | undefined;
const documentText = async (document: SdkDocument) => {
  manifest ??= import('@bilateral/sdk/persisted-documents.json', { with: { type: 'json' } }).then(
    (module) => module.default,
  );
  return (await manifest)[String(document.__meta__?.hash)];
};

export function graphiqlHref(text: string, variables: unknown): string {
  const query = new URLSearchParams({ query: text, variables: JSON.stringify(variables ?? {}, null, 2) });
  return `${GRAPHQL_PATH}?${query}`;
}

interface ViewLinksProps {
  /** The events the view shows, as the exports filter them; no export links without it. */
  exportFilter?: EventFilter | undefined;
  /** What the export links download, in words ("these events" unless said). */
  exportWhat?: string;
  document: SdkDocument;
  variables: unknown;
}

export function ViewLinks({ exportFilter, exportWhat = 'these events', document, variables }: ViewLinksProps) {
  const [graphiql, setGraphiql] = useState<string>();
  const variablesKey = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    documentText(document).then((text) => current && text && setGraphiql(graphiqlHref(text, variables)));
    return () => {
      current = false;
    };
  }, [document, variablesKey]);
  return html`
    <p class="view-links">
      ${
        exportFilter &&
        html`Download ${exportWhat} as${' '}
        <a href=${exportUrl(GRAPHQL_PATH, 'events.csv', exportFilter)} download>CSV</a>${' or '}
        <a href=${exportUrl(GRAPHQL_PATH, 'events.jsonl', exportFilter)} download>JSON Lines</a>.${' '}`
      }
      ${graphiql && html`<a href=${graphiql} target="_blank" rel="noopener">This view as a GraphQL query</a>`}
    </p>
  `;
}

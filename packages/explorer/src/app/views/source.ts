/**
 * Sources: the documents cited, and for one document which paragraphs are cited and by what (its
 * coverage manifest), in paragraph order, a page at a time.
 */
import { SourceDocument, type SourceQuery, SourcesDocument } from '@bilateral/sdk';
import { bilateral } from '../client.ts';
import { label, Pager } from '../event-list.ts';
import { html } from '../html.ts';
import { viewHref } from '../route.ts';
import { Status } from '../status.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';

const CITATIONS_PAGE = 50;

type Supported = NonNullable<SourceQuery['source']>['citations']['edges'][number]['node']['supports'];

function supported(record: Supported) {
  switch (record.__typename) {
    case 'Event':
      return html`event <a href=${viewHref('event', { slug: record.slug })}>${record.title}</a>`;
    case 'Actor':
      return html`actor <a href=${viewHref('actor', { slug: record.slug })}>${record.name}</a>`;
    case 'Office':
      return html`office ${record.title} of <a href=${viewHref('actor', { slug: record.holder.slug })}>${record.holder.name}</a>`;
    case 'Claim':
      return html`a claim that the ${label(record.field)} is ${record.value}`;
    case 'Figure':
      return html`figure ${record.label}`;
    default:
      return null;
  }
}

export function SourcesView() {
  const variables = { first: 20 };
  const state = useQuery('sources', () => bilateral.sources(variables));
  return html`
    <h1>Sources</h1>
    <${ViewLinks} document=${SourcesDocument} variables=${variables} />
    ${
      state.data
        ? html`<ul class="results">
          ${state.data.edges.map(
            ({ node }) => html`<li key=${node.id}>
              <a href=${viewHref('source', { slug: node.slug })}>${node.title}</a>
              <span class="meta">${[node.author, node.outlet, node.publishedOn?.display].filter(Boolean).join(', ')} · ${node.citations.totalCount} citations</span>
            </li>`,
          )}
        </ul>`
        : html`<${Status} state=${state} what="the sources" />`
    }
  `;
}

export function SourceView({ params }: { params: URLSearchParams }) {
  const slug = params.get('slug') ?? '';
  const after = params.get('after') ?? undefined;
  const variables = { slug, first: CITATIONS_PAGE, ...(after ? { after } : {}) };
  const state = useQuery(JSON.stringify(variables), () => bilateral.source(variables));
  const source = state.data;
  if (!source) return html`<h1>Source</h1><${Status} state=${state} what=${`the source “${slug}”`} />`;
  const citations = source.citations.edges.map((edge) => edge.node);
  return html`
    <h1>${source.title}</h1>
    <${ViewLinks}
      exportFilter=${{ sources: [slug] }}
      exportWhat="the events citing this source"
      document=${SourceDocument}
      variables=${variables}
    />
    <dl class="facts">
      ${source.author && html`<dt>Author</dt><dd>${source.author}</dd>`}
      ${source.outlet && html`<dt>Outlet</dt><dd>${source.outlet}</dd>`}
      ${source.publishedOn && html`<dt>Published</dt><dd>${source.publishedOn.display}</dd>`}
      <dt>Kind</dt>
      <dd>${label(source.genre)}</dd>
      <dt>File</dt>
      <dd>${source.file}</dd>
    </dl>
    <h2>What cites it, paragraph by paragraph</h2>
    <table class="coverage">
      <thead><tr><th scope="col">Paragraph</th><th scope="col">Supports</th><th scope="col">Note</th></tr></thead>
      <tbody>
        ${citations.map(
          (citation, index) => html`<tr key=${index}>
            <td>${citation.paragraph}</td>
            <td>${supported(citation.supports)}</td>
            <td>${citation.note ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <${Pager}
      pageInfo=${source.citations.pageInfo}
      totalCount=${source.citations.totalCount}
      shown=${citations.length}
      paged=${Boolean(after)}
      href=${(cursor?: string) => viewHref('source', { slug, after: cursor })}
    />
  `;
}

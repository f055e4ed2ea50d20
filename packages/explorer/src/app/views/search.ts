/**
 * Search: words alone search events, actors, figures and sources with highlighted snippets; with any
 * other filter (kind, sector, actors, dates) the events matching all of them are listed instead,
 * since `search` takes words only. No words and no filter lists every event by date, a page at a time.
 */
import { EventListDocument, SearchDocument, type SearchQuery } from '@bilateral/sdk';
import { bilateral } from '../client.ts';
import { EventList, label, Pager } from '../event-list.ts';
import { eventFilterOf, FILTER_PARAMS, FilterForm, filterParamsOf, narrowsEvents } from '../filters.ts';
import { html } from '../html.ts';
import { viewHref } from '../route.ts';
import { Snippet } from '../snippet.ts';
import { Status } from '../status.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';

const PAGE_SIZE = 20;

type Hit = SearchQuery['search']['edges'][number]['node'];

/** The hit's record, told apart by the fields the Search operation selects for each type. */
function hitLink(hit: Hit) {
  const record = hit.record;
  if ('date' in record)
    return html`<a href=${viewHref('event', { slug: record.slug })}>${record.title}</a>
      <span class="date">${record.date.display}</span>`;
  if ('name' in record) return html`<a href=${viewHref('actor', { slug: record.slug })}>${record.name}</a>`;
  if ('label' in record) return html`<span>${record.label}: ${record.value} ${record.currency ?? ''}</span>`;
  return html`<a href=${viewHref('source', { slug: record.slug })}>${record.title}</a>`;
}

function SearchHits({ words, after }: { words: string; after: string | undefined }) {
  const variables = { query: words, first: PAGE_SIZE, ...(after ? { after } : {}) };
  const state = useQuery(JSON.stringify(['search', variables]), () => bilateral.search(variables));
  if (!state.data) return html`<${Status} state=${state} what="the search results" />`;
  const { edges, pageInfo, totalCount } = state.data;
  return html`
    <${ViewLinks}
      exportFilter=${{ text: words }}
      exportWhat="the events these words find"
      document=${SearchDocument}
      variables=${variables}
    />
    ${edges.length === 0 && html`<p>Nothing matches.</p>`}
    <ol class="results">
      ${edges.map(
        ({ node }) => html`<li key=${node.id}>
          <span class="kind-tag">${label(node.type)}</span> ${hitLink(node)}
          <div><${Snippet} text=${node.snippet} /></div>
        </li>`,
      )}
    </ol>
    <${Pager}
      pageInfo=${pageInfo}
      totalCount=${totalCount}
      shown=${edges.length}
      paged=${Boolean(after)}
      href=${(cursor?: string) => viewHref('search', { q: words, after: cursor })}
    />
  `;
}

function FilteredEvents({ params, after }: { params: URLSearchParams; after: string | undefined }) {
  const filterParams = filterParamsOf(params);
  const filter = eventFilterOf(filterParams);
  const variables = { filter, first: PAGE_SIZE, ...(after ? { after } : {}) };
  const state = useQuery(JSON.stringify(['events', variables]), () => bilateral.eventList(variables));
  if (!state.data) return html`<${Status} state=${state} what="the events" />`;
  const { edges, pageInfo, boundedCount } = state.data;
  return html`
    <${ViewLinks} exportFilter=${filter} document=${EventListDocument} variables=${variables} />
    <${EventList} events=${edges.map((edge) => edge.node)} />
    <${Pager}
      pageInfo=${pageInfo}
      totalCount=${boundedCount}
      shown=${edges.length}
      paged=${Boolean(after)}
      href=${(cursor?: string) => viewHref('search', { ...filterParams, after: cursor })}
    />
  `;
}

export function SearchView({ params }: { params: URLSearchParams }) {
  const filterParams = filterParamsOf(params);
  const after = params.get('after') ?? undefined;
  const words = filterParams.q;
  return html`
    <h1>Search</h1>
    <${FilterForm} view="search" params=${filterParams} fields=${FILTER_PARAMS} />
    ${
      words && !narrowsEvents(filterParams)
        ? html`<${SearchHits} words=${words} after=${after} />`
        : html`<${FilteredEvents} params=${params} after=${after} />`
    }
  `;
}

/**
 * Timeline: the events matching the filters, 100 at a time in date order (the next hundred on request,
 * never all at once), drawn at their real precision.
 */
import { type EventFilter, EventsDocument, type EventsQuery } from '@bilateral/sdk';
import { useEffect, useState } from 'preact/hooks';
import { bilateral } from '../client.ts';
import { eventFilterOf, FILTER_PARAMS, FilterForm, filterParamsOf } from '../filters.ts';
import { html } from '../html.ts';
import { Status } from '../status.ts';
import { TimelineChart } from '../timeline-chart.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';

const PAGE_SIZE = 100;

type EventsPage = EventsQuery['events'];

/** The first page of events for a filter, and the pages after it as they are asked for. */
export function usePagedEvents(filter: EventFilter) {
  const key = JSON.stringify(filter);
  const first = useQuery(key, () => bilateral.events({ filter, first: PAGE_SIZE }));
  const [later, setLater] = useState<{ key: string; pages: EventsPage[]; loading: boolean }>({
    key,
    pages: [],
    loading: false,
  });
  useEffect(() => setLater({ key, pages: [], loading: false }), [key]);
  const pages = first.data ? [first.data, ...(later.key === key ? later.pages : [])] : [];
  const last = pages.at(-1);
  const more =
    last?.pageInfo.hasNextPage && last.pageInfo.endCursor && !later.loading
      ? () => {
          setLater({ key, pages: later.pages, loading: true });
          bilateral.events({ filter, first: PAGE_SIZE, after: last.pageInfo.endCursor }).then(
            (page) => setLater({ key, pages: [...later.pages, page], loading: false }),
            () => setLater({ key, pages: later.pages, loading: false }),
          );
        }
      : undefined;
  return { first, events: pages.flatMap((page) => page.edges.map((edge) => edge.node)), more };
}

export function TimelineView({ params }: { params: URLSearchParams }) {
  const filterParams = filterParamsOf(params);
  const filter = eventFilterOf(filterParams);
  const { first, events, more } = usePagedEvents(filter);
  return html`
    <h1>Timeline</h1>
    <${FilterForm} view="timeline" params=${filterParams} fields=${FILTER_PARAMS} />
    <${ViewLinks} exportFilter=${filter} document=${EventsDocument} variables=${{ filter, first: PAGE_SIZE }} />
    ${
      first.data
        ? html`
          <p>${events.length} of ${first.data.totalCount} events shown.</p>
          ${events.length > 0 && html`<${TimelineChart} items=${events} label="Events by date" />`}
          ${more && html`<button type="button" onClick=${more}>Show the next ${PAGE_SIZE}</button>`}
        `
        : html`<${Status} state=${first} what="the events" />`
    }
  `;
}

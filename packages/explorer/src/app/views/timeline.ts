/**
 * Timeline: the events matching the filters, 100 at a time in date order (the next hundred on request,
 * never all at once), drawn at their real precision with the dates other sources give.
 */
import { type EventFilter, TimelineEventsDocument, type TimelineEventsQuery } from '@bilateral/sdk';
import { useEffect, useState } from 'preact/hooks';
import { bilateral } from '../client.ts';
import { countLabel } from '../event-list.ts';
import { eventFilterOf, FILTER_PARAMS, FilterForm, filterParamsOf } from '../filters.ts';
import { html } from '../html.ts';
import { Status } from '../status.ts';
import { TimelineChart, type TimelineItem } from '../timeline-chart.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';

const PAGE_SIZE = 100;

type EventsPage = TimelineEventsQuery['events'];
type TimelineEvent = EventsPage['edges'][number]['node'];

/** An event as the chart draws it: its date, and the dates other sources give for it. */
const timelineItem = (event: TimelineEvent): TimelineItem => ({
  ...event,
  competing: event.conflicts
    .filter((conflict) => conflict.field === 'DATE')
    .flatMap((conflict) => conflict.claims.flatMap((claim) => (!claim.preferred && claim.date ? [claim.date] : []))),
});

/** The first page of events for a filter, and the pages after it as they are asked for. */
function usePagedEvents(filter: EventFilter) {
  const key = JSON.stringify(filter);
  const first = useQuery(key, () => bilateral.timelineEvents({ filter, first: PAGE_SIZE }));
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
          bilateral.timelineEvents({ filter, first: PAGE_SIZE, after: last.pageInfo.endCursor }).then(
            (page) => setLater({ key, pages: [...later.pages, page], loading: false }),
            () => setLater({ key, pages: later.pages, loading: false }),
          );
        }
      : undefined;
  return { first, events: pages.flatMap((page) => page.edges.map((edge) => timelineItem(edge.node))), more };
}

/** The chart of a filter's events, with the count and the button for the next page. */
export function PagedTimeline({ filter, label }: { filter: EventFilter; label: string }) {
  const { first, events, more } = usePagedEvents(filter);
  if (!first.data) return html`<${Status} state=${first} what="the events" />`;
  return html`
    <p>${`${events.length} of ${countLabel(first.data.boundedCount)} events shown.`}</p>
    ${events.length > 0 && html`<${TimelineChart} items=${events} label=${label} />`}
    ${more && html`<button type="button" onClick=${more}>Show the next ${PAGE_SIZE}</button>`}
  `;
}

export function TimelineView({ params }: { params: URLSearchParams }) {
  const filterParams = filterParamsOf(params);
  const filter = eventFilterOf(filterParams);
  return html`
    <h1>Timeline</h1>
    <${FilterForm} view="timeline" params=${filterParams} fields=${FILTER_PARAMS} />
    <${ViewLinks} exportFilter=${filter} document=${TimelineEventsDocument} variables=${{ filter, first: PAGE_SIZE }} />
    <${PagedTimeline} filter=${filter} label="Events by date" />
  `;
}

// A page of events as a list: date (at its precision), title linking to the event page, kind and
// participants; and the links to the pages around it.
import type { EventNode, PageInfoPartsFragment } from '@bilateral/sdk';
import { html } from './html.ts';
import { viewHref } from './route.ts';

export const label = (value: string) => value.toLowerCase().replaceAll('_', ' ');

export function EventList({ events }: { events: readonly EventNode[] }) {
  if (events.length === 0) return html`<p>No events match.</p>`;
  return html`<ol class="results">
    ${events.map(
      (event) => html`<li key=${event.id}>
        <span class="date">${event.date.display}</span>
        <a href=${viewHref('event', { slug: event.slug })}>${event.title}</a>
        <span class="meta"
          >${label(event.kind)}${event.hasConflicts ? ' · sources disagree' : ''} ·
          ${event.participants.map((participant) => participant.actor.name).join(', ')}</span
        >
      </li>`,
    )}
  </ol>`;
}

/** A count as a list shows it: a bounded count that stopped at its limit reads "10,000+". */
export const countLabel = ({ count, limited }: { count: number; limited: boolean }) =>
  limited ? `${count.toLocaleString('en')}+` : String(count);

interface PagerProps {
  pageInfo: PageInfoPartsFragment;
  /** How many the list holds: a number, or a bounded count (`countLabel`). */
  totalCount: number | { count: number; limited: boolean };
  shown: number;
  /** The view's URL for a page starting after a cursor (the first page without one). */
  href: (after?: string) => string;
  /** Whether this is a later page (`after` given). */
  paged: boolean;
}

export function Pager({ pageInfo, totalCount, shown, href, paged }: PagerProps) {
  return html`<nav class="pager" aria-label="Pages">
    <span>${shown} shown of ${typeof totalCount === 'number' ? totalCount : countLabel(totalCount)}</span>
    ${paged && html`<a href=${href()}>First page</a>`}
    ${pageInfo.hasNextPage && pageInfo.endCursor && html`<a href=${href(pageInfo.endCursor)} rel="next">Next page</a>`}
  </nav>`;
}

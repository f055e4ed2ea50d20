/**
 * Event page: what happened and when (at the date's precision, with the curators' basis when the
 * date rests on more than the cited passages), who took part in what role, the passages that state
 * it, each disputed field's claims side by side with their sources, related events, and the record's
 * revision history.
 */
import { EventDocument, type EventQuery } from '@bilateral/sdk';
import { Citations } from '../citations.ts';
import { bilateral } from '../client.ts';
import { label } from '../event-list.ts';
import { html } from '../html.ts';
import { viewHref } from '../route.ts';
import { Status } from '../status.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';

type EventDetail = NonNullable<EventQuery['event']>;

const REVISIONS = 10;

function Conflicts({ conflicts }: { conflicts: EventDetail['conflicts'] }) {
  if (conflicts.length === 0) return null;
  return html`<section aria-labelledby="conflicts-heading">
    <h2 id="conflicts-heading">Where sources disagree</h2>
    ${conflicts.map(
      (conflict) => html`<div class="conflict" key=${conflict.field}>
        <h3>${label(conflict.field)}</h3>
        <div class="claims">
          ${conflict.claims.map(
            (claim) => html`<article class=${`claim${claim.preferred ? ' preferred' : ''}`} key=${claim.id}>
              <p class="claim-value">${claim.value}</p>
              <p>${claim.preferred ? 'Preferred' : 'Not preferred'} · ${label(claim.status)}</p>
              ${claim.reason && html`<p class="note">${claim.reason}</p>`}
              <${Citations} citations=${claim.citations} />
            </article>`,
          )}
        </div>
      </div>`,
    )}
  </section>`;
}

function History({ slug }: { slug: string }) {
  const state = useQuery(`history:${slug}`, () => bilateral.eventHistory({ slug }));
  if (!state.data) return html`<${Status} state=${state} what="the revision history" />`;
  return html`<ol class="revisions">
    ${state.data.revisions.slice(0, REVISIONS).map(
      (revision) => html`<li key=${revision.version}>
        Version ${revision.version}: ${label(revision.operation)} on ${revision.at.slice(0, 10)}
        ${revision.keyId == null ? ' by the seed loader' : ` with API key ${revision.keyId}`}
      </li>`,
    )}
  </ol>`;
}

export function EventView({ params }: { params: URLSearchParams }) {
  const slug = params.get('slug') ?? '';
  const state = useQuery(`event:${slug}`, () => bilateral.event({ slug }));
  const event = state.data;
  if (!event) return html`<h1>Event</h1><${Status} state=${state} what=${`the event “${slug}”`} />`;
  return html`
    <article class="event">
      <h1>${event.title}</h1>
      <${ViewLinks} exportFilter=${{ slugs: [slug] }} exportWhat="this event" document=${EventDocument} variables=${{ slug }} />
      <dl class="facts">
        <dt>Date</dt>
        <dd>
          ${event.date.display} <span class="meta">(known to the ${label(event.date.precision)}${event.date.approximate ? ', approximate' : ''}: ${event.date.earliest ?? 'no known start'} to ${event.date.latest ?? 'no known end'})</span>
          ${event.dateBasis && html`<p class="note">Date basis: ${event.dateBasis}</p>`}
        </dd>
        <dt>Kind</dt>
        <dd>${label(event.kind)}${event.coding.cameo && ` (CAMEO ${event.coding.cameo}, Goldstein ${event.coding.goldstein})`}</dd>
        <dt>Sectors</dt>
        <dd>${event.sectors.map(label).join(', ')}</dd>
        ${event.place && html`<dt>Place</dt><dd>${event.place}</dd>`}
        ${event.amount && html`<dt>Amount</dt><dd>${event.amount.approximate ? 'about ' : ''}${event.amount.value} ${event.amount.currency}</dd>`}
        ${event.quantity && html`<dt>Quantity</dt><dd>${event.quantity.value} ${event.quantity.unit}</dd>`}
      </dl>
      <p class="summary">${event.summary}</p>
      <h2>Participants</h2>
      <ul>
        ${event.participants.map(
          (participant) => html`<li key=${participant.actor.id}>
            <a href=${viewHref('actor', { slug: participant.actor.slug })}>${participant.actor.name}</a>, ${label(participant.role)}
          </li>`,
        )}
      </ul>
      <h2>Sources</h2>
      <${Citations} citations=${event.citations} />
      <${Conflicts} conflicts=${event.conflicts} />
      ${
        event.links.length > 0 &&
        html`<h2>Related events</h2>
        <ul>
          ${event.links.map(
            (link) => html`<li key=${link.event.id + link.type}>
              ${label(link.type)} (${link.direction === 'OUTGOING' ? 'this event points at it' : 'it points at this event'}):
              <a href=${viewHref('event', { slug: link.event.slug })}>${link.event.title}</a>, ${link.event.date.display}
            </li>`,
          )}
        </ul>`
      }
      <h2>Revision history</h2>
      <${History} slug=${slug} />
    </article>
  `;
}

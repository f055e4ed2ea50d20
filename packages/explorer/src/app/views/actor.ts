/**
 * Actor page: names and aliases, offices held, predecessor and successors, the heaviest relationships,
 * and the actor's events on a timeline, 100 at a time.
 */
import { ActorDocument } from '@bilateral/sdk';
import { bilateral } from '../client.ts';
import { label } from '../event-list.ts';
import { html } from '../html.ts';
import { viewHref } from '../route.ts';
import { Status } from '../status.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';
import { PagedTimeline } from './timeline.ts';

const RELATIONSHIPS = 10;

function Relationships({ slug }: { slug: string }) {
  const state = useQuery(`relationships:${slug}`, () => bilateral.actorRelationships({ slug, first: RELATIONSHIPS }));
  if (!state.data) return html`<${Status} state=${state} what="the relationships" />`;
  const edges = state.data.relationships.edges;
  return html`<ol>
    ${edges.map(
      ({ node }) => html`<li key=${node.actor.id}>
        <a href=${viewHref('actor', { slug: node.actor.slug })}>${node.actor.name}</a
        >${`: ${node.weight} shared events, ${node.firstDate} to ${node.lastDate} (`}<a href=${viewHref('network', { pair: [slug, node.actor.slug].sort().join('~') })}>list them</a>)
      </li>`,
    )}
  </ol>`;
}

export function ActorView({ params }: { params: URLSearchParams }) {
  const slug = params.get('slug') ?? '';
  // The events come with the timeline, a page at a time; the actor's own page of events is not needed.
  const variables = { slug, eventsFirst: 1 };
  const state = useQuery(JSON.stringify(variables), () => bilateral.actor(variables));
  const actor = state.data;
  if (!actor) return html`<h1>Actor</h1><${Status} state=${state} what=${`the actor “${slug}”`} />`;
  return html`
    <h1>${actor.name}</h1>
    <${ViewLinks} exportFilter=${{ actors: [slug] }} document=${ActorDocument} variables=${variables} />
    <dl class="facts">
      <dt>Kind</dt>
      <dd>${label(actor.kind)}${actor.country && html`, of <a href=${viewHref('actor', { slug: actor.country.slug })}>${actor.country.name}</a>`}</dd>
      ${
        actor.aliases.length > 0 &&
        html`<dt>Also known as</dt>
        <dd>${actor.aliases.map((alias) => `${alias.name} (${label(alias.kind)})`).join(', ')}</dd>`
      }
      ${
        actor.predecessor &&
        html`<dt>Predecessor</dt><dd><a href=${viewHref('actor', { slug: actor.predecessor.slug })}>${actor.predecessor.name}</a></dd>`
      }
      ${
        actor.successors.length > 0 &&
        html`<dt>Successors</dt>
        <dd>${actor.successors.map((successor) => html`<a href=${viewHref('actor', { slug: successor.slug })}>${successor.name}</a> `)}</dd>`
      }
    </dl>
    ${
      actor.offices.length > 0 &&
      html`<h2>Offices</h2>
      <ul>
        ${actor.offices.map(
          (office) => html`<li key=${office.title + (office.from ?? '')}>
            ${office.title}${office.organization && html`, <a href=${viewHref('actor', { slug: office.organization.slug })}>${office.organization.name}</a>`}
            ${office.fromDate && ` from ${office.fromDate.display}`}${office.toDate && ` to ${office.toDate.display}`}
          </li>`,
        )}
      </ul>`
    }
    <h2>Heaviest relationships</h2>
    <${Relationships} slug=${slug} />
    <h2>Events</h2>
    <${PagedTimeline} filter=${{ actors: [slug] }} label=${`Events of ${actor.name} by date`} />
  `;
}

/**
 * Network: who acts with whom, from the API's capped network (the busiest 100 actors and the 200
 * heaviest edges among them), filtered by period and sector. Selecting an edge (in the drawing or in
 * the list of heaviest pairs) lists the events the two share under the same filter.
 */
import { ActorNetworkDocument, type EventFilter, EventListDocument } from '@bilateral/sdk';
import { bilateral } from '../client.ts';
import { EventList, Pager } from '../event-list.ts';
import { eventFilterOf, FilterForm, filterParamsOf } from '../filters.ts';
import { html } from '../html.ts';
import { NetworkChart, pairKey } from '../network-chart.ts';
import { navigate, viewHref } from '../route.ts';
import { Status } from '../status.ts';
import { useQuery } from '../use-query.ts';
import { ViewLinks } from '../view-links.ts';

const FIELDS = ['sectors', 'from', 'to'] as const;
const NODES = 100;
const EDGES = 200;
const LISTED_PAIRS = 10;

function SharedEvents({
  pair,
  filter,
  after,
  href,
}: {
  pair: string;
  filter: EventFilter;
  after?: string | undefined;
  href: (after?: string) => string;
}) {
  const actors = pair.split('~');
  const variables = {
    filter: { ...filter, actors, actorsMatch: 'ALL' as const },
    first: 20,
    ...(after ? { after } : {}),
  };
  const state = useQuery(JSON.stringify(variables), () => bilateral.eventList(variables));
  if (!state.data) return html`<${Status} state=${state} what="the shared events" />`;
  return html`<section aria-labelledby="shared-heading">
    <h2 id="shared-heading">Events shared by ${actors.join(' and ')}</h2>
    <${ViewLinks} exportFilter=${variables.filter} document=${EventListDocument} variables=${variables} />
    <${EventList} events=${state.data.edges.map((edge) => edge.node)} />
    <${Pager}
      pageInfo=${state.data.pageInfo}
      totalCount=${state.data.boundedCount}
      shown=${state.data.edges.length}
      paged=${Boolean(after)}
      href=${href}
    />
  </section>`;
}

export function NetworkView({ params }: { params: URLSearchParams }) {
  const filterParams = filterParamsOf(params);
  const filter = eventFilterOf(filterParams, false);
  const selected = params.get('pair') ?? undefined;
  const variables = { filter, minWeight: 1, nodes: NODES, edges: EDGES };
  const state = useQuery(JSON.stringify(variables), () => bilateral.actorNetwork(variables));
  const pairHref = (pair: string, after?: string) =>
    viewHref('network', { sectors: filterParams.sectors, from: filterParams.from, to: filterParams.to, pair, after });
  const network = state.data;
  const slugOf = new Map(network?.nodes.map((node) => [node.id, node.actor] as const));
  const heaviest = network?.edges.slice(0, LISTED_PAIRS) ?? [];
  return html`
    <h1>Network</h1>
    <${FilterForm} view="network" params=${filterParams} fields=${FIELDS} keep=${{ pair: selected }} />
    <${ViewLinks} exportFilter=${filter} document=${ActorNetworkDocument} variables=${variables} />
    ${
      network
        ? html`
          <p>
            ${`${network.nodes.length} of ${network.nodeCount} actors and ${network.edges.length} of ${network.edgeCount} pairs shown; a line's width is the number of events the two share.`}
            ${network.eventsLimited && ' Counted from the 5,000 most recent matching events.'}
          </p>
          <${NetworkChart}
            nodes=${network.nodes}
            edges=${network.edges}
            selected=${selected}
            onSelect=${(pair: string) => navigate(pairHref(pair))}
          />
          <h2>Heaviest pairs</h2>
          <ol class="pairs">
            ${heaviest.map((edge) => {
              const source = slugOf.get(edge.source)!;
              const target = slugOf.get(edge.target)!;
              return html`<li key=${edge.source + edge.target}>
                <a href=${pairHref(pairKey(source.slug, target.slug))}>${source.name} and ${target.name}</a
                >${`: ${edge.weight} shared events, ${edge.firstDate} to ${edge.lastDate}`}
              </li>`;
            })}
          </ol>
          ${
            selected &&
            html`<${SharedEvents}
            pair=${selected}
            filter=${filter}
            after=${params.get('after') ?? undefined}
            href=${(after?: string) => pairHref(selected, after)}
          />`
          }
        `
        : html`<${Status} state=${state} what="the network" />`
    }
  `;
}

/**
 * The actor network drawn by a force layout, run to rest before drawing (a few hundred nodes at most,
 * so it takes milliseconds and nothing moves under the reader). Node size by events, edge width by
 * shared events, both also written in each element's accessible name. Nodes link to actor pages; an
 * edge is a button that selects the pair.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import { useMemo } from 'preact/hooks';
import { html } from './html.ts';
import { viewHref } from './route.ts';

export interface NetworkNodeData {
  id: string;
  eventCount: number;
  actor: { slug: string; name: string };
}
export interface NetworkEdgeData {
  source: string;
  target: string;
  weight: number;
}

const WIDTH = 1000;
const HEIGHT = 640;

interface LaidOutNode extends SimulationNodeDatum {
  node: NetworkNodeData;
}

function layout(nodes: readonly NetworkNodeData[], edges: readonly NetworkEdgeData[]) {
  const laidOut: LaidOutNode[] = nodes.map((node) => ({ node }));
  const byId = new Map(laidOut.map((entry) => [entry.node.id, entry]));
  const links = edges.map((edge) => ({ source: byId.get(edge.source)!, target: byId.get(edge.target)!, edge }));
  const radius = scaleSqrt()
    .domain([1, Math.max(1, ...nodes.map((node) => node.eventCount))])
    .range([4, 22]);
  forceSimulation(laidOut)
    .force('charge', forceManyBody().strength(-120))
    .force('link', forceLink(links).distance(90))
    .force(
      'collide',
      forceCollide<LaidOutNode>((entry) => radius(entry.node.eventCount) + 3),
    )
    .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
    .stop()
    .tick(300);
  const clamp = (value: number, limit: number) => Math.min(limit - 24, Math.max(24, value));
  for (const entry of laidOut) {
    entry.x = clamp(entry.x ?? 0, WIDTH);
    entry.y = clamp(entry.y ?? 0, HEIGHT);
  }
  return { laidOut, links, radius };
}

interface NetworkChartProps {
  nodes: readonly NetworkNodeData[];
  edges: readonly NetworkEdgeData[];
  /** The selected pair, as `slug~slug`. */
  selected: string | undefined;
  onSelect: (pair: string) => void;
}

export const pairKey = (a: string, b: string) => `${a}~${b}`;

export function NetworkChart({ nodes, edges, selected, onSelect }: NetworkChartProps) {
  const { laidOut, links, radius } = useMemo(() => layout(nodes, edges), [nodes, edges]);
  const width = scaleSqrt()
    .domain([1, Math.max(1, ...edges.map((edge) => edge.weight))])
    .range([1, 10]);
  // Names shown for the busiest actors; every node is named to assistive technology and on hover.
  const labelled = new Set(
    [...nodes]
      .sort((a, b) => b.eventCount - a.eventCount)
      .slice(0, 25)
      .map((node) => node.id),
  );
  return html`<svg class="network" viewBox=${`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="Actors and the events they share">
    <g class="edges">
      ${links.map(({ source, target, edge }) => {
        const key = pairKey(source.node.actor.slug, target.node.actor.slug);
        const name = `${source.node.actor.name} and ${target.node.actor.name}: ${edge.weight} shared events`;
        const choose = () => onSelect(key);
        return html`<g
          key=${key}
          class=${`edge${key === selected ? ' selected' : ''}`}
          role="button"
          tabindex="0"
          aria-label=${name}
          aria-pressed=${key === selected}
          data-pair=${key}
          onClick=${choose}
          onKeyDown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              choose();
            }
          }}
        >
          <title>${name}</title>
          <line class="hit" x1=${source.x} y1=${source.y} x2=${target.x} y2=${target.y} />
          <line x1=${source.x} y1=${source.y} x2=${target.x} y2=${target.y} stroke-width=${width(edge.weight)} />
        </g>`;
      })}
    </g>
    <g class="nodes">
      ${laidOut.map(
        (entry) => html`<a
          key=${entry.node.id}
          href=${viewHref('actor', { slug: entry.node.actor.slug })}
          aria-label=${`${entry.node.actor.name}: ${entry.node.eventCount} events`}
        >
          <title>${entry.node.actor.name} (${entry.node.eventCount} events)</title>
          <circle cx=${entry.x} cy=${entry.y} r=${radius(entry.node.eventCount)} />
          ${
            labelled.has(entry.node.id) &&
            html`<text x=${entry.x} y=${(entry.y ?? 0) - radius(entry.node.eventCount) - 3}>${entry.node.actor.name}</text>`
          }
        </a>`,
      )}
    </g>
  </svg>`;
}

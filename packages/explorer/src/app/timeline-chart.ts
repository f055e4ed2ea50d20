/**
 * Events on a time axis at the precision of their dates: a bar from the first to the last day a date
 * can mean (a year spans the year, a decade the decade), an event known to the day as a point, and the
 * dates other sources give as dashed outlines in the same row. A date with an open side ("by May 2018",
 * "from 2011") is a bar from its known end to the edge of the chart, fading out on the open side: the
 * chart's span is set by known days only. Zooms and pans (wheel, drag, or the
 * buttons, which the keyboard reaches) from the whole span down to a few days; each mark is a link to
 * its event.
 */
import { axisBottom } from 'd3-axis';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { type D3ZoomEvent, type ZoomBehavior, zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dayEnd, dayStart, days } from './dates.ts';
import { html } from './html.ts';
import { viewHref } from './route.ts';

export interface TimelineSpan {
  /** Null when the start is open. */
  earliest?: string | null;
  /** Null when the end is open. */
  latest?: string | null;
  display: string;
}

/** The known days of a span (one for an open date, whose other side is drawn to the chart's edge). */
const knownTimes = (span: TimelineSpan) => [
  ...(span.earliest ? [dayStart(span.earliest).getTime()] : []),
  ...(span.latest ? [dayEnd(span.latest).getTime()] : []),
];
const startTime = (span: TimelineSpan) => (span.earliest ? dayStart(span.earliest).getTime() : -Infinity);
const endTime = (span: TimelineSpan) => (span.latest ? dayEnd(span.latest).getTime() : Infinity);
/** An inline fill, which (unlike a `fill` attribute) wins over the stylesheet's `rect.bar`. */
const fadeOf = (span: TimelineSpan) =>
  !span.earliest ? 'fill: url(#open-start)' : !span.latest ? 'fill: url(#open-end)' : undefined;

export interface TimelineItem {
  slug: string;
  title: string;
  date: TimelineSpan & { precision: string };
  /** Dates other sources give, besides the preferred one. */
  competing?: readonly TimelineSpan[];
}

const WIDTH = 1000;
const MARGIN = 16;
const ROW = 16;
const AXIS = 28;
/** The narrowest view, in days. */
const NARROWEST_DAYS = 4;

interface Placed {
  item: TimelineItem;
  row: number;
  spans: { span: TimelineSpan; competing: boolean }[];
}

/** Rows so that no two marks overlap in time (with a small gap); earliest first. */
function placeInRows(items: readonly TimelineItem[], gap: number): Placed[] {
  const rowEnds: number[] = [];
  return [...items]
    .map((item) => ({ item, spans: [item.date, ...(item.competing ?? [])] }))
    .sort((a, b) => startTime(a.item.date) - startTime(b.item.date))
    .map(({ item, spans }) => {
      const start = Math.min(...spans.map(startTime));
      const end = Math.max(...spans.map(endTime));
      let row = rowEnds.findIndex((rowEnd) => rowEnd + gap <= start);
      if (row === -1) row = rowEnds.push(end) - 1;
      else rowEnds[row] = end;
      return { item, row, spans: spans.map((span, index) => ({ span, competing: index > 0 })) };
    });
}

export function TimelineChart({ items, label }: { items: readonly TimelineItem[]; label: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown>>(undefined);
  const [transform, setTransform] = useState(zoomIdentity);

  const { base, placed, rows } = useMemo(() => {
    const known = items.flatMap((item) => [item.date, ...(item.competing ?? [])].flatMap(knownTimes));
    const first = Math.min(...known);
    const last = Math.max(...known);
    const padding = Math.max((last - first) * 0.02, days(1));
    const scale = scaleUtc()
      .domain([new Date(first - padding), new Date(last + padding)])
      .range([MARGIN, WIDTH - MARGIN]);
    const laidOut = placeInRows(items, (last - first) / 200);
    return { base: scale, placed: laidOut, rows: Math.max(1, ...laidOut.map((place) => place.row + 1)) };
  }, [items]);
  const height = rows * ROW + AXIS + 8;
  const x = transform.rescaleX(base);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const [start, end] = base.domain() as [Date, Date];
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, Math.max(1, (end.getTime() - start.getTime()) / days(NARROWEST_DAYS))])
      .translateExtent([
        [0, 0],
        [WIDTH, height],
      ])
      .extent([
        [0, 0],
        [WIDTH, height],
      ])
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => setTransform(event.transform));
    zoomRef.current = behaviour;
    select(svg).call(behaviour).call(behaviour.transform, zoomIdentity);
    return () => {
      select(svg).on('.zoom', null);
    };
  }, [base, height]);

  useEffect(() => {
    if (axisRef.current) select(axisRef.current).call(axisBottom(x).ticks(8));
  });

  const zoomBy = (factor: number) => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.scaleBy, factor);
  };
  const panBy = (share: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current)
      select(svg).call(zoomRef.current.translateBy, (share * WIDTH) / zoomTransform(svg).k, 0);
  };
  const reset = () => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.transform, zoomIdentity);
  };
  const [domainStart, domainEnd] = x.domain() as [Date, Date];

  return html`
    <div class="timeline">
      <div class="chart-controls" role="group" aria-label="Zoom and pan the timeline">
        <button type="button" onClick=${() => zoomBy(2)}>Zoom in</button>
        <button type="button" onClick=${() => zoomBy(0.5)}>Zoom out</button>
        <button type="button" onClick=${() => panBy(0.5)} aria-label="Earlier">◀ Earlier</button>
        <button type="button" onClick=${() => panBy(-0.5)} aria-label="Later">Later ▶</button>
        <button type="button" onClick=${reset}>Whole span</button>
        <span class="legend"
          ><svg width="24" height="10" aria-hidden="true"><rect class="bar" x="0" y="1" width="24" height="8" /></svg>
          date known to a month, year or decade
          <svg width="10" height="10" aria-hidden="true"><circle class="point" cx="5" cy="5" r="4" /></svg> known to
          the day
          <svg width="24" height="10" aria-hidden="true"><rect class="competing" x="1" y="1" width="22" height="8" /></svg>
          a date another source gives
          <svg width="24" height="10" aria-hidden="true"><rect class="bar open" style="fill: url(#open-start)" x="0" y="1" width="24" height="8" /></svg>
          no known start (or end): fades out on that side</span
        >
      </div>
      <svg
        ref=${svgRef}
        viewBox=${`0 0 ${WIDTH} ${height}`}
        role="group"
        aria-label=${label}
        data-domain=${`${domainStart.toISOString()}/${domainEnd.toISOString()}`}
        data-range=${`${MARGIN},${WIDTH - MARGIN}`}
      >
        <defs>
          <clipPath id="timeline-plot"><rect x=${MARGIN} y="0" width=${WIDTH - 2 * MARGIN} height=${height} /></clipPath>
          <linearGradient id="open-start"><stop offset="0" class="fade-out" /><stop offset="1" class="fade-in" /></linearGradient>
          <linearGradient id="open-end"><stop offset="0" class="fade-in" /><stop offset="1" class="fade-out" /></linearGradient>
        </defs>
        <g clip-path="url(#timeline-plot)">
          ${placed.map(({ item, row, spans }) => {
            const y = row * ROW + 4;
            return html`<a
              key=${item.slug}
              href=${viewHref('event', { slug: item.slug })}
              aria-label=${`${item.title}, ${item.date.display}${item.competing?.length ? `; other sources: ${item.competing.map((span) => span.display).join(', ')}` : ''}`}
              data-slug=${item.slug}
            >
              <title>${item.title} (${item.date.display})</title>
              ${spans.map(({ span, competing }) => {
                const [plotStart, plotEnd] = x.range() as [number, number];
                const start = span.earliest ? x(dayStart(span.earliest)) : plotStart;
                const end = span.latest ? x(dayEnd(span.latest)) : plotEnd;
                const open = !span.earliest || !span.latest;
                if (!competing && !open && item.date.precision === 'DAY')
                  return html`<circle class="point" cx=${(start + end) / 2} cy=${y + 5} r="5" />`;
                return html`<rect
                  class=${competing ? 'competing' : open ? 'bar open' : 'bar'}
                  style=${competing ? undefined : fadeOf(span)}
                  x=${start}
                  y=${y}
                  width=${Math.max(end - start, 2)}
                  height="10"
                  data-earliest=${span.earliest ?? '..'}
                  data-latest=${span.latest ?? '..'}
                />`;
              })}
            </a>`;
          })}
        </g>
        <g class="axis" ref=${axisRef} transform=${`translate(0,${rows * ROW + 8})`} aria-hidden="true" />
      </svg>
    </div>
  `;
}

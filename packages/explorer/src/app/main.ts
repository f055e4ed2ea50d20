/**
 * The explorer: one page whose view and filters live in the query string (route.ts). Every request
 * goes through @bilateral/sdk's client (client.ts), by trusted-document ID.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './explorer.css';
import { html } from './html.ts';
import { followLink, type Route, useRoute, type View, viewHref } from './route.ts';
import { ActorView } from './views/actor.ts';
import { EventView } from './views/event.ts';
import { NetworkView } from './views/network.ts';
import { SearchView } from './views/search.ts';
import { SourcesView, SourceView } from './views/source.ts';
import { TimelineView } from './views/timeline.ts';

const NAVIGATION: [View, string][] = [
  ['search', 'Search'],
  ['timeline', 'Timeline'],
  ['network', 'Network'],
  ['sources', 'Sources'],
];

function CurrentView({ route }: { route: Route }) {
  const { params } = route;
  switch (route.view) {
    case 'search':
      return html`<${SearchView} params=${params} />`;
    case 'timeline':
      return html`<${TimelineView} params=${params} />`;
    case 'network':
      return html`<${NetworkView} params=${params} />`;
    case 'sources':
      return html`<${SourcesView} />`;
    case 'event':
      return html`<${EventView} params=${params} />`;
    case 'actor':
      return html`<${ActorView} params=${params} />`;
    case 'source':
      return html`<${SourceView} params=${params} />`;
  }
}

function App() {
  const route = useRoute();
  const key = route.params.toString();
  const moved = useRef(false);
  // After a move (not on the first load) focus goes to the new view, as a page load would put it.
  useEffect(() => {
    if (moved.current) document.getElementById('main')?.focus({ preventScroll: true });
    moved.current = true;
  }, [key]);
  return html`
    <a class="skip" href="#main">Skip to the view</a>
    <header>
      <p class="brand">Bilateral explorer</p>
      <nav aria-label="Views">
        ${NAVIGATION.map(
          ([view, name]) =>
            html`<a href=${viewHref(view)} aria-current=${route.view === view ? 'page' : undefined}>${name}</a>`,
        )}
        <a href="/graphql">GraphiQL</a>
      </nav>
    </header>
    <main id="main" tabindex="-1" key=${key}><${CurrentView} route=${route} /></main>
  `;
}

const root = document.getElementById('explorer')!;
root.replaceChildren();
document.addEventListener('click', followLink);
render(html`<${App} />`, root);

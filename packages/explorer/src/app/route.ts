/**
 * Where the explorer is: the view and its filters and selection, all in the query string, so that a
 * URL reproduces what was on screen. Moving means pushing a new URL; the app re-renders from it.
 */
import { useEffect, useState } from 'preact/hooks';

export const VIEWS = ['search', 'timeline', 'network', 'sources', 'event', 'actor', 'source'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const params = new URLSearchParams(location.search);
  const view = VIEWS.find((name) => name === params.get('view')) ?? 'search';
  return { view, params };
}

/** The explorer URL of a view with these parameters (empty ones left out). */
export function viewHref(view: View, params: Record<string, string | undefined> | URLSearchParams = {}): string {
  const query = new URLSearchParams({ view });
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [name, value] of entries) if (name !== 'view' && value) query.set(name, value);
  return `${location.pathname}?${query}`;
}

const listeners = new Set<() => void>();

export function navigate(href: string): void {
  history.pushState(null, '', href);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** The current route, re-read after `navigate` and the browser's back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A click on an explorer link moves without reloading the page (a modified click still opens a tab). */
export function followLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target || link.hasAttribute('download'))
    return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}

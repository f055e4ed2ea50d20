// What a view shows while its request runs, and when it failed (the API's message, which says what to fix).
import { html } from './html.ts';
import type { QueryState } from './use-query.ts';

export function Status({ state, what }: { state: QueryState<unknown>; what: string }) {
  if (state.status === 'loading') return html`<p class="status" role="status">Loading ${what}…</p>`;
  if (state.status === 'failed')
    return html`<p class="status error" role="alert">Could not load ${what}: ${state.error.message}</p>`;
  return null;
}

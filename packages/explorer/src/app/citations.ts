// Citations as the event page shows them: the document (a link to its source page), the paragraph,
// our note, and the paragraph's own text when the server has the documents (quoted, as text).
import type { CitationPartsFragment } from '@bilateral/sdk';
import { html } from './html.ts';
import { viewHref } from './route.ts';

export function Citations({ citations }: { citations: readonly CitationPartsFragment[] }) {
  return html`<ul class="citations">
    ${citations.map(
      (citation) => html`<li key=${`${citation.source.id}:${citation.paragraph}`}>
        <a href=${viewHref('source', { slug: citation.source.slug })}>${citation.source.title}</a>, ${citation.locator}
        ${citation.note && html`<span class="note"> — ${citation.note}</span>`}
        ${citation.passage && html`<blockquote class="passage">${citation.passage}</blockquote>`}
      </li>`,
    )}
  </ul>`;
}

/**
 * A search snippet as text nodes and <mark> elements. The API sends it HTML-escaped with each match in
 * <mark>…</mark>; it is taken apart here and never given to the browser as HTML, so nothing in the
 * data can become markup.
 */
import { html } from './html.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return String.fromCodePoint(code);
  });
}

/** The snippet's parts in order: plain text, and the matches. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  return snippet
    .split(/(<mark>.*?<\/mark>)/s)
    .filter(Boolean)
    .map((part) => {
      const match = part.startsWith('<mark>') && part.endsWith('</mark>');
      return { text: unescapeHtml(match ? part.slice(6, -7) : part), match };
    });
}

export function Snippet({ text }: { text: string }) {
  return html`<span class="snippet"
    >${snippetParts(text).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text))}</span
  >`;
}

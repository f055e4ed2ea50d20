import { EVENT_KINDS } from './event-kinds.ts';

const START = '<!-- event-kinds:start -->';
const END = '<!-- event-kinds:end -->';

/** The event taxonomy as the Markdown table seeds/README.md shows. */
export function eventKindsTable(): string {
  const rows = Object.entries(EVENT_KINDS).map(
    ([key, kind]) =>
      `| \`${key}\` | ${kind.description} | ${kind.cameo ? `${kind.cameo} ${kind.cameoLabel}` : '—'} | ${kind.goldstein?.toFixed(1) ?? '—'} | ${kind.plover ?? '—'} |`,
  );
  return ['| kind | meaning | CAMEO | Goldstein | PLOVER |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Replaces the table between the markers in a README's text. */
export function withEventKindsTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${eventKindsTable()}\n${readme.slice(end)}`;
}

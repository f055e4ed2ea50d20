/**
 * The event filter of a view, kept in the query string under short names (`q`, `kinds`, `sectors`,
 * `actors`, `from`, `to`), and the form that edits it. Kinds and sectors are listed from the API
 * (`eventKinds`, and the `Sector` enum's values), never from a copy here.
 */
import type { EventFilter, EventKind, Sector } from '@bilateral/sdk';
import { bilateral } from './client.ts';
import { label } from './event-list.ts';
import { html } from './html.ts';
import { navigate, type View, viewHref } from './route.ts';
import { useQuery } from './use-query.ts';

export const FILTER_PARAMS = ['q', 'kinds', 'sectors', 'actors', 'from', 'to'] as const;
export type FilterParams = Partial<Record<(typeof FILTER_PARAMS)[number], string>>;

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function filterParamsOf(params: URLSearchParams): FilterParams {
  return Object.fromEntries(
    FILTER_PARAMS.flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  );
}

/** The GraphQL `EventFilter` the parameters stand for; `text` only when `withText`. */
export function eventFilterOf(params: FilterParams, withText = true): EventFilter {
  const filter: EventFilter = {};
  if (withText && params.q) filter.text = params.q;
  const kinds = list(params.kinds ?? null) as EventKind[];
  const sectors = list(params.sectors ?? null) as Sector[];
  const actors = list(params.actors ?? null);
  if (kinds.length) filter.kinds = kinds;
  if (sectors.length) filter.sectors = sectors;
  if (actors.length) filter.actors = actors;
  if (params.from) filter.from = params.from;
  if (params.to) filter.to = params.to;
  return filter;
}

/** True when anything but the text narrows the events. */
export const narrowsEvents = (params: FilterParams) =>
  Boolean(params.kinds || params.sectors || params.actors || params.from || params.to);

const vocabulary = () =>
  bilateral.filterVocabulary().then(({ kinds, sectors }) => ({
    // Two kinds can share a label (a sanction imposed and one lifted); the kind itself tells them apart.
    kinds: kinds.map((kind, _index, all) => ({
      value: kind.kind,
      label:
        all.filter((other) => other.label === kind.label).length > 1
          ? `${kind.label} (${label(kind.kind)})`
          : kind.label,
    })),
    sectors: sectors.map((sector) => ({
      value: sector.name,
      label: label(sector.name),
      description: sector.description ?? '',
    })),
  }));
let vocabularyRequest: ReturnType<typeof vocabulary> | undefined;

const selected = (select: HTMLSelectElement) => [...select.selectedOptions].map((option) => option.value).join(',');

interface Option {
  value: string;
  label: string;
  description?: string;
}

interface MultiSelectProps {
  name: string;
  label: string;
  options?: Option[] | undefined;
  chosen: Set<string>;
}

function MultiSelect({ name, label, options = [], chosen }: MultiSelectProps) {
  return html`<label
    >${label}
    <select name=${name} multiple size="4">
      ${options.map(
        (option) =>
          html`<option value=${option.value} title=${option.description} selected=${chosen.has(option.value)}>
            ${option.label}
          </option>`,
      )}
    </select></label
  >`;
}

interface FilterFormProps {
  view: View;
  params: FilterParams;
  /** Which fields the view reads. */
  fields: readonly (typeof FILTER_PARAMS)[number][];
  /** Parameters of the view to keep (a selection), besides the filters. */
  keep?: Record<string, string | undefined>;
}

export function FilterForm({ view, params, fields, keep = {} }: FilterFormProps) {
  const options = useQuery('vocabulary', () => (vocabularyRequest ??= vocabulary()));
  const shows = (name: (typeof FILTER_PARAMS)[number]) => fields.includes(name);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => {
      const element = form.elements.namedItem(name);
      if (element instanceof HTMLSelectElement) return selected(element);
      return element instanceof HTMLInputElement ? element.value.trim() : undefined;
    };
    navigate(viewHref(view, { ...keep, ...Object.fromEntries(fields.map((name) => [name, value(name)])) }));
  };
  const chosen = (name: 'kinds' | 'sectors') => new Set(list(params[name] ?? null));
  return html`
    <form class="filters" role="search" aria-label="Filter events" onSubmit=${submit} key=${JSON.stringify(params)}>
      ${
        shows('q') &&
        html`<label>Words <input name="q" type="search" value=${params.q ?? ''} placeholder="embargo, pipe*, Mi-35" /></label>`
      }
      ${shows('kinds') && html`<${MultiSelect} name="kinds" label="Kinds" options=${options.data?.kinds} chosen=${chosen('kinds')} />`}
      ${
        shows('sectors') &&
        html`<${MultiSelect} name="sectors" label="Sectors" options=${options.data?.sectors} chosen=${chosen('sectors')} />`
      }
      ${
        shows('actors') &&
        html`<label
        >Actors (slugs, comma-separated)
        <input name="actors" value=${params.actors ?? ''} placeholder="pakistan,russia"
      /></label>`
      }
      ${shows('from') && html`<label>From <input name="from" value=${params.from ?? ''} placeholder="2014" size="10" /></label>`}
      ${shows('to') && html`<label>To <input name="to" value=${params.to ?? ''} placeholder="2024-06" size="10" /></label>`}
      <button type="submit">Apply</button>
    </form>
  `;
}

/** Reads an EventFilter or ActorFilter from URL query parameters, validating it as the GraphQL input would. */
import {
  ACTOR_KINDS,
  type ActorFilter,
  EVENT_KIND_VALUES,
  type EventFilter,
  keysOf,
  QueryError,
  SECTORS,
} from '@bilateral/store';

const list = (params: URLSearchParams, name: string) => {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  return values.length ? values : undefined;
};

/** Slugs as given, comma-separated or repeated; slugs are case-sensitive, so only trimmed. */
const slugs = (params: URLSearchParams, name: string) =>
  params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);

function oneOf<T extends string>(value: string | null, allowed: readonly T[], name: string): T | undefined {
  if (value === null) return undefined;
  const lower = value.toLowerCase() as T;
  if (!allowed.includes(lower))
    throw new QueryError('BAD_USER_INPUT', `\`${name}\` must be one of ${allowed.join(', ')}; got "${value}".`, name);
  return lower;
}

function vocabulary<T extends string>(values: string[] | undefined, allowed: readonly T[], name: string) {
  const isAllowed = (value: string): value is T => (allowed as readonly string[]).includes(value);
  const unknown = values?.filter((value) => !isAllowed(value));
  if (unknown?.length)
    throw new QueryError(
      'BAD_USER_INPUT',
      `Unknown ${name}: ${unknown.join(', ')}. Use values such as ${allowed.slice(0, 3).join(', ')}.`,
      name,
    );
  return values?.filter(isAllowed);
}

function rejectUnknown(params: URLSearchParams, known: readonly string[]) {
  for (const name of params.keys()) {
    if (!known.includes(name))
      throw new QueryError('BAD_USER_INPUT', `Unknown parameter "${name}". Filters: ${known.join(', ')}.`, name);
  }
}

/** How one store filter field is read from the URL, or `null` where the exports do not offer it. */
type ParameterReader<Field extends keyof EventFilter> = (params: URLSearchParams) => EventFilter[Field];
type EventFilterParameters = { [Field in keyof Required<EventFilter>]: ParameterReader<Field> | null };

/**
 * One reader per field of the store's `EventFilter`, named as the GraphQL input names it. A field added to
 * the store fails to compile here until it is read or this says why it is not.
 */
const EVENT_FILTER_PARAMETERS: EventFilterParameters = {
  from: (params) => params.get('from'),
  to: (params) => params.get('to'),
  dateMatch: (params) => oneOf(params.get('dateMatch'), ['within', 'overlaps'] as const, 'dateMatch'),
  kinds: (params) => vocabulary(list(params, 'kinds'), EVENT_KIND_VALUES, 'kinds'),
  actors: (params) => slugs(params, 'actors'),
  actorsMatch: (params) => oneOf(params.get('actorsMatch'), ['any', 'all'] as const, 'actorsMatch'),
  sectors: (params) => vocabulary(list(params, 'sectors'), keysOf(SECTORS), 'sectors'),
  text: (params) => params.get('text'),
  hasConflicts: (params) => {
    const hasConflicts = oneOf(params.get('hasConflicts'), ['true', 'false'] as const, 'hasConflicts');
    return hasConflicts === undefined ? undefined : hasConflicts === 'true';
  },
  sources: (params) => slugs(params, 'sources'),
  slugs: (params) => slugs(params, 'slugs'),
  // Archived events are reached through revisions and the change feed, never exported.
  includeArchived: null,
};

export const FILTER_PARAMETERS = keysOf(EVENT_FILTER_PARAMETERS).filter((field) => EVENT_FILTER_PARAMETERS[field]);
export const ACTOR_FILTER_PARAMETERS = ['text', 'kinds'];

export function filterFromParams(params: URLSearchParams): EventFilter {
  rejectUnknown(params, FILTER_PARAMETERS);
  const filter: EventFilter = {};
  const read = <Field extends keyof EventFilter>(field: Field) => {
    const reader: ParameterReader<Field> | null = EVENT_FILTER_PARAMETERS[field];
    if (reader) filter[field] = reader(params);
  };
  for (const field of FILTER_PARAMETERS) read(field);
  return filter;
}

export function actorFilterFromParams(params: URLSearchParams): ActorFilter {
  rejectUnknown(params, ACTOR_FILTER_PARAMETERS);
  return { text: params.get('text'), kinds: vocabulary(list(params, 'kinds'), keysOf(ACTOR_KINDS), 'kinds') };
}

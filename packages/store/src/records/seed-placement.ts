/**
 * Which seed file a record that is in no file yet (one created through the API) is appended to.
 * Paths are relative to the seeds directory.
 *
 * - an event: the era file in `events/` whose name (`2014-2019.yaml`, or `2025.yaml` for one
 *   year) covers the year the event's date starts in; with none, a new `events/<that year>.yaml`;
 * - an actor: `actors/states.yaml`, `actors/people.yaml`, or `actors/organizations.yaml` for every
 *   other kind, as the hand-written files are split;
 * - a source or a figure: the first file the loader reads for its type, else `sources.yaml` or
 *   `figures.yaml`.
 */
import { basename } from 'node:path';
import { firstKnownDay, parseFuzzyDate } from '../dates/fuzzy-date.ts';
import type { ActorRecord, EventRecord } from '../seed/format.ts';

const ERA_FILE = /^(\d{4})(?:-(\d{4}))?\.ya?ml$/;

export function eventFile(event: EventRecord, eventFiles: readonly string[]): string {
  const year = Number(firstKnownDay(parseFuzzyDate(event.date)).slice(0, 4));
  const era = eventFiles.find((path) => {
    const [, from, to = from] = ERA_FILE.exec(basename(path)) ?? [];
    return path.startsWith('events/') && from !== undefined && Number(from) <= year && year <= Number(to);
  });
  return era ?? `events/${year}.yaml`;
}

const ACTOR_FILES: Partial<Record<ActorRecord['kind'], string>> = {
  state: 'actors/states.yaml',
  person: 'actors/people.yaml',
};

export const actorFile = (actor: ActorRecord) => ACTOR_FILES[actor.kind] ?? 'actors/organizations.yaml';

export const singleFile = (type: 'sources' | 'figures', files: readonly string[]) => files[0] ?? `${type}.yaml`;

/**
 * Per-request context: the store and a set of DataLoaders. Every nested field goes through a
 * loader, so all the rows asked for at one level of a query are fetched in one statement; a
 * participant's actor and a citation's source come joined to the participant or citation instead.
 */

import {
  type BilateralStore,
  type CitationSubject,
  type EventOrder,
  groupBy,
  type Page,
  type PageArgs,
} from '@bilateral/store';
import DataLoader from 'dataloader';
import type { ChangeBus } from '../live/changes.ts';
import { type AuditLog, type Caller, callerOf } from './auth.ts';

type Fetch<Row> = (ids: readonly number[]) => Promise<Row[]>;

function createLoaders(store: BilateralStore) {
  const byId = <Row extends { id: number }>(fetch: Fetch<Row>) =>
    new DataLoader<number, Row | null>(async (ids) => {
      const rows = new Map((await fetch(ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  const grouped = <Row>(fetch: Fetch<Row>, key: (row: Row) => number | null) =>
    new DataLoader<number, Row[]>(async (ids) => {
      const groups = groupBy(await fetch(ids), key);
      return ids.map((id) => groups.get(id) ?? []);
    });
  const counted = (fetch: (ids: readonly number[]) => Promise<Map<number, number>>) =>
    new DataLoader<number, number>(async (ids) => {
      const counts = await fetch(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  /** One loader per distinct set of page arguments, since each set needs its own statement. */
  const paged = <Row, Args>(fetch: (ids: readonly number[], args: Args) => Promise<Map<number, Page<Row>>>) => {
    const loaders = new Map<string, DataLoader<number, Page<Row>>>();
    return (args: Args) => {
      const key = JSON.stringify(args);
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader<number, Page<Row>>(async (ids) => {
          const pages = await fetch(ids, args);
          return ids.map((id) => pages.get(id)!);
        });
        loaders.set(key, loader);
      }
      return loader;
    };
  };
  const idBySlug = (table: 'actors' | 'sources' | 'events') =>
    new DataLoader<string, number | null>(async (slugs) => {
      const ids = await store.idsBySlugs(table, slugs);
      return slugs.map((slug) => ids.get(slug) ?? null);
    });
  const actor = byId((ids) => store.actorsByIds(ids));
  const citationsOf = (subject: CitationSubject) =>
    grouped(
      (ids) => store.citationsBySubjectIds(subject, ids),
      (row) => row[subject],
    );

  return {
    event: byId((ids) => store.eventsByIds(ids)),
    actorIdBySlug: idBySlug('actors'),
    sourceIdBySlug: idBySlug('sources'),
    eventIdBySlug: idBySlug('events'),
    actor,
    source: byId((ids) => store.sourcesByIds(ids)),
    claim: byId((ids) => store.claimsByIds(ids)),
    figure: byId((ids) => store.figuresByIds(ids)),
    office: byId((ids) => store.officesByIds(ids)),
    // An actor's country is nearly always a participant of the same event too (Pakistan, Russia), so
    // the actors read with the participants are put in the actor loader: `actor { country }` then
    // needs no lookup of its own.
    participants: grouped(
      async (ids) => {
        const rows = await store.participantsByEventIds(ids);
        for (const row of rows) actor.prime(row.actorId, row.actor);
        return rows;
      },
      (row) => row.eventId,
    ),
    sectors: grouped(
      (ids) => store.sectorsByEventIds(ids),
      (row) => row.eventId,
    ),
    eventClaims: grouped(
      (ids) => store.claimsByEventIds(ids),
      (row) => row.eventId,
    ),
    figureClaims: grouped(
      (ids) => store.claimsByFigureIds(ids),
      (row) => row.figureId,
    ),
    links: grouped(
      (ids) => store.linksByEventIds(ids),
      (row) => row.eventId,
    ),
    aliases: grouped(
      (ids) => store.aliasesByActorIds(ids),
      (row) => row.actorId,
    ),
    offices: grouped(
      (ids) => store.officesByHolderIds(ids),
      (row) => row.holderId,
    ),
    successors: grouped(
      (ids) => store.actorsByPredecessorIds(ids),
      (row) => row.predecessorId,
    ),
    figureActors: grouped(
      (ids) => store.actorIdsByFigureIds(ids),
      (row) => row.figureId,
    ),
    eventCitations: citationsOf('eventId'),
    actorCitations: citationsOf('actorId'),
    officeCitations: citationsOf('officeId'),
    claimCitations: citationsOf('claimId'),
    figureCitations: citationsOf('figureId'),
    relationships: grouped(
      (ids) => store.relationshipsByActorIds(ids),
      (row) => row.actorId,
    ),
    actorEventCounts: counted((ids) => store.eventCountsByActorIds(ids)),
    sourceCitationCounts: counted((ids) => store.citationCountsBySourceIds(ids)),
    actorEvents: paged((ids, args: { order: EventOrder[]; page: PageArgs }) =>
      store.eventPagesByActorIds(ids, args.order, args.page),
    ),
    sourceCitations: paged((ids, page: PageArgs) => store.citationPagesBySourceIds(ids, page)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  store: BilateralStore;
  loaders: Loaders;
  caller: Caller;
  audit: AuditLog;
  changes: ChangeBus;
  /** The source documents' directory (`SOURCES_DIR`), when the server may show their text. */
  sourcesDir: string | undefined;
}

export interface ContextOptions {
  request?: Request;
  audit: AuditLog;
  changes: ChangeBus;
  sourcesDir?: string | undefined;
}

export function createContext(store: BilateralStore, options: ContextOptions): Context | Promise<Context> {
  const withCaller = (caller: Caller): Context => ({
    store,
    loaders: createLoaders(store),
    caller,
    audit: options.audit,
    changes: options.changes,
    sourcesDir: options.sourcesDir,
  });
  // Most requests carry no key: their context is built without waiting on the store.
  const caller = callerOf(store, options.request);
  return caller instanceof Promise ? caller.then(withCaller) : withCaller(caller);
}

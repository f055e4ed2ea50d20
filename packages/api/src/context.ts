/**
 * Per-request context: the store and a set of DataLoaders. Every nested field goes through a
 * loader, so all the rows asked for at one level of a query are fetched in one statement; a
 * participant's actor and a citation's source come joined to the participant or citation instead.
 */

import type { EventOrder, Page, PageArgs, Store } from '@bilateral/store';
import * as store from '@bilateral/store';
import DataLoader from 'dataloader';
import { type AuditLog, type Caller, callerOf } from './auth.ts';
import type { ChangeBus } from './changes.ts';

type Fetch<Row> = (db: Store, ids: readonly number[]) => Row[];

function createLoaders(db: Store) {
  const byId = <Row extends { id: number }>(fetch: Fetch<Row>) =>
    new DataLoader<number, Row | null>(async (ids) => {
      const rows = new Map(fetch(db, ids).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  const grouped = <Row>(fetch: Fetch<Row>, key: (row: Row) => number | null) =>
    new DataLoader<number, Row[]>(async (ids) => {
      const groups = store.groupBy(fetch(db, ids), key);
      return ids.map((id) => groups.get(id) ?? []);
    });
  const counted = (fetch: (db: Store, ids: readonly number[]) => Map<number, number>) =>
    new DataLoader<number, number>(async (ids) => {
      const counts = fetch(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  /** One loader per distinct set of page arguments, since each set needs its own statement. */
  const paged = <Row, Args>(fetch: (db: Store, ids: readonly number[], args: Args) => Map<number, Page<Row>>) => {
    const loaders = new Map<string, DataLoader<number, Page<Row>>>();
    return (args: Args) => {
      const key = JSON.stringify(args);
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader<number, Page<Row>>(async (ids) => {
          const pages = fetch(db, ids, args);
          return ids.map((id) => pages.get(id)!);
        });
        loaders.set(key, loader);
      }
      return loader;
    };
  };
  const idBySlug = (table: 'actors' | 'sources' | 'events') =>
    new DataLoader<string, number | null>(async (slugs) => {
      const ids = store.idsBySlugs(db, table, slugs);
      return slugs.map((slug) => ids.get(slug) ?? null);
    });
  const actor = byId(store.actorsByIds);
  const citationsOf = (subject: store.CitationSubject) =>
    grouped(
      (database, ids) => store.citationsBySubjectIds(database, subject, ids),
      (row) => row[subject],
    );

  return {
    event: byId(store.eventsByIds),
    actorIdBySlug: idBySlug('actors'),
    sourceIdBySlug: idBySlug('sources'),
    eventIdBySlug: idBySlug('events'),
    actor,
    source: byId(store.sourcesByIds),
    claim: byId(store.claimsByIds),
    figure: byId(store.figuresByIds),
    office: byId(store.officesByIds),
    // An actor's country is nearly always a participant of the same event too (Pakistan, Russia), so
    // the actors read with the participants are put in the actor loader: `actor { country }` then
    // needs no lookup of its own.
    participants: grouped(
      (database, ids) => {
        const rows = store.participantsByEventIds(database, ids);
        for (const row of rows) actor.prime(row.actorId, row.actor);
        return rows;
      },
      (row) => row.eventId,
    ),
    sectors: grouped(store.sectorsByEventIds, (row) => row.eventId),
    eventClaims: grouped(store.claimsByEventIds, (row) => row.eventId),
    figureClaims: grouped(store.claimsByFigureIds, (row) => row.figureId),
    links: grouped(store.linksByEventIds, (row) => row.eventId),
    aliases: grouped(store.aliasesByActorIds, (row) => row.actorId),
    offices: grouped(store.officesByHolderIds, (row) => row.holderId),
    successors: grouped(store.actorsByPredecessorIds, (row) => row.predecessorId),
    figureActors: grouped(store.actorIdsByFigureIds, (row) => row.figureId),
    eventCitations: citationsOf('eventId'),
    actorCitations: citationsOf('actorId'),
    officeCitations: citationsOf('officeId'),
    claimCitations: citationsOf('claimId'),
    figureCitations: citationsOf('figureId'),
    relationships: grouped(store.relationshipsByActorIds, (row) => row.actorId),
    actorEventCounts: counted(store.eventCountsByActorIds),
    sourceCitationCounts: counted(store.citationCountsBySourceIds),
    actorEvents: paged((database, ids, args: { order: EventOrder[]; page: PageArgs }) =>
      store.eventPagesByActorIds(database, ids, args.order, args.page),
    ),
    sourceCitations: paged((database, ids, page: PageArgs) => store.citationPagesBySourceIds(database, ids, page)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  store: Store;
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

export function createContext(db: Store, options: ContextOptions): Context {
  return {
    store: db,
    loaders: createLoaders(db),
    caller: callerOf(db, options.request),
    audit: options.audit,
    changes: options.changes,
    sourcesDir: options.sourcesDir,
  };
}

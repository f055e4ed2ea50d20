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
/** One loader per distinct set of arguments, since each set needs its own statement. */
const perArguments = <Args, Loader>(make: (args: Args) => Loader) => {
  const loaders = new Map<string, Loader>();
  return (args: Args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(args);
      loaders.set(key, loader);
    }
    return loader;
  };
};
const paged = <Row, Args>(fetch: (ids: readonly number[], args: Args) => Promise<Map<number, Page<Row>>>) =>
  perArguments(
    (args: Args) =>
      new DataLoader<number, Page<Row>>(async (ids) => {
        const pages = await fetch(ids, args);
        return ids.map((id) => pages.get(id)!);
      }),
  );
const idBySlug = (store: BilateralStore, table: 'actors' | 'sources' | 'events') =>
  new DataLoader<string, number | null>(async (slugs) => {
    const ids = await store.idsBySlugs(table, slugs);
    return slugs.map((slug) => ids.get(slug) ?? null);
  });
const citationsOf = (store: BilateralStore, subject: CitationSubject) =>
  grouped(
    (ids) => store.citationsBySubjectIds(subject, ids),
    (row) => row[subject],
  );

const actorLoader = (store: BilateralStore) => byId((ids) => store.actorsByIds(ids));

/** How each loader is made for one request, from its store (and, for one, its other loaders). */
const LOADERS = {
  event: (store: BilateralStore) => byId((ids) => store.eventsByIds(ids)),
  actorIdBySlug: (store: BilateralStore) => idBySlug(store, 'actors'),
  sourceIdBySlug: (store: BilateralStore) => idBySlug(store, 'sources'),
  eventIdBySlug: (store: BilateralStore) => idBySlug(store, 'events'),
  actor: actorLoader,
  source: (store: BilateralStore) => byId((ids) => store.sourcesByIds(ids)),
  claim: (store: BilateralStore) => byId((ids) => store.claimsByIds(ids)),
  figure: (store: BilateralStore) => byId((ids) => store.figuresByIds(ids)),
  office: (store: BilateralStore) => byId((ids) => store.officesByIds(ids)),
  // An actor's country is nearly always a participant of the same event too (Pakistan, Russia), so
  // the actors read with the participants are put in the actor loader: `actor { country }` then
  // needs no lookup of its own.
  participants: (store: BilateralStore, loaders: { readonly actor: ReturnType<typeof actorLoader> }) =>
    grouped(
      async (ids) => {
        const rows = await store.participantsByEventIds(ids);
        for (const row of rows) loaders.actor.prime(row.actorId, row.actor);
        return rows;
      },
      (row) => row.eventId,
    ),
  sectors: (store: BilateralStore) =>
    grouped(
      (ids) => store.sectorsByEventIds(ids),
      (row) => row.eventId,
    ),
  eventClaims: (store: BilateralStore) =>
    grouped(
      (ids) => store.claimsByEventIds(ids),
      (row) => row.eventId,
    ),
  figureClaims: (store: BilateralStore) =>
    grouped(
      (ids) => store.claimsByFigureIds(ids),
      (row) => row.figureId,
    ),
  links: (store: BilateralStore) =>
    grouped(
      (ids) => store.linksByEventIds(ids),
      (row) => row.eventId,
    ),
  aliases: (store: BilateralStore) =>
    grouped(
      (ids) => store.aliasesByActorIds(ids),
      (row) => row.actorId,
    ),
  offices: (store: BilateralStore) =>
    grouped(
      (ids) => store.officesByHolderIds(ids),
      (row) => row.holderId,
    ),
  successors: (store: BilateralStore) =>
    grouped(
      (ids) => store.actorsByPredecessorIds(ids),
      (row) => row.predecessorId,
    ),
  figureActors: (store: BilateralStore) =>
    grouped(
      (ids) => store.actorIdsByFigureIds(ids),
      (row) => row.figureId,
    ),
  eventCitations: (store: BilateralStore) => citationsOf(store, 'eventId'),
  actorCitations: (store: BilateralStore) => citationsOf(store, 'actorId'),
  officeCitations: (store: BilateralStore) => citationsOf(store, 'officeId'),
  claimCitations: (store: BilateralStore) => citationsOf(store, 'claimId'),
  figureCitations: (store: BilateralStore) => citationsOf(store, 'figureId'),
  /** Each actor's first `limit` relationships: the rows up to the end of the page asked for. */
  relationships: (store: BilateralStore) =>
    perArguments((limit: number) =>
      grouped(
        (ids) => store.relationshipsByActorIds(ids, limit),
        (row) => row.actorId,
      ),
    ),
  relationshipCounts: (store: BilateralStore) => counted((ids) => store.relationshipCountsByActorIds(ids)),
  actorEventCounts: (store: BilateralStore) => counted((ids) => store.eventCountsByActorIds(ids)),
  sourceCitationCounts: (store: BilateralStore) => counted((ids) => store.citationCountsBySourceIds(ids)),
  actorEvents: (store: BilateralStore) =>
    paged((ids, args: { order: EventOrder[]; page: PageArgs }) =>
      store.eventPagesByActorIds(ids, args.order, args.page),
    ),
  sourceCitations: (store: BilateralStore) => paged((ids, page: PageArgs) => store.citationPagesBySourceIds(ids, page)),
};

export type Loaders = { readonly [Name in keyof typeof LOADERS]: ReturnType<(typeof LOADERS)[Name]> };

const STORE = Symbol('store');
type LoaderCache = Loaders & { [STORE]: BilateralStore };

// A request makes only the loaders its fields use (a lookup one of some thirty): each is made on
// first use and kept for the rest of the request, by a getter shared by every request's loaders.
const LAZY_LOADERS: object = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(LOADERS).map(([name, make]) => [
      name,
      {
        get(this: LoaderCache) {
          const loader = make(this[STORE], this);
          Object.defineProperty(this, name, { value: loader });
          return loader;
        },
      },
    ]),
  ),
);

function createLoaders(store: BilateralStore): Loaders {
  const loaders = Object.create(LAZY_LOADERS) as LoaderCache;
  loaders[STORE] = store;
  return loaders;
}

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

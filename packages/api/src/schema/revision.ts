/**
 * History: every write's revision, per record and as a feed for clients that keep a copy in step,
 * and the live `eventChanged` subscription.
 */
import {
  type BilateralStore,
  type EntityType,
  MAX_PAGE_SIZE,
  type REVISION_OPERATIONS,
  type RevisionRow,
} from '@bilateral/store';
import type { ObjectRef } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { userError } from '../errors.ts';
import { EDGES_PRICE, pagedPrice } from '../limits/pricing.ts';
import { RESUME_REVISIONS } from '../live/changes.ts';
import { type BuilderTypes, builder } from './builder.ts';
import { ActorRef, EventRef, FigureRef, SourceRef } from './refs.ts';
import { vocabularyEnum } from './vocabulary.ts';

builder.scalarType('JSON', {
  description: 'Any JSON value. Used for record snapshots, which have the shape of the seed format (seeds/README.md).',
  serialize: (value) => value,
});

const OPERATION_MEANINGS: Record<(typeof REVISION_OPERATIONS)[number], string> = {
  create: 'The record was created through the API.',
  update: 'The record was changed through the API.',
  archive: 'The record was archived (a tombstone: hidden from lists, never deleted).',
  restore: 'An archived record was brought back.',
  merge:
    'The record was merged into another (and removed), absorbed one, or referred to a merged actor and now refers to the one it merged into.',
  seed: 'The seed loader created, changed or removed the record from the seed files.',
};

const RevisionOperationEnum = vocabularyEnum('RevisionOperation', 'What a write did.', OPERATION_MEANINGS);

const typenames = { event: 'Event', actor: 'Actor', source: 'Source', figure: 'Figure' } as const;
const parse = (json: string | null) => (json === null ? null : JSON.parse(json));

const RevisionType = builder.objectRef<RevisionRow>('Revision').implement({
  description: 'One write to a record: who made it, when, and the whole record before and after.',
  fields: (t) => ({
    cursor: t.string({
      description:
        'Position of this revision in the change feed; pass it as `since` to `changes` to continue after it.',
      resolve: (revision) => String(revision.id),
    }),
    recordType: t.string({
      description: 'The type of record written: Event, Actor, Source or Figure.',
      resolve: (revision) => typenames[revision.entityType as keyof typeof typenames],
    }),
    recordId: t.id({
      description: 'Global ID of the record written; look it up with `node(id:)`.',
      resolve: (revision) =>
        encodeGlobalID(typenames[revision.entityType as keyof typeof typenames], revision.entityId),
    }),
    slug: t.exposeString('entitySlug', { description: "The record's slug after this write." }),
    version: t.exposeInt('version', { description: "The record's version after this write." }),
    operation: t.expose('operation', {
      type: RevisionOperationEnum,
      description: 'What the write did.',
    }),
    at: t.exposeString('at', { description: 'When the write was committed, as an ISO 8601 UTC timestamp.' }),
    keyId: t.exposeInt('keyId', {
      nullable: true,
      description:
        'ID of the API key that made the write; null for the seed loader. Keys are listed with `bilateral keys list`.',
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The whole record before the write, in seed format; null when it was created.',
      resolve: (revision) => parse(revision.before),
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The whole record after the write, in seed format; null when it was removed.',
      resolve: (revision) => parse(revision.after),
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description:
        'Why the change was made, when the writer gave a reason (the `reason` of `mergeActors`, for example).',
    }),
  }),
});

const checkedLimit = (first: number | null | undefined, argument: string) => {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw userError(
      'BAD_USER_INPUT',
      `\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${limit}.`,
      argument,
    );
  return limit;
};

/** `version` and `revisions` on a record type. */
function historyFields(ref: ObjectRef<BuilderTypes, { id: number; version: number }>, entityType: EntityType) {
  builder.objectFields(ref, (t) => ({
    version: t.exposeInt('version', {
      description:
        'Increases by one with every change. Send it as `expectedVersion` when updating, so a change made meanwhile by someone else is not overwritten.',
    }),
    revisions: t.field({
      type: [RevisionType],
      description: `Every change to this ${entityType}, newest first, with the whole record before and after each one.`,
      args: {
        first: t.arg.int({
          description: `How many revisions to return, newest first; 1 to ${MAX_PAGE_SIZE}, default 20.`,
        }),
      },
      resolve: (record, args, { store }) => store.revisionsOf(entityType, record.id, checkedLimit(args.first, 'first')),
    }),
  }));
}

historyFields(EventRef, 'event');
historyFields(ActorRef, 'actor');
historyFields(SourceRef, 'source');
historyFields(FigureRef, 'figure');

const ChangeFeedType = builder
  .objectRef<{ revisions: RevisionRow[]; since: number; hasMore: boolean }>('ChangeFeed')
  .implement({
    description: 'A batch of the change feed: revisions in the order they were committed.',
    fields: (t) => ({
      revisions: t.expose('revisions', {
        type: [RevisionType],
        description:
          'The revisions after `since`, oldest first. Archives appear as ARCHIVE revisions, so a client can drop them.',
        complexity: EDGES_PRICE,
      }),
      cursor: t.string({
        description:
          'Pass this as `since` next time to get only newer changes. Equals `since` when there is nothing new.',
        resolve: (feed) => String(feed.revisions.at(-1)?.id ?? feed.since),
      }),
      hasMore: t.exposeBoolean('hasMore', {
        description: 'True when more revisions are waiting: ask again at once with `cursor`.',
      }),
    }),
  });

/** What each argument that takes a revision cursor accepts, as its INVALID_CURSOR message says. */
const CURSOR_SOURCES = {
  since: 'a `cursor` returned by `changes`',
  after: 'the `changeCursor` of an event `eventChanged` delivered, or a `cursor` returned by `changes`',
};

/** A revision cursor (`Revision.cursor`, `ChangeFeed.cursor`, `Event.changeCursor`) as the revision ID it names. */
function revisionCursor(cursor: string, argument: keyof typeof CURSOR_SOURCES): number {
  if (!/^(0|[1-9]\d{0,14})$/.test(cursor))
    throw userError('INVALID_CURSOR', `\`${argument}\` must be ${CURSOR_SOURCES[argument]}.`, argument);
  return Number(cursor);
}

builder.queryFields((t) => ({
  changes: t.field({
    type: ChangeFeedType,
    description:
      'The change feed, for clients that keep a local copy in step: every write to events, actors, sources and figures (seed loads, edits, archives and merges included), in commit order. Start without `since`, then pass back `cursor`.',
    args: {
      since: t.arg.string({
        description: 'The `cursor` of the last batch you processed; omit to start from the beginning.',
      }),
      first: t.arg.int({ description: `How many revisions to return; 1 to ${MAX_PAGE_SIZE}, default 100.` }),
    },
    complexity: pagedPrice(MAX_PAGE_SIZE),
    resolve: async (_root, args, { store }) => {
      const since = args.since == null ? 0 : revisionCursor(args.since, 'since');
      const limit = checkedLimit(args.first ?? MAX_PAGE_SIZE, 'first');
      const revisions = await store.changesSince(since, limit + 1);
      return { revisions: revisions.slice(0, limit), since, hasMore: revisions.length > limit };
    },
  }),
}));

/** Reads to try a change's event, a fifth of a second apart, while the database answers a retryable fault. */
const DELIVERY_READS = 10;

/**
 * The changed event as it stands. The change is already committed and announced: a database that
 * blinks between the announcement and this read (a restart, a failover) is waited for a little, so
 * the subscriber gets the event rather than an error in place of it.
 */
async function eventAfterChange(store: BilateralStore, eventId: number) {
  for (let read = 1; ; read++) {
    try {
      return (await store.eventsByIds([eventId]))[0]!;
    } catch (error) {
      if (read >= DELIVERY_READS || !store.storageErrorOf(error)?.retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The cursor of the change each event delivered by `eventChanged` was sent for. */
const changeCursors = new WeakMap<object, string>();

builder.objectFields(EventRef, (t) => ({
  changeCursor: t.string({
    nullable: true,
    description:
      'Only on an event delivered by `eventChanged`: the cursor of the change that sent it (a `Revision.cursor`). Keep the last one you received; when the connection drops, subscribe again with `eventChanged(after:)` set to it, on any server, to receive every change committed since, once each, in commit order. Null when the event is read any other way.',
    resolve: (event) => changeCursors.get(event) ?? null,
  }),
}));

builder.subscriptionFields((t) => ({
  eventChanged: t.field({
    type: EventRef,
    description: `Sends an event each time one is created, changed, archived, restored or merged, as it stands after the change, once per change and in commit order, whichever server the write went through. Served over WebSocket (graphql-transport-ws) and Server-Sent Events at /graphql (send \`Accept: text/event-stream\`), so an open timeline can refresh itself. To miss nothing across a reconnect, select \`changeCursor\` and pass the last one received as \`after\` when subscribing again.`,
    args: {
      after: t.arg.string({
        description: `Resume after this point: the \`changeCursor\` of the last event you received (or a \`cursor\` from \`changes\`). The server first sends every event change committed after it, oldest first, then goes on live, each change once. At most ${RESUME_REVISIONS} changes (of any record) are replayed: further back the subscription fails with RESUME_POINT_TOO_OLD, and you reload instead. Omit it to receive only changes committed from now on.`,
      }),
    },
    subscribe: (_root, args, { changes }) =>
      args.after == null
        ? changes.subscribe('eventChanged')
        : changes.subscribeAfter(revisionCursor(args.after, 'after')),
    resolve: async (change, _args, { store }) => {
      const event = await eventAfterChange(store, change.eventId);
      if (event) changeCursors.set(event, String(change.revisionId));
      return event;
    },
  }),
}));

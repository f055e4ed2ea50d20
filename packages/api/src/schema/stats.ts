import {
  type BucketKey,
  type CooperationYear,
  GOLDSTEIN_MAPPING,
  STATS_DIMENSIONS,
  type StatsBucket,
} from '@bilateral/store';
import { userError } from '../errors.ts';
import type { Context } from '../execution/context.ts';
import { AGGREGATE_LIST_BOUND, boundedListPrice, SCAN_PRICE } from '../limits/pricing.ts';
import { builder } from './builder.ts';
import { drillDownEvents, type Filtered } from './drill-down.ts';
import { EventFilterInput, toEventFilter } from './event.ts';
import { ActorRef } from './refs.ts';

const DIMENSION_DESCRIPTIONS: Record<(typeof STATS_DIMENSIONS)[number], string> = {
  year: 'Calendar year. An event counts in a year only if every day its date can mean lies in that year; events dated more coarsely (a decade, an interval across years) land in a bucket with a null value and a `span`.',
  decade: 'Decade, such as 1980 for the 1980s, with the same rule as YEAR.',
  kind: 'Event kind. The value is the EventKind name, such as `ARMS_DEAL`, ready for `EventFilter.kinds`.',
  sector:
    'Sector. The value is the Sector name, such as `DEFENCE`, ready for `EventFilter.sectors`. An event in two sectors counts in both, so these buckets can add up to more than the total.',
  actor:
    "Participating actor. The value is the actor's slug, such as `russia`, ready for `EventFilter.actors`; `actor` on the key gives the whole actor. An event counts once per actor.",
  plover: "PLOVER category of the event's kind; null for kinds PLOVER does not code.",
};

const StatsDimensionEnum = builder.enumType('StatsDimension', {
  description: 'A way to group events for counting.',
  values: Object.fromEntries(
    STATS_DIMENSIONS.map((dimension) => [
      dimension.toUpperCase(),
      { value: dimension, description: DIMENSION_DESCRIPTIONS[dimension] },
    ]),
  ) as Record<
    Uppercase<(typeof STATS_DIMENSIONS)[number]>,
    { value: (typeof STATS_DIMENSIONS)[number]; description: string }
  >,
});

/** A bucket key's value as the matching `EventFilter` field spells it: enum names for kinds and sectors, slugs for actors. */
async function filterValueOf(key: BucketKey, loaders: Context['loaders']): Promise<string | null> {
  if (key.value === null) return null;
  if (key.dimension === 'kind' || key.dimension === 'sector') return key.value.toUpperCase();
  if (key.dimension === 'actor') return (await loaders.actor.load(Number(key.value)))?.slug ?? null;
  return key.value;
}

const BucketKeyRef = builder.objectRef<BucketKey>('StatsBucketKey').implement({
  description: 'The value of one dimension for a bucket.',
  fields: (t) => ({
    dimension: t.field({ type: StatsDimensionEnum, description: 'The dimension.', resolve: (key) => key.dimension }),
    value: t.string({
      nullable: true,
      description:
        'The bucket\'s value, spelled so it can be fed back into an `EventFilter` to list the bucket\'s events: a year ("2014": `from` and `to`), a decade\'s first year ("1980"), ' +
        'an EventKind name (`ARMS_DEAL`: `kinds`), a Sector name (`DEFENCE`: `sectors`), an actor slug (`russia`: `actors`) or a PLOVER category. ' +
        'Null for events dated too coarsely for a YEAR or DECADE bucket, and for kinds without a PLOVER code.',
      resolve: (key, _args, { loaders }) => filterValueOf(key, loaders),
    }),
    span: t.exposeString('span', {
      nullable: true,
      description:
        'For a null YEAR or DECADE value: the range of days the events\' dates can cover, as "1980-01-01/1989-12-31". ' +
        'A date with an open side ("by May 2018") has its unknown side written as 0001-01-01 (no known start) or 9999-12-31 (no known end).',
    }),
    actor: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The actor, for the ACTOR dimension.',
      resolve: (key, _args, { loaders }) =>
        key.dimension === 'actor' && key.value ? loaders.actor.load(Number(key.value)) : null,
    }),
  }),
});

const StatsBucketRef = builder.objectRef<Filtered<StatsBucket>>('StatsBucket').implement({
  description: 'Events that share one value per requested dimension.',
  fields: (t) => ({
    keys: t.expose('keys', {
      type: [BucketKeyRef],
      description: 'One key per dimension of `groupBy`, in the same order.',
    }),
    count: t.exposeInt('count', { description: 'Number of events in the bucket.' }),
    events: drillDownEvents<Filtered<StatsBucket>>(t, {
      description:
        "The bucket's events, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `count`: " +
        'drill down from a bar of a chart to its events. Each bucket whose `events` are selected costs a query of its own, so select it on the bucket being opened.',
      list: (bucket, store, order, page) => store.listBucketEvents(bucket.filter, bucket.keys, order, page),
      count: (bucket) => bucket.count,
    }),
  }),
});

const EventStatsRef = builder
  .objectRef<{ buckets: Filtered<StatsBucket>[]; totalCount: number }>('EventStats')
  .implement({
    description: 'Counts of events by the requested dimensions.',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        description: 'Number of events matching the filter; YEAR, DECADE, KIND and PLOVER buckets add up to it.',
      }),
      buckets: t.expose('buckets', {
        type: [StatsBucketRef],
        description: 'Non-empty buckets, ordered by their keys (null time buckets last).',
        complexity: boundedListPrice(AGGREGATE_LIST_BOUND),
      }),
    }),
  });

const CooperationYearRef = builder.objectRef<Filtered<CooperationYear>>('CooperationYear').implement({
  description: "Mean Goldstein score of one year's events.",
  fields: (t) => ({
    year: t.exposeInt('year', {
      nullable: true,
      description: 'The year; null for events whose date spans more than one year (they are kept apart, not spread).',
    }),
    meanGoldstein: t.exposeFloat('meanGoldstein', {
      nullable: true,
      description:
        "Mean Goldstein score, -10 (conflict) to +10 (cooperation), of the year's coded events; null when none is coded.",
    }),
    eventCount: t.exposeInt('eventCount', { description: 'Events in the year.' }),
    codedEventCount: t.exposeInt('codedEventCount', {
      description: 'Events in the year whose kind has a Goldstein score; the mean is over these.',
    }),
    events: drillDownEvents<Filtered<CooperationYear>>(t, {
      description:
        "The year's events, one page at a time (earliest first unless `orderBy` says otherwise), with `totalCount` equal to `eventCount`. " +
        'Each year whose `events` are selected costs a query of its own, so select it on the year being opened.',
      list: (year, store, order, page) => store.listBucketEvents(year.filter, year.keys, order, page),
      count: (year) => year.eventCount,
    }),
  }),
});

const CooperationIndexRef = builder.objectRef<{ years: Filtered<CooperationYear>[] }>('CooperationIndex').implement({
  description: "A yearly cooperation–conflict index: the mean Goldstein score of each year's events.",
  fields: (t) => ({
    mapping: t.string({
      description: 'Which scores were averaged and how kinds map to them.',
      resolve: () => GOLDSTEIN_MAPPING,
    }),
    years: t.expose('years', {
      type: [CooperationYearRef],
      description: 'One entry per year with events, earliest first; events spanning several years last.',
      complexity: boundedListPrice(AGGREGATE_LIST_BOUND),
    }),
  }),
});

builder.queryFields((t) => ({
  eventStats: t.field({
    type: EventStatsRef,
    description:
      'Counts events matching a filter, grouped by one or more dimensions (YEAR then KIND gives a stacked chart). See StatsDimension for how fuzzy dates and multi-valued dimensions are counted.',
    complexity: SCAN_PRICE,
    args: {
      filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet, as for `events`.' }),
      groupBy: t.arg({
        type: [StatsDimensionEnum],
        required: true,
        description: 'Dimensions to group by, outermost first; at least one, each at most once.',
      }),
    },
    resolve: async (_root, args, { store }) => {
      if (args.groupBy.length === 0 || new Set(args.groupBy).size !== args.groupBy.length) {
        throw userError('BAD_USER_INPUT', 'Give `groupBy` at least one dimension, each at most once.', 'groupBy');
      }
      const filter = toEventFilter(args.filter);
      const stats = await store.eventStats(filter, args.groupBy);
      return { ...stats, buckets: stats.buckets.map((bucket) => ({ ...bucket, filter })) };
    },
  }),
  cooperationIndex: t.field({
    type: CooperationIndexRef,
    description:
      'Mean Goldstein score per year of the events matching a filter: a cooperation (+10) to conflict (-10) index. `mapping` states which scores were used.',
    complexity: SCAN_PRICE,
    args: { filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet, as for `events`.' }) },
    resolve: async (_root, args, { store }) => {
      const filter = toEventFilter(args.filter);
      return { years: (await store.cooperationIndex(filter)).map((year) => ({ ...year, filter })) };
    },
  }),
}));

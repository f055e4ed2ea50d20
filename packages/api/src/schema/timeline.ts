import { EVENT_KINDS, type EventRow, parseFuzzyDate } from '@bilateral/store';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { userError } from '../errors.ts';
import { boundedListPrice, SCAN_PRICE } from '../limits/pricing.ts';
import {
  type TimelineJsDate,
  type TimelineJsSlide,
  timelineJsSlide,
  type VisItem,
  visItem,
} from '../projections/timeline.ts';
import { builder } from './builder.ts';
import { EventFilterInput, toEventFilter } from './event.ts';
import { EventRef } from './refs.ts';

const TIMELINE_MAX_EVENTS = 1000;

const TimelineJsDateRef = builder.objectRef<TimelineJsDate>('TimelineJsDate').implement({
  description:
    'A date in TimelineJS form. Only the parts the sources give are present: a year-dated event has no month or day.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Year.' }),
    month: t.exposeInt('month', { nullable: true, description: 'Month 1–12, when known.' }),
    day: t.exposeInt('day', { nullable: true, description: 'Day of the month, when known.' }),
    display_date: t.exposeString('display_date', {
      nullable: true,
      description: 'How TimelineJS should print the date.',
    }),
  }),
});

const TimelineJsTextRef = builder.objectRef<TimelineJsSlide['text']>('TimelineJsText').implement({
  description: 'The words of a TimelineJS slide.',
  fields: (t) => ({
    headline: t.exposeString('headline', { description: 'Slide title: the event title.' }),
    text: t.exposeString('text', { description: 'Slide body: the event summary.' }),
  }),
});

const TimelineJsSlideRef = builder.objectRef<TimelineJsSlide>('TimelineJsSlide').implement({
  description:
    "An event as a TimelineJS slide. Field names follow TimelineJS's JSON format, so the selection can be handed to TimelineJS as is.",
  fields: (t) => ({
    unique_id: t.exposeString('unique_id', { description: "The event's global ID." }),
    start_date: t.expose('start_date', {
      type: TimelineJsDateRef,
      description: "Start, at the date's own precision.",
    }),
    end_date: t.field({
      type: TimelineJsDateRef,
      nullable: true,
      description: 'End, for dates that span more than their precision unit (a decade, an interval).',
      resolve: (slide) => slide.end_date ?? null,
    }),
    display_date: t.exposeString('display_date', { description: 'The date as Bilateral displays it.' }),
    text: t.field({ type: TimelineJsTextRef, description: 'Headline and body.', resolve: (slide) => slide.text }),
    group: t.exposeString('group', { description: "Row group: the event kind's label." }),
  }),
});

const VisItemTypeEnum = builder.enumType('VisItemType', {
  description: 'How vis-timeline draws an item.',
  values: {
    point: { value: 'point', description: 'A single day.' },
    range: { value: 'range', description: 'A span from start to end.' },
  },
});

const VisItemRef = builder.objectRef<VisItem>('VisItem').implement({
  description: "An event as a vis-timeline item. Field names follow vis-timeline's DataSet format.",
  fields: (t) => ({
    id: t.exposeString('id', { description: "The event's global ID." }),
    content: t.exposeString('content', {
      description: 'Label: the event title (plain text; escape it if you render HTML).',
    }),
    title: t.exposeString('title', { description: 'Tooltip: the display date and title.' }),
    start: t.exposeString('start', { description: 'First possible day, ISO `YYYY-MM-DD`.' }),
    end: t.exposeString('end', {
      nullable: true,
      description:
        'For ranges, the day after the last possible day (vis-timeline ends are exclusive); null for points.',
    }),
    type: t.expose('type', {
      type: VisItemTypeEnum,
      description: '`point` for a date known to the day, otherwise `range` over every day the date can mean.',
    }),
    group: t.exposeString('group', { description: "Group: the event kind's label." }),
  }),
});

const projectionInput = (event: EventRow) => ({
  id: encodeGlobalID('Event', event.id),
  title: event.title,
  summary: event.summary,
  group: EVENT_KINDS[event.kind]?.label ?? event.kind,
});

builder.objectFields(EventRef, (t) => ({
  timelineJs: t.field({
    type: TimelineJsSlideRef,
    description: 'This event as a TimelineJS slide.',
    resolve: (event) => timelineJsSlide(projectionInput(event), parseFuzzyDate(event.dateEdtf)),
  }),
  visItem: t.field({
    type: VisItemRef,
    description: 'This event as a vis-timeline item.',
    resolve: (event) => visItem(projectionInput(event), parseFuzzyDate(event.dateEdtf)),
  }),
}));

const TimelineJsDocumentRef = builder
  .objectRef<{ headline: string; events: TimelineJsSlide[] }>('TimelineJsDocument')
  .implement({
    description:
      'A whole TimelineJS document. Select `title { text { headline text } } events { ... }` and pass the JSON to `new TL.Timeline(element, data)`.',
    fields: (t) => ({
      title: t.field({
        type: builder.objectRef<{ text: TimelineJsSlide['text'] }>('TimelineJsTitle').implement({
          description: 'The title slide.',
          fields: (inner) => ({
            text: inner.expose('text', {
              type: TimelineJsTextRef,
              description: 'Title slide text.',
            }),
          }),
        }),
        description: 'The title slide.',
        resolve: (document) => ({
          text: {
            headline: document.headline,
            text: 'Events of Pakistan–Russia relations from Bilateral, each dated at the precision its sources give.',
          },
        }),
      }),
      events: t.expose('events', {
        type: [TimelineJsSlideRef],
        description: 'One slide per event, earliest first.',
        complexity: boundedListPrice(TIMELINE_MAX_EVENTS),
      }),
    }),
  });

builder.queryFields((t) => ({
  timelineJs: t.field({
    type: TimelineJsDocumentRef,
    complexity: SCAN_PRICE,
    description:
      `A TimelineJS document of every event matching a filter, earliest first. A document holds at most ${TIMELINE_MAX_EVENTS.toLocaleString('en')} events: ` +
      "a filter matching more fails with `BAD_USER_INPUT` (argument `filter`) rather than returning part of the events; narrow it, or page through `events` and use each event's `timelineJs`.",
    args: {
      filter: t.arg({ type: EventFilterInput, description: 'Conditions events must meet, as for `events`.' }),
      title: t.arg.string({ description: 'Headline of the title slide.', defaultValue: 'Pakistan–Russia relations' }),
    },
    resolve: async (_root, args, { store }) => {
      const matching = await store.countEvents(toEventFilter(args.filter));
      if (matching > TIMELINE_MAX_EVENTS) {
        throw userError(
          'BAD_USER_INPUT',
          `A TimelineJS document holds at most ${TIMELINE_MAX_EVENTS} events and this filter matches ${matching}. Narrow the filter, or page through \`events\` and use each event's \`timelineJs\`.`,
          'filter',
        );
      }
      const rows: EventRow[] = [];
      let after: string | undefined;
      do {
        const page = await store.listEvents(toEventFilter(args.filter), [], { first: 100, after });
        rows.push(...page.rows);
        after = page.hasNextPage ? page.cursors.at(-1) : undefined;
      } while (after);
      return {
        headline: args.title ?? 'Pakistan–Russia relations',
        events: rows.map((event) => timelineJsSlide(projectionInput(event), parseFuzzyDate(event.dateEdtf))),
      };
    },
  }),
}));

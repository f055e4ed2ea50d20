/**
 * `EventConnection.boundedCount`: how many events a list holds, answered at any size (from the kept
 * totals where one counts exactly the list, else counted up to `EVENT_COUNT_LIMIT`), for a count
 * shown beside a page. `totalCount` stays exact, and costs a count of every matching event.
 */
import { type BoundedCount, EVENT_COUNT_LIMIT } from '@bilateral/store';
import { type BuilderTypes, builder } from './builder.ts';
import type { CountedConnection } from './connections.ts';

const LIMIT = EVENT_COUNT_LIMIT.toLocaleString('en');

/** What a connection resolver adds for `boundedCount`; without it the exact `totalCount` answers. */
export interface BoundedCounting {
  boundedCount?: () => Promise<BoundedCount>;
}

const BoundedCountType = builder.objectRef<BoundedCount>('BoundedCount').implement({
  description:
    `A count that stays fast however many records match: exact, or, when more than ${LIMIT} match and no kept total ` +
    `counts them, ${LIMIT} with \`limited\` true. Show it as "${LIMIT}+" then.`,
  fields: (t) => ({
    count: t.exposeInt('count', {
      description: `The number of matching records, or ${LIMIT} when \`limited\` is true (then at least that many match).`,
    }),
    limited: t.exposeBoolean('limited', {
      description: `True when counting stopped at ${LIMIT}: more records match than \`count\` says. Select \`totalCount\` for the exact number, at the cost of counting every match.`,
    }),
  }),
});

/** The `boundedCount` field of a connection of events. */
export const boundedCountField = <Shape extends BoundedCounting & Pick<CountedConnection<unknown>, 'totalCount'>>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) => ({
  boundedCount: t.field({
    type: BoundedCountType,
    description:
      `Number of events matching the filter, across all pages, for showing beside a page at any size: exact when a kept total counts these events ` +
      `(every event, whole years and kinds, one actor, two actors that must both take part) or when at most ${LIMIT} match; ` +
      `otherwise counting stops at ${LIMIT} and \`limited\` says so. Prefer it to \`totalCount\`, which counts every match.`,
    resolve: async (connection): Promise<BoundedCount> =>
      connection.boundedCount ? connection.boundedCount() : { count: await connection.totalCount(), limited: false },
  }),
});

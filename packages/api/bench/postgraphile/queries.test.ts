import { describe, expect, it } from 'vitest';
import { eventCursor, globalId } from '../baselines/wire.ts';
import type { BenchQuery } from '../queries.ts';
import { ourPage, postgraphilePage, postgraphilePageOf } from './queries.ts';

const ours = (participants: [string, number][]) =>
  JSON.stringify({
    data: {
      events: {
        edges: [
          {
            cursor: 'x',
            node: {
              id: globalId('Event', 7),
              title: 'Talks',
              kind: 'MEETING',
              place: null,
              participants: participants.map(([role, id]) => ({
                role: role.toUpperCase(),
                actor: { id: globalId('Actor', id), name: `actor ${id}`, kind: 'STATE' },
              })),
              citations: [{ paragraph: 2, source: { id: globalId('Source', 3), title: 'Dawn' } }],
            },
          },
        ],
        pageInfo: { hasNextPage: true, endCursor: 'x' },
      },
    },
  });

const theirs = (participants: [string, number][]) =>
  JSON.stringify({
    data: {
      allEvents: {
        edges: [
          {
            cursor: 'y',
            node: {
              rowId: 7,
              title: 'Talks',
              kind: 'meeting',
              place: null,
              eventParticipantsByEventId: {
                nodes: participants.map(([role, id]) => ({
                  role,
                  actorByActorId: { rowId: id, name: `actor ${id}`, kind: 'state' },
                })),
              },
              citationsByEventId: { nodes: [{ paragraph: 2, sourceBySourceId: { rowId: 3, title: 'Dawn' } }] },
            },
          },
        ],
        pageInfo: { hasNextPage: true, endCursor: 'y' },
      },
    },
  });

describe('the PostGraphile comparison', () => {
  it('reduces our page and the same page from PostGraphile to the same values', () => {
    const participants: [string, number][] = [
      ['initiator', 1],
      ['recipient', 2],
    ];
    expect(postgraphilePageOf(theirs(participants))).toBe(ourPage(ours(participants)));
  });

  it('tells pages apart that differ only in the order of participants', () => {
    expect(
      postgraphilePageOf(
        theirs([
          ['recipient', 2],
          ['initiator', 1],
        ]),
      ),
    ).not.toBe(
      ourPage(
        ours([
          ['initiator', 1],
          ['recipient', 2],
        ]),
      ),
    );
  });

  it('keeps an answer with errors as it is, so the same-data check reports it', () => {
    const failed = JSON.stringify({ errors: [{ message: 'no such field' }] });
    expect(postgraphilePageOf(failed)).toBe(failed);
  });

  it('starts PostGraphile at the event our cursor names and filters a hub by slug or by row ID', async () => {
    const query: BenchQuery = {
      name: 'page20 hub+from @50%',
      request: {
        query: '',
        operationName: 'EventsPage',
        variables: {
          first: 20,
          after: eventCursor({ dateEarliest: '2001-01-01', dateLatest: '2001-01-31', id: 42 }),
          filter: { actors: ['pakistan'], from: '2000' },
        },
      },
      oneAtATime: false,
    };
    const asked: Record<string, unknown>[] = [];
    const request = async (_query: string, variables: Record<string, unknown>) => {
      asked.push(variables);
      return 'rowId' in variables
        ? { data: { allEvents: { edges: [{ cursor: 'their-cursor' }] } } }
        : { data: { allActors: { nodes: [{ rowId: 1 }] } } };
    };
    const bySlug = await postgraphilePage(query, request);
    expect(asked).toEqual([{ rowId: 42 }]);
    expect(bySlug.request.variables).toEqual({
      first: 20,
      after: 'their-cursor',
      filter: {
        archivedAt: { isNull: true },
        dateEarliest: { greaterThanOrEqualTo: '2000-01-01' },
        eventParticipantsByEventId: { some: { actorByActorId: { slug: { in: ['pakistan'] } } } },
      },
    });
    const byId = await postgraphilePage(query, request, { byActorId: true });
    expect(byId.request.variables.filter).toMatchObject({
      eventParticipantsByEventId: { some: { actorId: { in: [1] } } },
    });
  });
});

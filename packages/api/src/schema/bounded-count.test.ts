// EventConnection.boundedCount: the count a list shows beside its page. Past EVENT_COUNT_LIMIT it
// stops and says so (the store's tests check that on both databases with a small limit); on the
// seeds, which hold fewer, it is the exact count wherever an EventConnection is answered.
import { describe, expect, it, vi } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { execute } from '../testing/graphql.ts';

const api = useFixtureApi();

interface Counts {
  totalCount: number;
  boundedCount: { count: number; limited: boolean };
}

const COUNTS = 'totalCount boundedCount { count limited }';

describe('EventConnection.boundedCount', () => {
  it.each([
    ['no filter', '{}'],
    ['a sector and a year', '{ sectors: [DEFENCE], from: "2014" }'],
    ['one actor', '{ actors: ["pakistan"] }'],
    ['two actors that both take part', '{ actors: ["pakistan", "russia"], actorsMatch: ALL }'],
    ['words', '{ text: "embargo" }'],
  ])('equals totalCount for %s, not limited', async (_name, filter) => {
    const result = await execute(api.yoga, `{ events(filter: ${filter}, first: 1) { ${COUNTS} } }`);
    const { totalCount, boundedCount } = (result.data as { events: Counts }).events;
    expect(totalCount).toBeGreaterThan(0);
    expect(boundedCount).toEqual({ count: totalCount, limited: false });
  });

  it("answers an actor's events and a relationship's shared events from the counts they already hold", async () => {
    const result = await execute(
      api.yoga,
      `{ actor(slug: "pakistan") { eventCount events(first: 1) { ${COUNTS} }
         relationships(first: 1) { edges { node { weight events(first: 1) { ${COUNTS} } } } } } }`,
    );
    const actor = (
      result.data as {
        actor: {
          eventCount: number;
          events: Counts;
          relationships: { edges: { node: { weight: number; events: Counts } }[] };
        };
      }
    ).actor;
    expect(actor.events.boundedCount).toEqual({ count: actor.eventCount, limited: false });
    const [relationship] = actor.relationships.edges;
    expect(relationship!.node.events.boundedCount).toEqual({ count: relationship!.node.weight, limited: false });
  });

  it('reads no exact count when only boundedCount is asked for', async () => {
    const exact = vi.spyOn(api.store, 'countEvents');
    const result = await execute(api.yoga, '{ events(filter: { sectors: [DEFENCE] }) { boundedCount { count } } }');
    expect((result.data as { events: Counts }).events.boundedCount.count).toBeGreaterThan(0);
    expect(exact).not.toHaveBeenCalled();
    exact.mockRestore();
  });
});

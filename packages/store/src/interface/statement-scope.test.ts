import { expect, it } from 'vitest';
import { forEachStore } from '../testing/both-stores.ts';

forEachStore('withStatementScope', (underTest) => {
  /** Every statement the store reports from now on, with the scope it was reported under. */
  const recordScopes = () => {
    const seen: (object | undefined)[] = [];
    const stop = underTest.store.observeStatements((_sql, _startedAt, _milliseconds, scope) => seen.push(scope));
    return { seen, stop };
  };

  it('reports the statements of two requests running at once each under its own scope', async () => {
    const { store } = underTest;
    const first = { request: 1 };
    const second = { request: 2 };
    const { seen, stop } = recordScopes();
    const [events, actor] = await Promise.all([
      store.withStatementScope(first).listEvents(null, [], { first: 3 }),
      store.withStatementScope(second).actorBySlug('russia'),
    ]);
    await store.listEvents(null, [], { first: 1 });
    stop();
    expect(events.rows).toHaveLength(3);
    expect(actor?.slug).toBe('russia');
    expect(seen.filter((scope) => scope === first).length).toBeGreaterThanOrEqual(1);
    expect(seen.filter((scope) => scope === second).length).toBeGreaterThanOrEqual(1);
    // The unscoped store's statements carry no scope.
    expect(seen.at(-1)).toBeUndefined();
  });

  it("reports the parts of an answer read later (the actor network's edge count) under the scope of the call", async () => {
    const { store } = underTest;
    const scope = { request: 3 };
    const network = await store.withStatementScope(scope).readActorNetwork(null, {});
    const { seen, stop } = recordScopes();
    const edges = await network.edgeCount();
    stop();
    expect(edges).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.every((counted) => counted === scope)).toBe(true);
  });

  it('answers as the store does, read-only flag included', async () => {
    const { store } = underTest;
    const view = store.withStatementScope({});
    expect(view.readOnly).toBe(store.readOnly);
    expect(await view.eventBySlug('no-such-event')).toEqual(await store.eventBySlug('no-such-event'));
  });
});

// What rests on knowledge from outside the documents must be visible to a reader: an event's
// `dateBasis` and an alias's `outsideReason` are written, stored, read back and kept by patches
// that do not mention them.
import { describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { eventInputs, useWriteApi } from '../testing/write-api.ts';

const { api, keyFor, asKey } = useWriteApi();

const CREATE_EVENT = `mutation ($input: EventInput!) { createEvent(input: $input) { event { id date { display } dateBasis } userErrors { field message } } }`;
const UPDATE_EVENT = `mutation ($id: ID!, $patch: EventPatch!) { updateEvent(id: $id, patch: $patch) { event { title dateBasis } userErrors { field message } } }`;
const ACTOR = `query ($slug: String!) { actor(slug: $slug) { id aliases { name kind outsideReason } } }`;
const UPDATE_ACTOR = `mutation ($id: ID!, $patch: ActorPatch!) { updateActor(id: $id, patch: $patch) { actor { aliases { name outsideReason } } userErrors { field message } } }`;

const BASIS = 'The paragraph gives the year only; the month is that of a report it cites.';

describe('outside knowledge in the API', () => {
  it("shows an event's dateBasis, null when the cited passages give the date, and keeps it through a patch", async () => {
    const created = await asKey(keyFor('write'), CREATE_EVENT, {
      input: eventInputs('2019-dated-visit')({ date: '2019-03~', dateBasis: BASIS }),
    });
    expect(created.data.createEvent).toMatchObject({ userErrors: [], event: { dateBasis: BASIS } });
    const { id } = created.data.createEvent.event;

    const patched = await asKey(keyFor('write'), UPDATE_EVENT, { id, patch: { title: 'A visit, retitled' } });
    expect(patched.data.updateEvent.event).toEqual({ title: 'A visit, retitled', dateBasis: BASIS });

    const cleared = await asKey(keyFor('write'), UPDATE_EVENT, { id, patch: { dateBasis: null } });
    expect(cleared.data.updateEvent.event.dateBasis).toBeNull();
  });

  it("shows an alias's outsideReason, null for a name a document uses", async () => {
    const before = await execute(api.yoga, ACTOR, { slug: 'russia' });
    const { id, aliases } = before.data.actor;
    expect(aliases.every((alias: { outsideReason: string | null }) => alias.outsideReason === null)).toBe(true);

    const reason = 'The official name, which no document uses.';
    const patch = {
      aliases: [
        ...aliases.map(({ name, kind }: { name: string; kind: string }) => ({ name, kind })),
        { name: 'Rossiyskaya Federatsiya', kind: 'VARIANT', outsideReason: reason },
      ],
    };
    const updated = await asKey(keyFor('write'), UPDATE_ACTOR, { id, patch });
    expect(updated.data.updateActor.userErrors).toEqual([]);
    const after = await execute(api.yoga, ACTOR, { slug: 'russia' });
    expect(after.data.actor.aliases.at(-1)).toEqual({
      name: 'Rossiyskaya Federatsiya',
      kind: 'VARIANT',
      outsideReason: reason,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { useWriteApi } from '../testing/write-api.ts';

const { api, keyFor, asKey } = useWriteApi();

const ACTOR_FIELDS =
  'id slug name kind version country { slug } predecessor { slug } aliases { name kind } offices { title organization { slug } from } citations { source { slug } paragraph }';
const CREATE_ACTOR = `mutation ($input: ActorInput!) { createActor(input: $input) { actor { ${ACTOR_FIELDS} } userErrors { field code } } }`;
const UPDATE_ACTOR = `mutation ($id: ID!, $patch: ActorPatch!, $version: Int) { updateActor(id: $id, patch: $patch, expectedVersion: $version) { actor { ${ACTOR_FIELDS} } userErrors { field code } } }`;
const MERGE = `mutation ($from: ID!, $into: ID!, $version: Int) { mergeActors(from: $from, into: $into, reason: "Two records of one state.", expectedVersion: $version) { actor { ${ACTOR_FIELDS} } userErrors { field code } } }`;
const COUNT = '{ actors { totalCount } changes { cursor } }';
const citation = { source: 'fixture-news', paragraph: 29 };

const create = async (key: string, query: string, input: Record<string, unknown>) => {
  const result = await asKey(key, query, { input });
  // The payload's one field besides userErrors is the record, as the mutation selected it.
  const payload = Object.values(result.data ?? {})[0] as { userErrors: unknown[] } | undefined;
  expect(payload?.userErrors).toEqual([]);
  return Object.values(payload ?? {}).find((value) => value && typeof value === 'object' && 'id' in value) as {
    id: string;
  };
};
const idOf = async (slug: string) => (await execute(api.yoga, `{ actor(slug: "${slug}") { id version } }`)).data.actor;

describe('actor mutations', () => {
  it('create an actor with aliases, offices and citations, and update it with expectedVersion', async () => {
    const key = await keyFor('write');
    const actor = await create(key, CREATE_ACTOR, {
      slug: 'sergey-lavrov',
      name: 'Sergey Lavrov',
      kind: 'PERSON',
      country: 'russia',
      aliases: [{ name: 'Lavrov', kind: 'VARIANT' }],
      offices: [{ title: 'Foreign Minister', organization: 'russia', from: '2004-03', citations: [citation] }],
      citations: [citation],
    });
    expect(actor).toMatchObject({
      version: 1,
      kind: 'PERSON',
      country: { slug: 'russia' },
      aliases: [{ name: 'Lavrov', kind: 'VARIANT' }],
      offices: [{ title: 'Foreign Minister', organization: { slug: 'russia' }, from: '2004-03' }],
      citations: [{ source: { slug: 'fixture-news' }, paragraph: 29 }],
    });
    const updated = (
      await asKey(key, UPDATE_ACTOR, { id: actor.id, patch: { name: 'Sergei Lavrov', country: null }, version: 1 })
    ).data.updateActor;
    expect(updated).toMatchObject({
      userErrors: [],
      actor: { name: 'Sergei Lavrov', country: null, aliases: [{ name: 'Lavrov' }], version: 2 },
    });
    const stale = (await asKey(key, UPDATE_ACTOR, { id: actor.id, patch: { name: 'S. Lavrov' }, version: 1 })).data
      .updateActor;
    expect(stale).toEqual({ actor: null, userErrors: [{ field: 'expectedVersion', code: 'STALE_VERSION' }] });
    const ADD_CITATION = `mutation ($id: ID!, $citation: CitationInput!) { addActorCitation(id: $id, citation: $citation, expectedVersion: 2) { actor { version citations { source { slug } paragraph note } } userErrors { field code } } }`;
    const cited = (
      await asKey(key, ADD_CITATION, {
        id: actor.id,
        citation: { source: 'fixture-journal', paragraph: 40, note: 'Names him as foreign minister.' },
      })
    ).data.addActorCitation;
    expect(cited).toEqual({
      userErrors: [],
      actor: {
        version: 3,
        citations: [
          { source: { slug: 'fixture-news' }, paragraph: 29, note: null },
          { source: { slug: 'fixture-journal' }, paragraph: 40, note: 'Names him as foreign minister.' },
        ],
      },
    });
    const unknownSource = (
      await asKey(key, ADD_CITATION.replace('expectedVersion: 2', 'expectedVersion: 3'), {
        id: actor.id,
        citation: { source: 'no-such-source', paragraph: 1 },
      })
    ).data.addActorCitation;
    expect(unknownSource).toEqual({ actor: null, userErrors: [{ field: 'citations[2].source', code: 'NOT_FOUND' }] });
  });

  it('report a name another actor holds, an alias given twice, an unknown country and an office ending before it starts, writing nothing', async () => {
    const before = await execute(api.yoga, COUNT);
    const result = (
      await asKey(keyFor('write'), CREATE_ACTOR, {
        input: {
          slug: 'moscow-city',
          name: 'Moscow',
          kind: 'GOVERNMENT_BODY',
          country: 'atlantis',
          offices: [{ title: 'Mayor', from: '2010', to: '2009' }],
          aliases: [
            { name: 'Moskva', kind: 'VARIANT' },
            { name: 'MOSKVA', kind: 'VARIANT' },
          ],
        },
      })
    ).data.createActor;
    expect(result.actor).toBeNull();
    expect(
      result.userErrors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`).sort(),
    ).toEqual(['aliases[1]:INVALID', 'country:NOT_FOUND', 'name:INVALID', 'offices[0].to:INVALID']);
    expect(await execute(api.yoga, COUNT)).toEqual(before);
  });
});

describe('mergeActors', () => {
  it('moves every reference to the actor merged into, in one transaction, with a revision for each changed record', async () => {
    const key = await keyFor('write');
    const duplicate = await create(key, CREATE_ACTOR, {
      slug: 'rossiya',
      name: 'Rossiya',
      kind: 'STATE',
      predecessor: 'soviet-union',
      aliases: [{ name: 'Rossiyskaya Federatsiya', kind: 'VARIANT' }],
      citations: [citation],
    });
    await create(key, CREATE_ACTOR, {
      slug: 'ivan-ivanov',
      name: 'Ivan Ivanov',
      kind: 'PERSON',
      country: 'rossiya',
      offices: [{ title: 'Envoy', organization: 'rossiya' }],
    });
    await create(
      key,
      'mutation ($input: EventInput!) { createEvent(input: $input) { event { id } userErrors { field code } } }',
      {
        slug: '2020-rossiya-talks',
        title: 'Talks with Rossiya',
        summary: 'Rossiya and Russia, one state under two names, held talks with Pakistan.',
        kind: 'MEETING',
        date: '2020',
        sectors: ['DIPLOMACY'],
        participants: [
          { actor: 'rossiya', role: 'INITIATOR' },
          { actor: 'russia', role: 'INITIATOR' },
          { actor: 'pakistan', role: 'RECIPIENT' },
        ],
        citations: [citation],
        claims: [
          {
            field: 'PARTICIPANT',
            value: 'rossiya',
            status: 'ASSERTED',
            preferred: true,
            reason: 'Named by the report.',
            citations: [citation],
          },
        ],
      },
    );
    await create(
      key,
      'mutation ($input: FigureInput!) { createFigure(input: $input) { figure { id } userErrors { field code } } }',
      {
        slug: 'rossiya-trade-2020',
        label: 'Trade with Rossiya, 2020',
        indicator: 'bilateral_trade',
        period: '2020',
        actors: ['pakistan', 'rossiya', 'russia'],
        value: '5',
        unit: 'deals',
        citations: [citation],
      },
    );
    const from = duplicate.id;
    const russia = await idOf('russia');
    const { cursor } = (await execute(api.yoga, '{ changes { cursor } }')).data.changes;
    const world =
      '{ event(slug: "2020-rossiya-talks") { version participants { role actor { slug } } claims { field value } } figure(slug: "rossiya-trade-2020") { actors { slug } } actor(slug: "ivan-ivanov") { country { slug } offices { organization { slug } } } }';
    const before = await execute(api.yoga, world);

    const stale = (await asKey(key, MERGE, { from, into: russia.id, version: russia.version + 5 })).data.mergeActors;
    expect(stale).toEqual({ actor: null, userErrors: [{ field: 'expectedVersion', code: 'STALE_VERSION' }] });
    const self = (await asKey(key, MERGE, { from, into: from })).data.mergeActors;
    expect(self).toEqual({ actor: null, userErrors: [{ field: 'into', code: 'INVALID' }] });
    expect(await execute(api.yoga, world)).toEqual(before);
    expect((await execute(api.yoga, '{ changes { cursor } }')).data.changes.cursor).toBe(cursor);

    const merged = (await asKey(key, MERGE, { from, into: russia.id, version: russia.version })).data.mergeActors;
    expect(merged.userErrors).toEqual([]);
    expect(merged.actor).toMatchObject({
      slug: 'russia',
      version: russia.version + 1,
      predecessor: { slug: 'soviet-union' },
      citations: [{ source: { slug: 'fixture-news' }, paragraph: 29 }],
    });
    expect(merged.actor.aliases.map((alias: { name: string }) => alias.name)).toEqual([
      'Russian Federation',
      'Moscow',
      'Rossiya',
      'Rossiyskaya Federatsiya',
    ]);

    expect((await execute(api.yoga, world)).data).toEqual({
      event: {
        version: 2,
        participants: [
          { role: 'INITIATOR', actor: { slug: 'russia' } },
          { role: 'RECIPIENT', actor: { slug: 'pakistan' } },
        ],
        claims: [{ field: 'PARTICIPANT', value: 'russia' }],
      },
      figure: { actors: [{ slug: 'pakistan' }, { slug: 'russia' }] },
      actor: { country: { slug: 'russia' }, offices: [{ organization: { slug: 'russia' } }] },
    });
    const gone = await execute(api.yoga, '{ actor(slug: "rossiya") { slug } }');
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const found = await execute(
      api.yoga,
      '{ actors(filter: { text: "Rossiya" }) { edges { node { slug } } } actor(slug: "russia") { events(first: 50) { edges { node { slug } } } } }',
    );
    expect(found.data.actors.edges).toEqual([{ node: { slug: 'russia' } }]);
    expect(found.data.actor.events.edges).toContainEqual({ node: { slug: '2020-rossiya-talks' } });

    const feed = (
      await execute(
        api.yoga,
        'query ($since: String) { changes(since: $since) { revisions { recordType slug operation reason after } } }',
        { since: cursor },
      )
    ).data.changes.revisions;
    expect(
      feed.map(
        (revision: { recordType: string; slug: string; operation: string }) =>
          `${revision.recordType} ${revision.slug} ${revision.operation}`,
      ),
    ).toEqual([
      'Event 2020-rossiya-talks MERGE',
      'Figure rossiya-trade-2020 MERGE',
      'Actor ivan-ivanov MERGE',
      'Actor rossiya MERGE',
      'Actor russia MERGE',
    ]);
    expect(feed.every((revision: { reason: string }) => revision.reason === 'Two records of one state.')).toBe(true);
    expect(feed[3].after).toBeNull();

    const again = (await asKey(key, MERGE, { from, into: russia.id })).data.mergeActors;
    expect(again).toEqual({ actor: null, userErrors: [{ field: 'from', code: 'NOT_FOUND' }] });
  });
});

describe('event(asOf:) after a merge', () => {
  it('shows a past participant merged away since as the actor it was merged into', async () => {
    const key = await keyFor('write');
    const created = await create(key, CREATE_ACTOR, {
      slug: 'krasnaya-zvezda',
      name: 'Krasnaya Zvezda',
      kind: 'ORGANIZATION',
      country: 'russia',
    });
    const result = await asKey(
      key,
      `mutation ($input: EventInput!) { createEvent(input: $input) { event { slug } userErrors { field } } }`,
      {
        input: {
          slug: '2019-test-interview',
          title: 'A test interview',
          summary: 'A newspaper interviewed an official.',
          kind: 'DECLARATION',
          date: '2019',
          sectors: ['DIPLOMACY'],
          participants: [{ actor: 'krasnaya-zvezda', role: 'INITIATOR' }],
          citations: [citation],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    const event = result.data.createEvent.event;
    const { at } = (await execute(api.yoga, `{ event(slug: "${event.slug}") { revisions { at } } }`)).data.event
      .revisions[0];
    const into = await idOf('russia');
    expect((await asKey(key, MERGE, { from: created.id, into: into.id })).data.mergeActors.userErrors).toEqual([]);
    const past = await execute(
      api.yoga,
      `{ event(slug: "${event.slug}", asOf: "${at}") { participants { role actor { slug } } } }`,
    );
    expect(past.data.event.participants).toEqual([{ role: 'INITIATOR', actor: { slug: 'russia' } }]);
  });
});

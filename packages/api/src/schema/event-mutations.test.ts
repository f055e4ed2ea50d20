import { describe, expect, it } from 'vitest';
import { countedChangeBus } from '../testing/counted-change-bus.ts';
import { execute } from '../testing/graphql.ts';
import { eventInputs, useWriteApi } from '../testing/write-api.ts';
import { createBilateralYoga } from '../yoga.ts';

const { api, denied, keyFor, asKey } = useWriteApi();

const EVENT_FIELDS =
  'id slug title version archived date { display precision } participants { role actor { slug } } citations { source { slug } paragraph }';
const CREATE = `mutation ($input: EventInput!, $key: String) { createEvent(input: $input, idempotencyKey: $key) { replayed event { ${EVENT_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation ($id: ID!, $patch: EventPatch!, $version: Int) { updateEvent(id: $id, patch: $patch, expectedVersion: $version) { event { ${EVENT_FIELDS} } userErrors { field code message } } }`;
const COUNT = '{ events(filter: { text: "Karachi" }) { totalCount } changes { cursor } }';

const newEvent = eventInputs('2019-test-visit', {
  title: 'Pakistani delegation visits Karachi port talks',
  summary: 'A delegation held port talks in Karachi.',
});

describe('event mutations', () => {
  it('refuse callers without a write key, log the attempt without the key, and write nothing', async () => {
    const before = await execute(api.yoga, COUNT);
    const anonymous = await asKey(null, CREATE, { input: newEvent() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bogus = await asKey('blt_not-a-real-key', CREATE, { input: newEvent() });
    expect(bogus.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await asKey(keyFor('read'), CREATE, { input: newEvent() });
    expect(reader.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(denied.map((entry) => entry.reason)).toEqual(['no_key', 'invalid_key', 'insufficient_scope']);
    expect(JSON.stringify(denied)).not.toContain('blt_');
    // The key is checked before the input, so a caller without one learns nothing about it.
    const probing = await asKey(null, UPDATE, { id: 'not-an-id', patch: { title: 'x' } });
    expect(probing.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await execute(api.yoga, COUNT)).toEqual(before);
  });

  it('create an event that reads back, is searchable at once, and has a revision', async () => {
    const result = await asKey(keyFor('write'), CREATE, { input: newEvent() });
    expect(result.data.createEvent.userErrors).toEqual([]);
    const event = result.data.createEvent.event;
    expect(event).toMatchObject({
      version: 1,
      archived: false,
      date: { display: 'March 2019', precision: 'MONTH' },
      citations: [{ source: { slug: 'fixture-news' }, paragraph: 3 }],
    });
    const found = await execute(
      api.yoga,
      `{ events(filter: { text: "Karachi" }) { edges { node { slug } } } event(slug: "${event.slug}") { revisions { version operation keyId before after } } }`,
    );
    expect(found.data.events.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toContain(event.slug);
    expect(found.data.event.revisions).toEqual([
      expect.objectContaining({
        version: 1,
        operation: 'CREATE',
        before: null,
        after: expect.objectContaining({ slug: event.slug, date: '2019-03' }),
      }),
    ]);
  });

  it('return every validation problem as userErrors and write nothing', async () => {
    const key = await keyFor('write');
    const before = await execute(api.yoga, COUNT);
    const result = await asKey(key, CREATE, {
      input: newEvent({
        slug: 'Not A Slug',
        date: '2023-02-29',
        title: 'x'.repeat(201),
        participants: [{ actor: 'atlantis', role: 'HOST' }],
        amount: { value: '12', currency: 'EURO' },
      }),
    });
    expect(result.data.createEvent.event).toBeNull();
    expect(
      result.data.createEvent.userErrors
        .map((error: { field: string; code: string }) => `${error.field}:${error.code}`)
        .sort(),
    ).toEqual(['amount.currency:INVALID', 'date:INVALID', 'slug:INVALID', 'title:INVALID']);
    const unknownActor = await asKey(key, CREATE, {
      input: newEvent({
        participants: [
          { actor: 'atlantis', role: 'HOST' },
          { actor: 'russia', role: 'HOST' },
          { actor: 'russia', role: 'HOST' },
        ],
      }),
    });
    // Every problem at once, and no others.
    expect(
      unknownActor.data.createEvent.userErrors.map(({ field, code }: { field: string; code: string }) => ({
        field,
        code,
      })),
    ).toEqual([
      { field: 'participants[0].actor', code: 'NOT_FOUND' },
      { field: 'participants[2]', code: 'INVALID' },
    ]);
    const badDecimal = await asKey(key, CREATE, { input: newEvent({ amount: { value: 1.5, currency: 'USD' } }) });
    expect(badDecimal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await execute(api.yoga, COUNT)).toEqual(before);
  });

  it('update with expectedVersion, and refuse a stale version without writing', async () => {
    const key = await keyFor('write');
    const { id } = (await asKey(key, CREATE, { input: newEvent() })).data.createEvent.event;
    const updated = await asKey(key, UPDATE, { id, patch: { title: 'Renamed talks', place: 'Karachi' }, version: 1 });
    expect(updated.data.updateEvent).toMatchObject({ userErrors: [], event: { title: 'Renamed talks', version: 2 } });
    const stale = await asKey(key, UPDATE, { id, patch: { title: 'Late rename' }, version: 1 });
    expect(stale.data.updateEvent).toMatchObject({
      event: null,
      userErrors: [{ field: 'expectedVersion', code: 'STALE_VERSION' }],
    });
    const cleared = await asKey(key, UPDATE, { id, patch: { title: null } });
    expect(cleared.data.updateEvent.userErrors).toEqual([{ field: 'title', code: 'INVALID', message: 'is required' }]);
    const now = await execute(
      api.yoga,
      `query ($id: ID!) { node(id: $id) { ... on Event { title version revisions { version before after } } } }`,
      { id },
    );
    expect(now.data.node).toMatchObject({ title: 'Renamed talks', version: 2 });
    expect(now.data.node.revisions[0]).toMatchObject({
      version: 2,
      before: { title: 'Pakistani delegation visits Karachi port talks' },
      after: { title: 'Renamed talks', place: 'Karachi' },
    });
  });

  it('replay a retried create with the same idempotency key once, and refuse the key for other input', async () => {
    const key = await keyFor('write');
    const input = newEvent();
    const first = await asKey(key, CREATE, { input, key: 'create-once' });
    const retry = await asKey(key, CREATE, { input, key: 'create-once' });
    expect(retry.data.createEvent).toMatchObject({ replayed: true, event: { id: first.data.createEvent.event.id } });
    const other = await asKey(key, CREATE, { input: newEvent(), key: 'create-once' });
    expect(other.data.createEvent.userErrors).toEqual([
      expect.objectContaining({ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }),
    ]);
  });

  it('archive hides an event from lists but keeps it; restore brings it back; the feed shows both', async () => {
    const key = await keyFor('write');
    const { id, slug } = (await asKey(key, CREATE, { input: newEvent() })).data.createEvent.event;
    const { cursor } = (await execute(api.yoga, '{ changes { cursor } }')).data.changes;
    const listed = async () =>
      (
        await execute(api.yoga, '{ events(first: 100, filter: { text: "Karachi" }) { edges { node { slug } } } }')
      ).data.events.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
    const archived = await asKey(
      key,
      `mutation ($id: ID!) { archiveEvent(id: $id) { event { archived version } userErrors { code } } }`,
      { id },
    );
    expect(archived.data.archiveEvent).toEqual({ event: { archived: true, version: 2 }, userErrors: [] });
    const again = await asKey(
      key,
      `mutation ($id: ID!) { archiveEvent(id: $id) { event { archived version } userErrors { code } } }`,
      { id },
    );
    expect(again.data.archiveEvent).toEqual({ event: { archived: true, version: 2 }, userErrors: [] });
    expect(await listed()).not.toContain(slug);
    expect((await execute(api.yoga, `{ event(slug: "${slug}") { archived } }`)).data.event).toEqual({ archived: true });
    await asKey(key, `mutation ($id: ID!) { restoreEvent(id: $id) { event { archived } } }`, { id });
    expect(await listed()).toContain(slug);
    const feed = await execute(
      api.yoga,
      `query ($since: String) { changes(since: $since) { revisions { slug operation version } hasMore } }`,
      { since: cursor },
    );
    expect(feed.data.changes).toEqual({
      revisions: [
        { slug, operation: 'ARCHIVE', version: 2 },
        { slug, operation: 'RESTORE', version: 3 },
      ],
      hasMore: false,
    });
  });

  it('add a citation, a competing claim, prefer it with a reason, and link events', async () => {
    const key = await keyFor('write');
    const { id, slug } = (
      await asKey(key, CREATE, {
        input: newEvent({
          claims: [
            {
              field: 'DATE',
              value: '2019-03',
              status: 'DISPUTED',
              preferred: true,
              reason: 'The news report is closer to the event.',
              citations: [{ source: 'fixture-news', paragraph: 3 }],
            },
          ],
        }),
      })
    ).data.createEvent.event;
    const cited = await asKey(
      key,
      `mutation ($id: ID!) { addEventCitation(id: $id, citation: { source: "fixture-journal", paragraph: 40, note: "Gives the year only." }) { event { citations { source { slug } paragraph note } } userErrors { field code } } }`,
      { id },
    );
    expect(cited.data.addEventCitation.event.citations).toHaveLength(2);
    const claimed = await asKey(
      key,
      `mutation ($id: ID!) { addEventClaim(id: $id, claim: { field: DATE, value: "2019", status: DISPUTED, citations: [{ source: "fixture-journal", paragraph: 40 }] }) { event { conflicts { field claims { value preferred } } } userErrors { field message } } }`,
      { id },
    );
    expect(claimed.data.addEventClaim.event.conflicts).toEqual([
      {
        field: 'DATE',
        claims: [
          { value: '2019-03', preferred: true },
          { value: '2019', preferred: false },
        ],
      },
    ]);
    const preferred = await asKey(
      key,
      `mutation ($id: ID!) { setPreferredEventClaim(id: $id, field: DATE, value: "2019", reason: "The journal checked the archive.") { event { date { display } conflicts { claims { value preferred reason } } } userErrors { field message } } }`,
      { id },
    );
    expect(preferred.data.setPreferredEventClaim.event).toEqual({
      date: { display: '2019' },
      conflicts: [
        {
          claims: [
            { value: '2019-03', preferred: false, reason: null },
            { value: '2019', preferred: true, reason: 'The journal checked the archive.' },
          ],
        },
      ],
    });
    const missing = await asKey(
      key,
      `mutation ($id: ID!) { setPreferredEventClaim(id: $id, field: DATE, value: "1999", reason: "No.") { userErrors { field code } } }`,
      { id },
    );
    expect(missing.data.setPreferredEventClaim.userErrors).toEqual([{ field: 'value', code: 'NOT_FOUND' }]);
    const linked = await asKey(
      key,
      `mutation ($id: ID!) { linkEvents(id: $id, link: { type: FOLLOWS, event: "2016-druzhba-exercise" }) { event { links { type direction event { slug } } } } }`,
      { id },
    );
    expect(linked.data.linkEvents.event.links).toEqual([
      { type: 'FOLLOWS', direction: 'OUTGOING', event: { slug: '2016-druzhba-exercise' } },
    ]);
    const self = await asKey(
      key,
      `mutation ($id: ID!) { linkEvents(id: $id, link: { type: FOLLOWS, event: "${slug}" }) { userErrors { field message } } }`,
      { id },
    );
    expect(self.data.linkEvents.userErrors).toEqual([expect.objectContaining({ field: 'links[1].event' })]);
  });

  it('reject a malformed or foreign ID with INVALID_ID', async () => {
    const result = await asKey(keyFor('write'), UPDATE, { id: 'nope', patch: { title: 'x' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_ID');
  });
});

describe('eventChanged', () => {
  it('streams a changed event over Server-Sent Events', async () => {
    const subscriptions = countedChangeBus(api.store);
    const yoga = createBilateralYoga({ store: api.store, logging: false, changes: subscriptions.changes });
    const controller = new AbortController();
    const stream = await yoga.fetch('http://bilateral.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { eventChanged { slug version } }' }),
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    let received = '';
    const readUntilChange = (async () => {
      while (!received.includes('"eventChanged"')) received += new TextDecoder().decode((await reader.read()).value);
    })();
    // The subscription starts once the stream is being read: write once it has.
    await subscriptions.subscribed(1);
    const input = newEvent();
    const created = await execute(yoga, CREATE, { input }, { authorization: `Bearer ${await keyFor('write')}` });
    expect(created.data.createEvent.userErrors).toEqual([]);
    await readUntilChange;
    // Each event carries the subscription's price, like every response.
    expect(received).toMatch(
      new RegExp(
        `\\{"data":\\{"eventChanged":\\{"slug":"${input.slug}","version":1\\}\\},"extensions":\\{"cost":\\d+\\}\\}`,
      ),
    );
    controller.abort();
  });
});

describe('event(asOf:)', () => {
  it('shows the event as it stood at each revision, lists included', async () => {
    const key = await keyFor('write');
    // Revisions are timed to the millisecond; keep the three writes in different milliseconds by
    // waiting for the clock to move on, rather than for a guessed time.
    const tick = async () => {
      const now = Date.now();
      while (Date.now() === now) await new Promise((resolve) => setImmediate(resolve));
    };
    const { id, slug } = (await asKey(key, CREATE, { input: newEvent() })).data.createEvent.event;
    await tick();
    await asKey(key, UPDATE, {
      id,
      patch: {
        title: 'Talks moved to Gwadar',
        sectors: ['TRADE', 'CONNECTIVITY'],
        participants: [{ actor: 'russia', role: 'INITIATOR' }],
        citations: [{ source: 'fixture-journal', paragraph: 40 }],
      },
    });
    await tick();
    await asKey(key, `mutation ($id: ID!) { archiveEvent(id: $id) { userErrors { code } } }`, { id });
    const times = (
      await execute(api.yoga, `{ event(slug: "${slug}") { revisions { version at } } }`)
    ).data.event.revisions
      .map((revision: { at: string }) => revision.at)
      .reverse();
    const AS_OF =
      'query ($slug: String, $asOf: String) { event(slug: $slug, asOf: $asOf) { title version archived sectors participants { role actor { slug } } citations { source { slug } paragraph } } }';
    const first = await execute(api.yoga, AS_OF, { slug, asOf: times[0] });
    expect(first.data.event).toEqual({
      title: 'Pakistani delegation visits Karachi port talks',
      version: 1,
      archived: false,
      sectors: ['DIPLOMACY'],
      participants: [
        { role: 'HOST', actor: { slug: 'pakistan' } },
        { role: 'VISITOR', actor: { slug: 'russia' } },
      ],
      citations: [{ source: { slug: 'fixture-news' }, paragraph: 3 }],
    });
    const second = await execute(api.yoga, AS_OF, { slug, asOf: times[1] });
    expect(second.data.event).toMatchObject({
      title: 'Talks moved to Gwadar',
      version: 2,
      archived: false,
      sectors: ['TRADE', 'CONNECTIVITY'],
      participants: [{ role: 'INITIATOR', actor: { slug: 'russia' } }],
    });
    expect((await execute(api.yoga, AS_OF, { slug, asOf: times[2] })).data.event).toMatchObject({
      version: 3,
      archived: true,
    });
    const before = await execute(api.yoga, AS_OF, { slug, asOf: '2000-01-01' });
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'asOf' });
    const malformed = await execute(api.yoga, AS_OF, { slug, asOf: 'yesterday' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });
});

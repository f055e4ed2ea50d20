// The history of every record type (`revisions`) and the change feed's arguments, over the fixture
// store. Paging the feed past one batch, over the generated dataset, is in ../boundaries.test.ts.
import { MAX_PAGE_SIZE } from '@bilateral/store';
import { describe, expect, it } from 'vitest';
import { execute, type GraphQLResponse } from '../testing/graphql.ts';
import { useWriteApi } from '../testing/write-api.ts';

const { api, asKey } = useWriteApi();

const REVISION_FIELDS = 'cursor recordType recordId slug version operation at keyId before after reason';
const FEED = `query ($since: String, $first: Int) { changes(since: $since, first: $first) { cursor hasMore revisions { ${REVISION_FIELDS} } } }`;

interface Revision {
  cursor: string;
  recordType: string;
  recordId: string;
  slug: string;
  version: number;
  operation: string;
  at: string;
  keyId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}
interface Feed {
  changes: { cursor: string; hasMore: boolean; revisions: Revision[] };
}

const feed = (variables: { since?: string; first?: number }) => execute<Feed>(api.yoga, FEED, variables);

/** The cursor after the newest revision, found by walking the feed to its end. */
async function feedHead(): Promise<string> {
  let since: string | undefined;
  for (;;) {
    const { data } = await feed({ since });
    since = data!.changes.cursor;
    if (!data!.changes.hasMore) return since;
  }
}

const writer = async (label: string) => {
  const { key, secret } = await api.store.createApiKey('write', label);
  return {
    keyId: key.id,
    write: (query: string, variables: Record<string, unknown>) => asKey(secret, query, variables),
  };
};

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('revisions of each record type', () => {
  it.each([
    { recordType: 'Event', field: 'event', slug: '2016-druzhba-exercise', patch: { title: 'Druzhba, renamed' } },
    { recordType: 'Actor', field: 'actor', slug: 'shehbaz-sharif', patch: { name: 'Shehbaz Sharif (renamed)' } },
    { recordType: 'Source', field: 'source', slug: 'fixture-journal', patch: { title: 'A renamed journal' } },
    { recordType: 'Figure', field: 'figure', slug: 'pakistan-russia-trade-2023', patch: { value: '2000000000' } },
  ])(
    '$recordType: lists each write newest first, as the feed does, with the whole record before and after',
    async ({ recordType, field, slug, patch }) => {
      const HISTORY = `{ ${field}(slug: "${slug}") { id version revisions { ${REVISION_FIELDS} } } }`;
      const seeded = (await execute(api.yoga, HISTORY)).data[field];
      expect(seeded.revisions).toEqual([
        expect.objectContaining({ recordType, recordId: seeded.id, slug, version: 1, operation: 'SEED', keyId: null }),
      ]);
      expect(seeded.revisions[0].before).toBeNull();
      expect(seeded.revisions[0].after).toMatchObject({ slug });

      const since = await feedHead();
      const { keyId, write } = await writer(`${field} history`);
      const update = `update${recordType}`;
      const written = await write(
        `mutation ($id: ID!, $patch: ${recordType}Patch!) { ${update}(id: $id, patch: $patch) { userErrors { field } } }`,
        { id: seeded.id, patch },
      );
      expect(written.data[update].userErrors).toEqual([]);

      const { data } = await execute(api.yoga, HISTORY);
      const [change, seed] = data[field].revisions as Revision[];
      expect(seed).toEqual(seeded.revisions[0]);
      expect(change).toEqual({
        cursor: expect.stringMatching(/^[1-9]\d*$/),
        recordType,
        recordId: seeded.id,
        slug,
        version: 2,
        operation: 'UPDATE',
        at: expect.stringMatching(ISO_UTC),
        keyId,
        before: seed!.after,
        after: { ...seed!.after, ...patch },
        reason: null,
      });
      expect(Number(change!.cursor)).toBeGreaterThan(Number(seed!.cursor));
      // The feed after the write holds just that revision, alike in every field.
      expect((await feed({ since })).data!.changes).toEqual({
        cursor: change!.cursor,
        hasMore: false,
        revisions: [change],
      });
    },
  );

  it('shows null before a creation and after a removal, and the reason the writer gave', async () => {
    const { keyId, write } = await writer('merge history');
    const created = await write(
      'mutation ($input: ActorInput!) { createActor(input: $input) { actor { id } userErrors { field } } }',
      { input: { slug: 'russian-federation-duplicate', name: 'Russian Federation (duplicate)', kind: 'STATE' } },
    );
    expect(created.data.createActor.userErrors).toEqual([]);
    const since = await feedHead();
    const russia = (await execute(api.yoga, '{ actor(slug: "russia") { id } }')).data.actor;
    const merged = await write(
      'mutation ($from: ID!, $into: ID!) { mergeActors(from: $from, into: $into, reason: "One state, recorded twice.") { userErrors { field } } }',
      { from: created.data.createActor.actor.id, into: russia.id },
    );
    expect(merged.data.mergeActors.userErrors).toEqual([]);
    const revisions = (await feed({ since })).data!.changes.revisions;
    const removed = revisions.find((revision) => revision.slug === 'russian-federation-duplicate')!;
    expect(removed).toMatchObject({
      recordType: 'Actor',
      recordId: created.data.createActor.actor.id,
      operation: 'MERGE',
      keyId,
      after: null,
      reason: 'One state, recorded twice.',
    });
    expect(removed.before).toMatchObject({
      slug: 'russian-federation-duplicate',
      name: 'Russian Federation (duplicate)',
    });

    // Its creation, one revision earlier, had nothing before it.
    const creation = (await feed({ since: String(Number(since) - 1), first: 1 })).data!.changes.revisions;
    expect(creation).toEqual([
      expect.objectContaining({
        slug: 'russian-federation-duplicate',
        operation: 'CREATE',
        before: null,
        reason: null,
      }),
    ]);
    expect(creation[0]!.after).toMatchObject({ slug: 'russian-federation-duplicate', kind: 'state' });
  });
});

describe('revisions(first:)', () => {
  const slug = '2024-10-trade-pledge';
  const VERSIONS = `query ($first: Int) { event(slug: "${slug}") { revisions(first: $first) { version } } }`;
  const versions = async (first?: number) =>
    ((await execute(api.yoga, VERSIONS, { first })).data.event.revisions as { version: number }[]).map(
      (revision) => revision.version,
    );

  it('gives the newest 20 by default, and 1 to 100 when asked', async () => {
    const { write } = await writer('many revisions');
    const { id } = (await execute(api.yoga, `{ event(slug: "${slug}") { id } }`)).data.event;
    for (let edit = 1; edit <= 21; edit++) {
      const result = await write(
        'mutation ($id: ID!, $title: String!) { updateEvent(id: $id, patch: { title: $title }) { userErrors { field } } }',
        { id, title: `Trade pledge, edit ${edit}` },
      );
      expect(result.data.updateEvent.userErrors).toEqual([]);
    }
    const newestFirst = Array.from({ length: 22 }, (_, index) => 22 - index);
    expect(await versions()).toEqual(newestFirst.slice(0, 20));
    expect(await versions(1)).toEqual([22]);
    expect(await versions(MAX_PAGE_SIZE)).toEqual(newestFirst);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1])(
    'refuses first: %i with BAD_USER_INPUT on `first`, stating the range',
    async (first) => {
      const { data, errors } = await execute(api.yoga, VERSIONS, { first });
      expect(data?.event ?? null).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({
          message: `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'first' }),
        }),
      ]);
    },
  );
});

describe('changes(since:, first:)', () => {
  const errorsOf = (result: GraphQLResponse<Feed>) => {
    expect(result.data?.changes ?? null).toBeNull();
    return result.errors;
  };

  it.each(['', 'abc', '-1', '1.5', '1e3', '01', '00', ' 1', '1 ', 'x1', '1x', '0x', '1234567890123456'])(
    'refuses since: %j with INVALID_CURSOR',
    async (since) => {
      expect(errorsOf(await feed({ since }))).toEqual([
        expect.objectContaining({
          message: '`since` must be a `cursor` returned by `changes`.',
          extensions: expect.objectContaining({ code: 'INVALID_CURSOR', argument: 'since' }),
        }),
      ]);
    },
  );

  it('reads since as the revision to continue after, from 0 up to fifteen digits', async () => {
    const all = (await feed({ since: '0', first: MAX_PAGE_SIZE })).data!.changes;
    expect(all.revisions.length).toBeGreaterThan(10);
    const cursors = all.revisions.map((revision) => revision.cursor);
    expect((await feed({})).data!.changes.revisions.map((revision) => revision.cursor)).toEqual(cursors);
    for (const position of [1, 9]) {
      const after = (await feed({ since: cursors[position - 1], first: 2 })).data!.changes;
      expect(after.revisions.map((revision) => revision.cursor)).toEqual(cursors.slice(position, position + 2));
    }
    const beyond = '999999999999999';
    expect((await feed({ since: beyond })).data!.changes).toEqual({ cursor: beyond, hasMore: false, revisions: [] });
  });

  it('takes first from 1 to 100, and refuses others with BAD_USER_INPUT on `first`', async () => {
    const one = (await feed({ first: 1 })).data!.changes;
    expect(one.revisions).toHaveLength(1);
    expect(one).toMatchObject({ cursor: one.revisions[0]!.cursor, hasMore: true });
    expect((await feed({ first: MAX_PAGE_SIZE })).errors).toBeUndefined();
    for (const first of [0, MAX_PAGE_SIZE + 1])
      expect(errorsOf(await feed({ first }))).toEqual([
        expect.objectContaining({
          message: `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'first' }),
        }),
      ]);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixtureDocuments } from '@bilateral/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventInputs, useWriteApi } from '../testing/write-api.ts';

const { keyFor, asKey } = useWriteApi();

const CREATE =
  'mutation ($input: EventInput!) { createEvent(input: $input) { event { id } userErrors { field message code } } }';
const ADD_CLAIM =
  'mutation ($id: ID!, $claim: ClaimInput!) { addEventClaim(id: $id, claim: $claim) { event { claims { field value } } userErrors { field message code } } }';

const newEvent = eventInputs('2019-validation-visit');
const createEvent = async (key: string, overrides: Record<string, unknown> = {}) => {
  const result = await asKey(key, CREATE, { input: newEvent(overrides) });
  expect(result.data.createEvent.userErrors).toEqual([]);
  return result.data.createEvent.event.id as string;
};
const claimOf = (field: string, value: string) => ({
  field,
  value,
  status: 'DISPUTED',
  citations: [{ source: 'fixture-journal', paragraph: 1 }],
});

describe('write validation through the API', () => {
  it('checks each claim value by its field and stores a place in NFC', async () => {
    const key = await keyFor('write');
    const id = await createEvent(key, {
      place: 'Karachi',
      claims: [
        {
          ...claimOf('PLACE', 'Karachi'),
          preferred: true,
          reason: 'The news report names it.',
          citations: [{ source: 'fixture-news', paragraph: 3 }],
        },
      ],
    });
    const refused = async (field: string, value: string) =>
      (await asKey(key, ADD_CLAIM, { id, claim: claimOf(field, value) })).data.addEventClaim.userErrors;
    expect(await refused('AMOUNT', 'lots of money NaN')).toEqual([
      expect.objectContaining({ field: 'claims[1].value', code: 'INVALID' }),
    ]);
    expect(await refused('QUANTITY', '1.5e3')).toEqual([
      expect.objectContaining({ field: 'claims[1].value', code: 'INVALID' }),
    ]);
    expect(await refused('PLACE', 'Karachi\u0001port')).toEqual([
      expect.objectContaining({ field: 'claims[1].value', message: 'must not contain control characters' }),
    ]);
    expect(await refused('PLACE', 'K'.repeat(300))).toEqual([
      expect.objectContaining({ field: 'claims[1].value', message: 'must be at most 200 characters' }),
    ]);
    const nfd = await asKey(key, ADD_CLAIM, { id, claim: claimOf('PLACE', 'Gwa\u0301dar') });
    expect(nfd.data.addEventClaim.userErrors).toEqual([]);
    expect(nfd.data.addEventClaim.event.claims).toContainEqual({ field: 'PLACE', value: 'Gw\u00e1dar' });
  });
});

describe('writes checked against the documents, through the API', () => {
  beforeAll(
    () =>
      void vi.stubEnv(
        'BILATERAL_SOURCES_DIR',
        writeFixtureDocuments(mkdtempSync(join(tmpdir(), 'bilateral-documents-')), 5),
      ),
  );
  afterAll(() => void vi.unstubAllEnvs());

  it('refuse a paragraph the document does not have, and a source whose file is missing', async () => {
    const key = await keyFor('write');
    const cited = await asKey(key, CREATE, {
      input: newEvent({ citations: [{ source: 'fixture-news', paragraph: 99999 }] }),
    });
    expect(cited.data.createEvent.userErrors).toEqual([
      {
        field: 'citations[0].paragraph',
        code: 'INVALID',
        message: 'source "fixture-news" has 5 paragraphs, so paragraph 99999 does not exist',
      },
    ]);
    const source = await asKey(
      key,
      'mutation ($input: SourceInput!) { createSource(input: $input) { source { slug } userErrors { field code } } }',
      {
        input: { slug: 'missing-report', file: '404_missing.txt', title: 'A report nobody has', genre: 'NEWS' },
      },
    );
    expect(source.data.createSource).toEqual({ source: null, userErrors: [{ field: 'file', code: 'NOT_FOUND' }] });
  });
});

describe('lists that name the same thing twice', () => {
  it('are user errors, not masked primary-key failures', async () => {
    const key = await keyFor('write');
    const id = await createEvent(key);
    const twice = { type: 'FOLLOWS', event: '2016-druzhba-exercise' };
    const linked = await asKey(
      key,
      'mutation ($id: ID!, $patch: EventPatch!) { updateEvent(id: $id, patch: $patch) { userErrors { field code } } }',
      { id, patch: { links: [twice, twice] } },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data.updateEvent.userErrors).toEqual([{ field: 'links[1]', code: 'INVALID' }]);

    const cite =
      'mutation ($id: ID!) { addEventCitation(id: $id, citation: { source: "fixture-news", paragraph: 3 }) { userErrors { field code } } }';
    expect((await asKey(key, cite, { id })).data.addEventCitation.userErrors).toEqual([
      { field: 'citations[1]', code: 'INVALID' },
    ]);

    const figure = await asKey(
      key,
      'mutation ($input: FigureInput!) { createFigure(input: $input) { figure { id } userErrors { field code } } }',
      {
        input: {
          slug: 'twice-named-trade',
          label: 'Trade',
          indicator: 'bilateral_trade',
          period: '2019',
          actors: ['pakistan', 'russia', 'pakistan'],
          value: '5',
          currency: 'USD',
          citations: [{ source: 'fixture-news', paragraph: 1 }],
        },
      },
    );
    expect(figure.errors).toBeUndefined();
    expect(figure.data.createFigure.userErrors).toEqual([{ field: 'actors[2]', code: 'INVALID' }]);
  });
});

describe('text hygiene', () => {
  it('keeps one-line fields on one line, lets a summary break lines, and counts length after NFC', async () => {
    const key = await keyFor('write');
    const refused = await asKey(key, CREATE, {
      input: newEvent({ title: 'A visit\nin two lines', place: 'Karachi\tport', summary: 'Talks.\u202eevil' }),
    });
    expect(refused.data.createEvent.userErrors).toEqual([
      { field: 'title', code: 'INVALID', message: 'must be one line, without line breaks or tabs' },
      {
        field: 'summary',
        code: 'INVALID',
        message: 'must not contain bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069)',
      },
      { field: 'place', code: 'INVALID', message: 'must be one line, without line breaks or tabs' },
    ]);
    const accepted = await asKey(key, CREATE, {
      input: newEvent({ title: 'e\u0301'.repeat(150), summary: 'First talks.\nThen a visit.' }),
    });
    expect(accepted.data.createEvent.userErrors).toEqual([]);
  });
});

describe('writes that change nothing', () => {
  const HISTORY =
    'query ($id: ID!) { node(id: $id) { ... on Event { version revisions { version } } ... on Actor { version revisions { version } } ... on Source { version revisions { version } } ... on Figure { version revisions { version } } } }';

  it('keep the version and append no revision, for an empty patch or the same values', async () => {
    const key = await keyFor('write');
    const id = await createEvent(key, { place: 'Karachi' });
    const update =
      'mutation ($id: ID!, $patch: EventPatch!) { updateEvent(id: $id, patch: $patch) { replayed event { version } userErrors { field } } }';
    expect((await asKey(key, update, { id, patch: {} })).data.updateEvent).toEqual({
      replayed: false,
      event: { version: 1 },
      userErrors: [],
    });
    expect(
      (await asKey(key, update, { id, patch: { place: 'Karachi', sectors: ['DIPLOMACY'] } })).data.updateEvent.event,
    ).toEqual({ version: 1 });
    expect((await asKey(key, update, { id, patch: { place: 'Gwadar' } })).data.updateEvent.event).toEqual({
      version: 2,
    });
    expect((await asKey(null, HISTORY, { id })).data.node.revisions).toHaveLength(2);
  });

  it('leave every seeded record as it is when patched with nothing', async () => {
    const key = await keyFor('write');
    const ids = await asKey(
      null,
      '{ events(first: 100) { edges { node { id } } } actors(first: 100) { edges { node { id } } } sources { edges { node { id } } } figures { edges { node { id } } } }',
    );
    for (const [list, { edges }] of Object.entries<{ edges: { node: { id: string } }[] }>(ids.data)) {
      const mutation = `update${list[0]!.toUpperCase()}${list.slice(1, -1)}`;
      for (const {
        node: { id },
      } of edges) {
        const before = (await asKey(null, HISTORY, { id })).data.node;
        const result = await asKey(
          key,
          `mutation ($id: ID!) { ${mutation}(id: $id, patch: {}) { userErrors { field message } } }`,
          { id },
        );
        expect(result.data[mutation].userErrors, `${mutation} ${id}`).toEqual([]);
        expect((await asKey(null, HISTORY, { id })).data.node, `${mutation} ${id}`).toEqual(before);
      }
    }
  });
});

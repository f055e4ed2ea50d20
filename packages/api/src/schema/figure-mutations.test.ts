import { describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { figureInputs, useWriteApi } from '../testing/write-api.ts';

const { api, keyFor, asKey } = useWriteApi();

const FIGURE_FIELDS =
  'id slug value currency unit approximate version period { display } actors { slug } conflicts { claims { value preferred reason } }';
const CREATE = `mutation ($input: FigureInput!) { createFigure(input: $input) { figure { ${FIGURE_FIELDS} } userErrors { field code } } }`;
const UPDATE = `mutation ($id: ID!, $patch: FigurePatch!, $version: Int) { updateFigure(id: $id, patch: $patch, expectedVersion: $version) { figure { ${FIGURE_FIELDS} } userErrors { field code } } }`;
const COUNT = '{ figures { totalCount } changes { cursor } }';

const newFigure = figureInputs('pakistan-russia-trade-2019');

describe('figure mutations', () => {
  it('create a figure, update it with expectedVersion, and refuse a stale version without writing', async () => {
    const key = await keyFor('write');
    const created = (await asKey(key, CREATE, { input: newFigure() })).data.createFigure;
    expect(created).toMatchObject({
      userErrors: [],
      figure: {
        value: '1000000000',
        currency: 'USD',
        unit: null,
        approximate: false,
        version: 1,
        period: { display: '2019' },
        actors: [{ slug: 'pakistan' }, { slug: 'russia' }],
      },
    });
    const { id } = created.figure;
    const updated = (await asKey(key, UPDATE, { id, patch: { value: '1100000000', approximate: true }, version: 1 }))
      .data.updateFigure;
    expect(updated).toMatchObject({ userErrors: [], figure: { value: '1100000000', approximate: true, version: 2 } });
    const stale = (await asKey(key, UPDATE, { id, patch: { value: '5' }, version: 1 })).data.updateFigure;
    expect(stale).toEqual({ figure: null, userErrors: [{ field: 'expectedVersion', code: 'STALE_VERSION' }] });
    const now = await execute(
      api.yoga,
      'query ($id: ID!) { node(id: $id) { ... on Figure { value version revisions { version operation } } } }',
      { id },
    );
    expect(now.data.node).toEqual({
      value: '1100000000',
      version: 2,
      revisions: [
        { version: 2, operation: 'UPDATE' },
        { version: 1, operation: 'CREATE' },
      ],
    });
  });

  it('report a currency given with a unit and an unknown actor as userErrors, writing nothing', async () => {
    const before = await execute(api.yoga, COUNT);
    const result = (
      await asKey(keyFor('write'), CREATE, { input: newFigure({ unit: 'tonnes', actors: ['atlantis'] }) })
    ).data.createFigure;
    expect(result.figure).toBeNull();
    expect(result.userErrors).toEqual([{ field: 'currency', code: 'INVALID' }]);
    const unknown = (await asKey(keyFor('write'), CREATE, { input: newFigure({ actors: ['atlantis'] }) })).data
      .createFigure;
    expect(unknown.userErrors).toEqual([{ field: 'actors[0]', code: 'NOT_FOUND' }]);
    expect(await execute(api.yoga, COUNT)).toEqual(before);
  });

  it('add a competing value and prefer it with a reason: the figure takes the value', async () => {
    const key = await keyFor('write');
    const claims = [
      {
        field: 'VALUE',
        value: '1000000000',
        status: 'DISPUTED',
        preferred: true,
        reason: 'The news analysis is the more recent source.',
        citations: [{ source: 'fixture-news', paragraph: 16 }],
      },
    ];
    const { id } = (await asKey(key, CREATE, { input: newFigure({ claims }) })).data.createFigure.figure;
    const added = await asKey(
      key,
      'mutation ($id: ID!) { addFigureClaim(id: $id, claim: { field: VALUE, value: "1200000000", status: DISPUTED, citations: [{ source: "fixture-journal", paragraph: 40 }] }) { figure { value conflicts { claims { value preferred } } } userErrors { field message } } }',
      { id },
    );
    expect(added.data.addFigureClaim).toEqual({
      userErrors: [],
      figure: {
        value: '1000000000',
        conflicts: [
          {
            claims: [
              { value: '1000000000', preferred: true },
              { value: '1200000000', preferred: false },
            ],
          },
        ],
      },
    });
    const preferred = await asKey(
      key,
      'mutation ($id: ID!) { setPreferredFigureClaim(id: $id, field: VALUE, value: "1200000000", reason: "The journal checked customs data.") { figure { value conflicts { claims { value preferred reason } } } userErrors { field } } }',
      { id },
    );
    expect(preferred.data.setPreferredFigureClaim.figure).toEqual({
      value: '1200000000',
      conflicts: [
        {
          claims: [
            { value: '1000000000', preferred: false, reason: null },
            { value: '1200000000', preferred: true, reason: 'The journal checked customs data.' },
          ],
        },
      ],
    });
    const missing = await asKey(
      key,
      'mutation ($id: ID!) { setPreferredFigureClaim(id: $id, field: VALUE, value: "7", reason: "No.") { userErrors { field code } } }',
      { id },
    );
    expect(missing.data.setPreferredFigureClaim.userErrors).toEqual([{ field: 'value', code: 'NOT_FOUND' }]);
  });
});
